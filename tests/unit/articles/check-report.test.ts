import { describe, expect, it } from "vitest";
import { formatCheckReport, summarizeCheck } from "../../../src/articles/check-report";

const problems = [
  { file: "content/articles/a.md", line: 3, field: "publised", message: 'unknown field "publised"' },
  { file: "content/articles/a.md", line: 9, field: "body", message: "a link with no text, sadly" },
  { file: "content/urls.txt", line: 4, field: "url", message: "/x/ was published" },
];
const isArticleFile = (file: string) => file.endsWith(".md");

describe("summarizeCheck", () => {
  it("counts problems and the articles they are in", () => {
    expect(summarizeCheck({ problems: problems.slice(0, 2), articles: 240 }, isArticleFile)).toBe(
      "2 problems in 1 of 240 articles.",
    );
    expect(summarizeCheck({ problems, articles: 240 }, isArticleFile)).toBe(
      "3 problems in 1 of 240 articles and 1 other file.",
    );
    expect(summarizeCheck({ problems: [], articles: 1 }, isArticleFile)).toBe("No problems in 1 article.");
  });
});

describe("formatCheckReport", () => {
  it("prints one line a problem, then the summary", () => {
    expect(formatCheckReport({ problems: problems.slice(0, 1), articles: 2 }, "text", isArticleFile)).toBe(
      'content/articles/a.md:3: publised: unknown field "publised"\n1 problem in 1 of 2 articles.\n',
    );
  });

  it("prints JSON for tools", () => {
    const json = JSON.parse(formatCheckReport({ problems, articles: 240 }, "json", isArticleFile)) as unknown;
    expect(json).toEqual({
      ok: false,
      articles: 240,
      summary: "3 problems in 1 of 240 articles and 1 other file.",
      problems,
      warnings: [],
    });
  });

  it("reports warnings after the problems without counting them as problems", () => {
    const warning = {
      file: "content/articles/b.md",
      line: 12,
      field: "body",
      message: "the image ./p.jpg has no credit",
    };
    const result = { problems: [], warnings: [warning], articles: 3 };
    expect(formatCheckReport(result, "text", isArticleFile)).toBe(
      "content/articles/b.md:12: body: warning: the image ./p.jpg has no credit\nNo problems in 3 articles; 1 warning.\n",
    );
    expect(formatCheckReport(result, "github", isArticleFile).split("\n")[0]).toBe(
      "::warning file=content/articles/b.md,line=12,title=body::the image ./p.jpg has no credit",
    );
    expect(JSON.parse(formatCheckReport(result, "json", isArticleFile))).toMatchObject({
      ok: true,
      warnings: [warning],
    });
  });

  it("prints GitHub annotations, escaped", () => {
    const out = formatCheckReport({ problems: problems.slice(1, 2), articles: 2 }, "github", isArticleFile);
    expect(out.split("\n")[0]).toBe(
      "::error file=content/articles/a.md,line=9,title=body::a link with no text, sadly",
    );
  });
});
