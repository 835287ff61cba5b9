import { describe, expect, it } from "vitest";
import {
  ArticleProblemsError,
  formatFieldPath,
  formatProblem,
  sortProblems,
  type Problem,
} from "../../../src/lib/problems";

const problem = (file: string, line: number, field = "title", message = "required"): Problem => ({
  file,
  line,
  field,
  message,
});

describe("formatProblem", () => {
  it("prints path:line: field: message", () => {
    expect(
      formatProblem({
        file: "content/articles/2016/06/talks.md",
        line: 3,
        field: "published",
        message: '"2016-06-31" is not a day of the calendar',
      }),
    ).toBe('content/articles/2016/06/talks.md:3: published: "2016-06-31" is not a day of the calendar');
  });
});

describe("formatFieldPath", () => {
  it("writes schema paths the way editors write fields", () => {
    expect(formatFieldPath(["title"])).toBe("title");
    expect(formatFieldPath(["images", 0, "alt"])).toBe("images[0].alt");
    expect(formatFieldPath(["source", "url"])).toBe("source.url");
    expect(formatFieldPath(["aliases", 2])).toBe("aliases[2]");
    expect(formatFieldPath(["corrections", 1, "date"])).toBe("corrections[1].date");
    expect(formatFieldPath([])).toBe("");
  });
});

describe("sortProblems", () => {
  it("orders by file, then by line, without changing the input", () => {
    const input = [problem("b.md", 2), problem("a.md", 9), problem("b.md", 1), problem("a.md", 3)];
    const copy = [...input];
    expect(sortProblems(input).map((p) => `${p.file}:${p.line}`)).toEqual([
      "a.md:3",
      "a.md:9",
      "b.md:1",
      "b.md:2",
    ]);
    expect(input).toEqual(copy);
  });

  it("keeps problems on the same line in the order they were found", () => {
    const sorted = sortProblems([problem("a.md", 4, "body", "first"), problem("a.md", 4, "body", "second")]);
    expect(sorted.map((p) => p.message)).toEqual(["first", "second"]);
  });
});

describe("ArticleProblemsError", () => {
  it("prints a count and every problem, one per line, sorted", () => {
    const error = new ArticleProblemsError([
      problem("content/b.md", 5, "draft", "expected true or false"),
      problem("content/a.md", 2, "title", "must not be empty"),
    ]);
    expect(error.name).toBe("ArticleProblemsError");
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(
      "2 problems in article files:\n" +
        "content/a.md:2: title: must not be empty\n" +
        "content/b.md:5: draft: expected true or false",
    );
    expect(error.problems.map((p) => p.file)).toEqual(["content/a.md", "content/b.md"]);
  });

  it("says 'problem' for one problem", () => {
    expect(new ArticleProblemsError([problem("a.md", 1)]).message).toBe(
      "1 problem in article files:\na.md:1: title: required",
    );
  });

  it("keeps the cause", () => {
    const cause = new Error("underlying");
    expect(new ArticleProblemsError([problem("a.md", 1)], { cause }).cause).toBe(cause);
  });
});
