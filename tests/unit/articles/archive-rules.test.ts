import { describe, expect, it } from "vitest";
import { findArchiveProblems, type ArchiveArticle } from "../../../src/articles/archive-rules";
import { parseWrittenDate } from "../../../src/lib/dates";

const article = (
  file: string,
  day: string,
  slug: string,
  aliases: string[] = [],
  lines: Record<string, number> = {},
): ArchiveArticle => ({
  file,
  path: `/${day.replaceAll("-", "/")}/${slug}/`,
  data: {
    draft: false,
    published: parseWrittenDate(day, "UTC"),
    slug,
    title: slug,
    aliases,
    topics: [],
    byline: [],
    places: [],
    people: [],
    organizations: [],
  },
  lineOf: (path) => lines[path.join(".")] ?? 1,
});

describe("findArchiveProblems", () => {
  it("reports both files of a shared URL, on their slug or date lines", () => {
    expect(
      findArchiveProblems([
        article("a.md", "2020-01-02", "talks", [], { published: 3 }),
        article("b.md", "2020-01-02", "talks", [], { slug: 5, published: 3 }),
      ]),
    ).toEqual([
      {
        file: "a.md",
        line: 3,
        field: "slug",
        message: expect.stringContaining("/2020/01/02/talks/ is also the address of b.md"),
      },
      {
        file: "b.md",
        line: 5,
        field: "slug",
        message: expect.stringContaining("/2020/01/02/talks/ is also the address of a.md"),
      },
    ]);
  });

  it("reports an alias that hits another page or alias, on the alias's line", () => {
    expect(
      findArchiveProblems([
        article("a.md", "2020-01-02", "talks", ["/old/"], { "aliases.0": 6 }),
        article("b.md", "2020-01-03", "more", ["/2020/01/02/talks/", "/old"], {
          "aliases.0": 7,
          "aliases.1": 8,
        }),
      ]),
    ).toEqual([
      {
        file: "b.md",
        line: 7,
        field: "aliases[0]",
        message: expect.stringContaining("it is the address of the article a.md"),
      },
      { file: "b.md", line: 8, field: "aliases[1]", message: expect.stringContaining("a.md claims it too") },
    ]);
  });
});
