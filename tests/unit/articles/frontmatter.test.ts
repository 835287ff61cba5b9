import { describe, expect, it } from "vitest";
import {
  splitArticleSource,
  type ArticleSource,
  type FrontmatterError,
} from "../../../src/articles/frontmatter";

function parsed(text: string): ArticleSource {
  const result = splitArticleSource(text);
  if (!result.ok) throw new Error(`expected the frontmatter to parse, got ${JSON.stringify(result.errors)}`);
  return result.source;
}

function errors(text: string): FrontmatterError[] {
  const result = splitArticleSource(text);
  if (result.ok) throw new Error("expected the frontmatter to be refused");
  return result.errors;
}

const ARTICLE = [
  "---", //                                   1
  "title: Harbour bridge reopens", //          2
  "published: 2016-06-14T23:30:00-05:00", //   3
  "updated: 2016-06-15", //                    4
  "byline: [Marta Quill]", //                  5
  "images:", //                                6
  "  - src: ./images/a.jpg", //                7
  "    alt: Cars on the bridge", //            8
  "  - caption: The closed bridge", //         9
  "    credit: Handout", //                    10
  "    alt: Scaffolding on the deck", //       11
  "source:", //                                12
  "  publisher: Port Ellery Gazette", //       13
  "  retrieved: 2024-04-27", //                14
  "draft: false", //                           15
  "---", //                                    16
  "", //                                       17
  "First paragraph.", //                       18
  "",
].join("\n");

describe("splitArticleSource: well-formed files", () => {
  it("returns the frontmatter as data and the body after the closing fence", () => {
    const source = parsed(ARTICLE);
    expect(source.data).toEqual({
      title: "Harbour bridge reopens",
      published: "2016-06-14T23:30:00-05:00",
      updated: "2016-06-15",
      byline: ["Marta Quill"],
      images: [
        { src: "./images/a.jpg", alt: "Cars on the bridge" },
        { caption: "The closed bridge", credit: "Handout", alt: "Scaffolding on the deck" },
      ],
      source: { publisher: "Port Ellery Gazette", retrieved: "2024-04-27" },
      draft: false,
    });
    expect(source.body).toBe("\nFirst paragraph.\n");
    expect(source.bodyLine).toBe(17);
  });

  it("keeps dates and date-times as the strings written, never Date objects", () => {
    const data = parsed(ARTICLE).data as Record<string, unknown>;
    expect(data.published).toBe("2016-06-14T23:30:00-05:00");
    expect(data.updated).toBe("2016-06-15");
    expect(typeof data.updated).toBe("string");
  });

  it("reads CRLF files the same as LF files", () => {
    const source = parsed(ARTICLE.replace(/\n/g, "\r\n"));
    expect(source.data).toEqual(parsed(ARTICLE).data);
    expect((source.data as Record<string, unknown>).title).toBe("Harbour bridge reopens");
    expect(source.bodyLine).toBe(17);
    expect(source.body).toBe("\nFirst paragraph.\n");
    expect(source.lineOf(["images", 1, "alt"])).toBe(11);
  });

  it("ignores a byte-order mark and trailing spaces on the fences", () => {
    const source = parsed("\uFEFF---  \ntitle: A\n--- \nBody");
    expect(source.data).toEqual({ title: "A" });
    expect(source.body).toBe("Body");
    expect(source.bodyLine).toBe(4);
  });

  it("reads an empty frontmatter as no fields", () => {
    const source = parsed("---\n---\nBody");
    expect(source.data).toEqual({});
    expect(source.bodyLine).toBe(3);
  });
});

describe("lineOf: file lines of frontmatter keys", () => {
  const source = parsed(ARTICLE);

  it("gives the file line of top-level keys (frontmatter line 1 is file line 2)", () => {
    expect(source.lineOf(["title"])).toBe(2);
    expect(source.lineOf(["published"])).toBe(3);
    expect(source.lineOf(["draft"])).toBe(15);
  });

  it("follows nested paths through lists and maps", () => {
    expect(source.lineOf(["images"])).toBe(6);
    expect(source.lineOf(["images", 0])).toBe(7);
    expect(source.lineOf(["images", 0, "alt"])).toBe(8);
    expect(source.lineOf(["images", 1])).toBe(9);
    expect(source.lineOf(["images", 1, "credit"])).toBe(10);
    expect(source.lineOf(["images", 1, "alt"])).toBe(11);
    expect(source.lineOf(["source", "retrieved"])).toBe(14);
    expect(source.lineOf(["byline", 0])).toBe(5);
  });

  it("falls back to the nearest written parent for a key that is not there", () => {
    expect(source.lineOf(["images", 0, "credit"])).toBe(7);
    expect(source.lineOf(["source", "url"])).toBe(12);
    expect(source.lineOf(["images", 5, "alt"])).toBe(6);
  });

  it("gives line 1 for the whole frontmatter and for a top-level key that was not written", () => {
    expect(source.lineOf([])).toBe(1);
    expect(source.lineOf(["dek"])).toBe(1);
  });
});

describe("splitArticleSource: broken files", () => {
  it("reports a file without frontmatter on line 1", () => {
    expect(errors("title: No fence\n\nBody")).toEqual([
      { line: 1, message: "no frontmatter: the file must start with a line of three dashes (---)" },
    ]);
    expect(errors("\n---\ntitle: Blank line first\n---\n")[0]?.message).toContain("no frontmatter");
  });

  it("reports frontmatter that is never closed", () => {
    expect(errors("---\ntitle: Open\npublished: 2016-01-01\n\nBody text.\n")).toEqual([
      { line: 1, message: "the frontmatter is never closed: add a line of three dashes (---) after it" },
    ]);
  });

  it("reports a YAML syntax error on the file line where it is (not the frontmatter line)", () => {
    const found = errors("---\ntitle: A\npublished: 2016-01-04\ntopics: [transport, buses\n---\nBody\n");
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(4);
    expect(found[0]?.message).toMatch(/^YAML syntax: Flow sequence/);
  });

  it("reports a key written twice on the line of the second one", () => {
    const found = errors("---\ntitle: A\npublished: 2016-01-04\ntitle: B\n---\n");
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(4);
    expect(found[0]?.message).toMatch(/^YAML syntax: Map keys must be unique/);
  });

  it("reports YAML syntax errors on the first frontmatter line as file line 2", () => {
    const found = errors("---\ntitle: a\n  nested: b\n---\n");
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.line === 2 && e.message.startsWith("YAML syntax: "))).toBe(true);
  });

  it("keeps YAML syntax messages to one line", () => {
    for (const e of errors("---\ntitle: A\ntitle: B\n---\n")) expect(e.message).not.toContain("\n");
  });

  it("does not quote a frontmatter-relative line number that contradicts the file line", () => {
    const found = errors("---\ntitle: A\npublished: 2016-01-04\ntitle: B\n---\n");
    expect(found[0]?.line).toBe(4);
    expect(found[0]?.message).not.toMatch(/at line 3\b/);
  });

  it("refuses frontmatter that is a list or a single value instead of fields", () => {
    const expected = [{ line: 2, message: "the frontmatter must be a list of `field: value` lines" }];
    expect(errors("---\n- a\n- b\n---\n")).toEqual(expected);
    expect(errors("---\njust a sentence\n---\n")).toEqual(expected);
  });
});

describe("splitArticleSource: values cut short by a #", () => {
  it("refuses an unquoted value with a # inside it, naming what would be lost", () => {
    const result = splitArticleSource(
      "---\ntitle: Team wins #1 spot in league\nbyline: #MeToo organisers\n---\n\nText.\n",
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        line: 2,
        message:
          'the value stops before "#1 spot in league", because " #" starts a YAML comment; put the whole value in quotes',
      },
      {
        line: 3,
        message:
          'the value stops before "#MeToo organisers", because " #" starts a YAML comment; put the whole value in quotes',
      },
    ]);
  });

  it("accepts comments written as comments, and a # inside quotes", () => {
    const result = splitArticleSource(
      '---\ntitle: "Team wins #1 spot" # the headline\nplaces: [Oslo] # where\n---\n\nText.\n',
    );
    expect(result.ok).toBe(true);
    expect(result.ok ? result.source.data : undefined).toEqual({
      title: "Team wins #1 spot",
      places: ["Oslo"],
    });
  });
});

describe("splitArticleSource: what a # does not cut, and unclosed quotes", () => {
  it.each([
    'title: "Team wins" #note',
    "title: 'Team wins' #note",
    "draft: true #hidden",
    "dek: >-\n  Fans celebrate #hashtag",
    "source:\n  url: https://example.org/a#section",
  ])("accepts %j", (line) => {
    expect(splitArticleSource(`---\n${line}\n---\n\nText.\n`).ok).toBe(true);
  });

  it.each([
    ['title: "Links test\npublished: 2020-01-01\nbyline: Ann', 2],
    ["title: \"Unclosed\ndek: 'A standfirst'\npublished: 2020-01-01", 2],
    ['title: T\ndek: \'ok\'\ntopics: ["a", "b]\npublished: 2020-01-01', 4],
    ['title: T\ntopics: [a,\n  "b,\n  c]\npublished: 2020-01-01', 4],
  ])("reports a quote that is never closed on the line where it opens: %j", (frontmatter, line) => {
    const result = splitArticleSource(`---\n${frontmatter}\n---\n\nText.\n`);
    expect(result.ok ? [] : result.errors.map((e) => e.line)).toEqual([line]);
  });
});
