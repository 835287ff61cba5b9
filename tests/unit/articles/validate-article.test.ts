import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/lib/problems";
import { validateArticleSource, type ValidationResult } from "../../../src/articles/validate-article";
import { createArticleSchema } from "../../../src/articles/schema/article";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const schema = createArticleSchema({ defaultLanguage: "en", timezone: "UTC" });

const validate = (text: string, file: string): ValidationResult => validateArticleSource(text, file, schema);
const fixture = (file: string): ValidationResult => validate(readFileSync(join(ROOT, file), "utf8"), file);

function printed(result: ValidationResult): string[] {
  if (result.ok) throw new Error("expected problems");
  return result.problems.map(formatProblem);
}

const article = (frontmatter: string, body = "\nA paragraph.\n"): string =>
  `---\n${frontmatter}\n---\n${body}`;

describe("validateArticleSource: broken frontmatter", () => {
  it("reports a file without frontmatter under the field 'frontmatter', line 1", () => {
    expect(printed(fixture("tests/fixtures/articles/invalid/no-frontmatter.md"))).toEqual([
      "tests/fixtures/articles/invalid/no-frontmatter.md:1: frontmatter: no frontmatter: the file must start with a line of three dashes (---)",
    ]);
  });

  it("reports frontmatter that is never closed", () => {
    expect(printed(fixture("tests/fixtures/articles/invalid/unclosed-frontmatter.md"))).toEqual([
      "tests/fixtures/articles/invalid/unclosed-frontmatter.md:1: frontmatter: the frontmatter is never closed: add a line of three dashes (---) after it",
    ]);
  });

  it("reports a YAML syntax error on its file line", () => {
    const lines = printed(fixture("tests/fixtures/articles/invalid/yaml-syntax-error.md"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^tests\/fixtures\/articles\/invalid\/yaml-syntax-error\.md:4: frontmatter: YAML syntax: /,
    );
  });
});

describe("validateArticleSource: slugs", () => {
  it("uses the file name as the slug when none is written", () => {
    const result = validate(
      article("title: Ferry timetable\npublished: 2018-02-11"),
      "content/articles/2018/02/ferry-timetable.md",
    );
    expect(result.ok && result.article.data.slug).toBe("ferry-timetable");
  });

  it("prefers a written slug, so a file name that is not a slug is then fine", () => {
    const result = validate(
      article("title: Ferry timetable\npublished: 2018-02-11\nslug: new-ferry-timetable"),
      "content/articles/Ferry Timetable (final).md",
    );
    expect(result.ok && result.article.data.slug).toBe("new-ferry-timetable");
  });

  it("suggests a file name when the file name is not a slug", () => {
    expect(
      printed(
        validate(article("title: Ferry timetable\npublished: 2018-02-11"), "content/Ferry Timetable.md"),
      ),
    ).toEqual([
      'content/Ferry Timetable.md:1: slug: the file name "Ferry Timetable.md" does not make a valid URL slug (lowercase ASCII letters, digits and hyphens); rename the file to ferry-timetable.md or set slug: ferry-timetable',
    ]);
  });

  it("offers a placeholder when nothing of the file name can be used", () => {
    const lines = printed(
      validate(article("title: Ferry timetable\npublished: 2018-02-11"), "content/!!!.md"),
    );
    expect(lines).toEqual([
      expect.stringContaining(
        "rename the file to a-latin-transcription.md or set slug: a-latin-transcription",
      ),
    ]);
  });
});

describe("validateArticleSource: body problems", () => {
  it("reports body problems on file lines, after the frontmatter", () => {
    const text = article(
      "title: Ferry timetable\npublished: 2018-02-11", // file lines 2-3; fence on 4
      '\nParagraph on line 6.\n\n<iframe src="https://video.example.com/x"></iframe>\n', // body from line 5
    );
    expect(printed(validate(text, "a/ferry.md"))).toEqual([
      "a/ferry.md:8: body: raw <iframe> is not allowed in an article; article bodies never run script or embed other pages (to show the tag as text, put it in backticks: `<iframe>`)",
    ]);
  });

  it("reports body problems together with frontmatter problems", () => {
    const text = article("title: Ferry timetable\npublished: 2018-02-31", "\n[x](javascript:void(0))\n");
    expect(printed(validate(text, "a/ferry.md"))).toEqual([
      'a/ferry.md:3: published: "2018-02-31" is not a day of the calendar',
      'a/ferry.md:6: body: a link to a script URL ("javascript:void(0)") is not allowed; link to a web page instead',
    ]);
  });

  it("counts body lines correctly in CRLF files", () => {
    const text = article(
      "title: Ferry timetable\npublished: 2018-02-11",
      "\nOne.\n\n<script>x()</script>\n",
    ).replace(/\n/g, "\r\n");
    expect(printed(validate(text, "a/ferry.md"))).toEqual([
      "a/ferry.md:8: body: raw <script> is not allowed in an article; article bodies never run script or embed other pages (to show the tag as text, put it in backticks: `<script>`)",
    ]);
  });
});

describe("validateArticleSource: a valid file", () => {
  it("returns the data, the raw frontmatter, the body and a line finder", () => {
    const result = validate(
      article("title: Ferry timetable\npublished: 2018-02-11\nbyline: Marta Quill"),
      "x/ferry-timetable.md",
    );
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    expect(result.article.data).toMatchObject({
      title: "Ferry timetable",
      byline: ["Marta Quill"],
      slug: "ferry-timetable",
    });
    expect(result.article.rawData).toEqual({
      title: "Ferry timetable",
      published: "2018-02-11",
      byline: "Marta Quill",
    });
    expect(result.article.body).toBe("\nA paragraph.\n");
    expect(result.article.bodyLine).toBe(6);
    expect(result.article.lineOf(["byline"])).toBe(4);
  });
});

describe("validateArticleSource: images in the body", () => {
  const schema = createArticleSchema({ defaultLanguage: "en", timezone: "UTC" });
  const source = (body: string) => `---\ntitle: Photos\npublished: 2020-01-01\n---\n\n${body}\n`;
  const problemsOf = (body: string, existing: string[]) => {
    const result = validateArticleSource(source(body), "a.md", schema, {
      imageExists: (src) => existing.includes(src),
    });
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  it("refuses a raw <img> of a local file, which the build would not copy", () => {
    expect(problemsOf('<img src="./images/pier.jpg" alt="Pier">', ["./images/pier.jpg"])).toEqual([
      "a.md:6: body: a raw <img> cannot show a file of the archive (./images/pier.jpg); write it inline as ![alt text](./images/pier.jpg)",
    ]);
  });

  it("refuses a reference-style image, which the build would not copy", () => {
    expect(problemsOf("![Pier][pier]\n\n[pier]: ./images/pier.jpg", ["./images/pier.jpg"])).toEqual([
      "a.md:6: body: a reference-style image (![alt][name]) cannot show a file of the archive (./images/pier.jpg); write it inline as ![alt text](./images/pier.jpg)",
    ]);
  });

  it("reports a missing Markdown image once even when it is shown twice on a line", () => {
    expect(problemsOf("![a](./x.png) and ![b](./x.png)", [])).toEqual([
      "a.md:6: body: no image file at ./x.png (relative to the article); add the file or fix the path",
    ]);
  });

  it("accepts a Markdown image whose file exists, with a title and an encoded space", () => {
    expect(problemsOf('![Pier](./images/my%20pier.jpg "The pier")', ["./images/my pier.jpg"])).toEqual([]);
  });
});
