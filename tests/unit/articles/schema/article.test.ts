import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatProblem, sortProblems } from "../../../../src/lib/problems";
import { validateArticleSource, type ValidArticle } from "../../../../src/articles/validate-article";
import { createArticleSchema } from "../../../../src/articles/schema/article";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const VALID = "tests/fixtures/articles/valid";
const INVALID = "tests/fixtures/articles/invalid";
const schema = createArticleSchema({ defaultLanguage: "en", timezone: "UTC" });

/** Every field of section 1 of the contract, in its order. */
const CONTRACT_FIELDS = [
  "title",
  "dek",
  "published",
  "updated",
  "byline",
  "agency",
  "dateline",
  "section",
  "topics",
  "people",
  "organizations",
  "places",
  "images",
  "source",
  "rights",
  "language",
  "slug",
  "aliases",
  "corrections",
  "draft",
];

/** Validates a fixture as `npm run check` would, naming it by its path from the project root. */
function check(file: string, options = schema) {
  return validateArticleSource(readFileSync(join(ROOT, file), "utf8"), file, options);
}

function valid(file: string, options = schema): ValidArticle {
  const result = check(file, options);
  if (!result.ok)
    throw new Error(`expected ${file} to be valid:\n${result.problems.map(formatProblem).join("\n")}`);
  return result.article;
}

/** The lines `npm run check` prints for a fixture, in file order. */
function reported(file: string): string[] {
  const result = check(file);
  if (result.ok) throw new Error(`expected ${file} to have problems`);
  return sortProblems(result.problems).map(formatProblem);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Matches `path:line: field: …message…` with the file, line and field exact. */
function line(file: string, lineNumber: number, field: string, message: string): unknown {
  return expect.stringMatching(
    new RegExp(`^${escape(`${file}:${lineNumber}: ${field}: `)}.*${escape(message)}`),
  );
}

describe("the article schema", () => {
  it("knows exactly the contract's fields", () => {
    expect(Object.keys(schema.shape)).toEqual(CONTRACT_FIELDS);
  });
});

describe("valid articles", () => {
  it("accepts an article with every contract field and keeps each value as written", () => {
    const file = `${VALID}/harbour-bridge-complete.md`;
    const article = valid(file);
    expect(Object.keys(article.rawData)).toEqual(CONTRACT_FIELDS);
    expect(article.data).toEqual({
      title: "Harbour bridge reopens to traffic after eight months of repairs",
      dek: "Engineers replaced corroded cables and resurfaced the deck ahead of schedule.",
      published: {
        written: "2016-06-14T23:30:00-05:00",
        datetime: "2016-06-14T23:30:00-05:00",
        day: "2016-06-14",
        year: 2016,
        month: 6,
        date: 14,
        time: "23:30",
        offset: "-05:00",
        epochMs: Date.UTC(2016, 5, 15, 4, 30),
      },
      updated: {
        written: "2016-06-15",
        datetime: "2016-06-15",
        day: "2016-06-15",
        year: 2016,
        month: 6,
        date: 15,
        epochMs: Date.UTC(2016, 5, 15),
      },
      byline: ["Marta Quill", "Tomás Ferreira"],
      agency: "Coastal Wire Service",
      dateline: "Port Ellery",
      section: "Local",
      topics: ["transport", "infrastructure"],
      people: ["Odile Brandt"],
      organizations: ["Port Ellery Harbour Authority"],
      places: ["Port Ellery"],
      images: [
        {
          src: "./images/bridge-opening.jpg",
          alt: "Cars cross the repainted bridge under a clear evening sky",
          caption: "The first cars cross the bridge on Tuesday evening.",
          credit: "Marta Quill/Coastal Wire Service",
        },
        {
          caption: "The bridge closed in October so crews could reach the cables.",
          credit: "Harbour Authority handout",
        },
      ],
      source: {
        publisher: "Port Ellery Gazette",
        url: "https://gazette.example.org/2016/06/harbour-bridge-reopens.html",
        retrieved: {
          written: "2024-04-27",
          datetime: "2024-04-27",
          day: "2024-04-27",
          year: 2024,
          month: 4,
          date: 27,
          epochMs: Date.UTC(2024, 3, 27),
        },
      },
      rights: "© 2016 Coastal Wire Service. All rights reserved.",
      language: "en-GB",
      slug: "harbour-bridge-reopens",
      aliases: ["/news/2016-06-harbour-bridge-reopens.html", "/local/bridge.html"],
      corrections: [
        {
          date: {
            written: "2016-06-15",
            datetime: "2016-06-15",
            day: "2016-06-15",
            year: 2016,
            month: 6,
            date: 15,
            epochMs: Date.UTC(2016, 5, 15),
          },
          text: "An earlier version gave the wrong month for the start of the closure.",
        },
      ],
      draft: true,
    });
  });

  it("keeps the body and where it starts", () => {
    const article = valid(`${VALID}/harbour-bridge-complete.md`);
    expect(article.bodyLine).toBe(34);
    expect(article.body.split("\n")[1]).toBe(
      "The swing bridge linking the two halves of Port Ellery carried cars again on Tuesday evening, a week",
    );
    expect(article.lineOf(["images", 1, "credit"])).toBe(20);
    expect(article.rawData.published).toBe("2016-06-14T23:30:00-05:00");
  });

  it("reads a single byline name as a list and fills in every default", () => {
    const article = valid(`${VALID}/riverside-library-defaults.md`);
    expect(article.data.byline).toEqual(["Odile Brandt"]);
    expect(article.data).toMatchObject({
      draft: false,
      language: "en",
      slug: "riverside-library-defaults",
      topics: [],
      people: [],
      organizations: [],
      places: [],
      images: [],
      aliases: [],
      corrections: [],
    });
    for (const optional of ["dek", "updated", "agency", "dateline", "section", "source", "rights"]) {
      expect(article.data).not.toHaveProperty(optional);
    }
  });

  it("takes the default language from the site configuration", () => {
    const french = createArticleSchema({ defaultLanguage: "fr", timezone: "UTC" });
    expect(valid(`${VALID}/riverside-library-defaults.md`, french).data.language).toBe("fr");
  });

  it("places a bare published date at midnight in the site timezone", () => {
    const tokyo = createArticleSchema({ defaultLanguage: "en", timezone: "Asia/Tokyo" });
    const published = valid(`${VALID}/riverside-library-defaults.md`, tokyo).data.published;
    expect(published.day).toBe("2021-03-06");
    expect(published.epochMs).toBe(Date.UTC(2021, 2, 5, 15));
  });

  it("drops repeated names after trimming them, keeping the first order", () => {
    const article = valid(`${VALID}/council-vote-duplicate-names.md`);
    expect(article.data.byline).toEqual(["Marta Quill", "Tomás Ferreira"]);
    expect(article.data.topics).toEqual(["harbour", "safety"]);
    expect(article.data.places).toEqual(["Port Ellery"]);
    expect(article.data.language).toBe("fr");
    expect(article.data.published).toMatchObject({ day: "2019-09-02", time: "10:15", offset: "+01:00" });
  });
});

describe("invalid articles: one fixture per rule", () => {
  const cases: { fixture: string; line: number; field: string; message: string }[] = [
    {
      fixture: "unknown-key-typo.md",
      line: 3,
      field: "publised",
      message: 'unknown field "publised"; did you mean "published"?',
    },
    {
      fixture: "unknown-image-key.md",
      line: 7,
      field: "images[0].captoin",
      message: 'unknown field "captoin"; did you mean "caption"?',
    },
    { fixture: "missing-title.md", line: 1, field: "title", message: "required" },
    { fixture: "empty-title.md", line: 3, field: "title", message: "must not be empty" },
    {
      fixture: "bad-published.md",
      line: 3,
      field: "published",
      message: '"14/06/2016" is not a date; write YYYY-MM-DD (2016-06-14)',
    },
    {
      fixture: "published-time-without-offset.md",
      line: 3,
      field: "published",
      message: '"2016-06-14T19:45:00" has a time but no offset; add one, e.g. 2016-06-14T19:45:00Z',
    },
    {
      fixture: "published-not-a-calendar-day.md",
      line: 3,
      field: "published",
      message: '"2021-02-29" is not a day of the calendar',
    },
    {
      fixture: "updated-before-published.md",
      line: 4,
      field: "updated",
      message: "2022-01-17 is before published (2022-01-18T08:00:00+00:00); updated must not be earlier",
    },
    {
      fixture: "image-src-without-alt.md",
      line: 5,
      field: "images[0].alt",
      message: "required whenever src is given",
    },
    {
      fixture: "image-without-src-or-caption.md",
      line: 6,
      field: "images[1]",
      message: "an image needs a src, or a caption or credit",
    },
    {
      fixture: "remote-image-src.md",
      line: 5,
      field: "images[0].src",
      message: "expected a path relative to the article file, e.g. ./images/photo.jpg",
    },
    {
      fixture: "bad-slug.md",
      line: 4,
      field: "slug",
      message: "expected lowercase ASCII letters, digits and single hyphens",
    },
    {
      fixture: "Harbour_Strike_Ends.md",
      line: 1,
      field: "slug",
      message:
        'the file name "Harbour_Strike_Ends.md" does not make a valid URL slug (lowercase ASCII letters, digits and hyphens); rename the file to harbour-strike-ends.md or set slug: harbour-strike-ends',
    },
    {
      fixture: "bad-language.md",
      line: 4,
      field: "language",
      message: '"en_GB" is not a BCP 47 language tag',
    },
    { fixture: "draft-not-boolean.md", line: 4, field: "draft", message: "expected true or false" },
    {
      fixture: "alias-without-slash.md",
      line: 6,
      field: "aliases[1]",
      message: "expected a path on this site starting with a single /",
    },
    {
      fixture: "source-url-not-web.md",
      line: 6,
      field: "source.url",
      message: "expected a web address starting with https:// or http://",
    },
    {
      fixture: "correction-bad-date.md",
      line: 7,
      field: "corrections[1].date",
      message: '"yesterday" is not a date',
    },
    {
      fixture: "script-in-body.md",
      line: 8,
      field: "body",
      message: "raw <script> is not allowed in an article",
    },
    {
      fixture: "javascript-link-in-body.md",
      line: 7,
      field: "body",
      message: `a link to a script URL ("javascript:alert('minutes')") is not allowed`,
    },
  ];

  it.each(cases)("$fixture → line $line, $field", ({ fixture, line: lineNumber, field, message }) => {
    const file = `${INVALID}/${fixture}`;
    expect(reported(file)).toEqual([line(file, lineNumber, field, message)]);
  });

  it("reports the full one-line form for a typo", () => {
    expect(reported(`${INVALID}/unknown-key-typo.md`)).toEqual([
      'tests/fixtures/articles/invalid/unknown-key-typo.md:3: publised: unknown field "publised"; did you mean "published"?',
    ]);
  });

  it("reports every problem of a file at once, each on its own line", () => {
    const file = `${INVALID}/several-problems.md`;
    expect(reported(file)).toEqual([
      line(file, 2, "title", "must not be empty"),
      line(file, 3, "publised", 'did you mean "published"?'),
      line(file, 5, "updated", "2015-11-29 is before published (2015-11-30)"),
      line(file, 7, "images[0].alt", "required whenever src is given"),
      line(file, 8, "byline[1]", "must not be empty"),
      line(file, 9, "slug", "expected lowercase ASCII letters, digits and single hyphens"),
      line(file, 10, "aliases[0]", "expected a path on this site starting with a single /"),
      line(file, 17, "body", "raw <iframe> is not allowed in an article"),
      line(file, 20, "body", 'to a script URL ("JaVaScRiPt:void(0)") is not allowed'),
    ]);
  });

  it("reports updated-before-published even when another field has the wrong type", () => {
    const file = `${INVALID}/updated-check-with-other-errors.md`;
    expect(reported(file)).toEqual([
      line(file, 4, "updated", "2015-11-29 is before published (2015-11-30)"),
      line(file, 5, "language", '"en_GB" is not a BCP 47 language tag'),
      line(file, 6, "draft", "expected true or false"),
    ]);
  });
});

/** The lines reported for a file "a.md" with this frontmatter and a one-line body. */
function problemsOf(frontmatter: string): string[] {
  const result = validateArticleSource(`---\n${frontmatter}---\n\nText.\n`, "a.md", schema);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe("aliases and language, beyond their type", () => {
  const base = "---\ntitle: T\npublished: 2020-01-01\n";
  const required = "title: T\npublished: 2020-01-01\n";

  it.each(["//evil.example/x", "/a/../b", "/a/./b", "/search/?q=x", "/page#top", "/with space"])(
    "refuses the alias %j, which no static host serves as a page of this site",
    (alias) => {
      expect(problemsOf(`${required}aliases: ["${alias}"]\n`)).toEqual([
        expect.stringMatching(
          /^a\.md:4: aliases\[0\]: expected a path on this site starting with a single \//,
        ),
      ]);
    },
  );

  it.each(["/news/*", "/:year/:slug/", "/*"])(
    "refuses the alias %j, which a host's _redirects would read as a pattern for many addresses",
    (alias) => {
      expect(problemsOf(`${required}aliases: ["/old/story/", "${alias}"]\n`)).toEqual([
        "a.md:4: aliases[1]: an old address may not contain * or :, which hosts' redirect rules read as patterns that match other addresses; list each old address in full",
      ]);
    },
  );

  it.each([
    [
      "/news/caf%C3%A9.html",
      "write the old address without %-escapes, as a browser shows it: /news/café.html",
    ],
    ["/news/a%20b.html", "an old address may not contain %-escapes of spaces or reserved characters"],
    ["/news/a%2Fb.html", "an old address may not contain %-escapes of spaces or reserved characters"],
  ])("refuses the %-escaped alias %j, whose redirect page hosts would not find", (alias, message) => {
    expect(problemsOf(`${required}aliases: ["${alias}", /a/%2e%2e/b]\n`)).toEqual([
      expect.stringContaining(`a.md:4: aliases[0]: ${message}`),
      expect.stringMatching(/^a\.md:4: aliases\[1\]: expected a path on this site/),
    ]);
  });

  it("accepts an old address with letters beyond ASCII, written as a browser shows it", () => {
    expect(problemsOf(`${required}aliases: [/news/café.html, /old/über/]\n`)).toEqual([]);
  });

  it("accepts an old .html path and a folder path", () => {
    expect(problemsOf(`${required}aliases: [/news/2016/old.html, /old/folder/]\n`)).toEqual([]);
  });

  it("refuses a well-formed tag of no known language", () => {
    expect(problemsOf(`${required}language: english\n`)).toEqual([
      'a.md:4: language: "english" is not a BCP 47 language tag of a known language; write e.g. en, fr, ar or zh-Hans',
    ]);
  });

  it("refuses an article with no body text, and a # heading in the body, with their lines", () => {
    const result = validateArticleSource(`${base}---\n\n# Second headline\n`, "a.md", schema);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      "a.md:6: body: a top-level heading (# …) in the body would compete with the headline; use ## for the article's section headings",
    ]);
    const empty = validateArticleSource(`${base}---\n`, "a.md", schema);
    expect(empty.ok ? [] : empty.problems.map(formatProblem)).toEqual([
      "a.md:5: body: the article has no text: write its body below the frontmatter",
    ]);
  });
});

describe("messages for common slips", () => {
  it("suggests quotes for a headline with a colon", () => {
    expect(problemsOf("title: Talks: a new start\npublished: 2020-01-01\n")).toEqual([
      'a.md:2: frontmatter: YAML syntax: Nested mappings are not allowed in compact mappings; if the value contains ": ", put it in quotes',
    ]);
  });

  it("says what an image entry is when one is left empty", () => {
    expect(problemsOf("title: T\npublished: 2020-01-01\nimages:\n  -\n")).toEqual([
      "a.md:5: images[0]: expected an image: src and alt for a file in the archive, or caption and credit for a photo it does not hold",
    ]);
  });

  it("says what a source is when it is written as plain text", () => {
    expect(problemsOf("title: T\npublished: 2020-01-01\nsource: Phys.org\n")).toEqual([
      "a.md:4: source: expected a source with publisher, url, retrieved, id, version and fingerprint fields",
    ]);
  });

  it("reports an empty slug once", () => {
    expect(problemsOf("title: T\npublished: 2020-01-01\nslug: ''\n")).toEqual([
      "a.md:4: slug: expected lowercase ASCII letters, digits and single hyphens, e.g. china-us-cybersecurity-talks",
    ]);
  });
});

describe("names with commas", () => {
  it("takes a quoted value with a comma as one name, and refuses the same value unquoted", () => {
    const quoted = validateArticleSource(
      '---\ntitle: T\npublished: 2020-01-01\nplaces: "Washington, D.C."\n---\n\nText.\n',
      "a.md",
      schema,
    );
    expect(quoted.ok && quoted.article.data.places).toEqual(["Washington, D.C."]);
    expect(problemsOf("title: T\npublished: 2020-01-01\nbyline: Gerry Shih, Ann Lee\n")).toEqual([
      'a.md:4: byline: "Gerry Shih, Ann Lee" reads as several names in one: if it is one name, put it in quotes ("Gerry Shih, Ann Lee"); if it is several, write a list ([Gerry Shih, Ann Lee])',
    ]);
  });
});
