import { describe, expect, it } from "vitest";
import {
  compareNewestFirst,
  findUrlConflicts,
  isPublic,
  findAliasConflicts,
  paginate,
  type ArticleLike,
} from "../../../src/lib/articles";
import { parseWrittenDate } from "../../../src/lib/dates";

function article(
  file: string,
  published: string,
  options: { slug?: string; title?: string; draft?: boolean } = {},
): ArticleLike {
  return {
    file,
    data: {
      draft: options.draft ?? false,
      published: parseWrittenDate(published, "UTC"),
      slug: options.slug ?? file.replace(/^.*\//, "").replace(/\.md$/, ""),
      title: options.title ?? file,
    },
  };
}

describe("isPublic", () => {
  it("lets published articles through and keeps drafts out", () => {
    expect(isPublic(article("a.md", "2016-06-14"))).toBe(true);
    expect(isPublic(article("b.md", "2016-06-14", { draft: true }))).toBe(false);
  });
});

describe("compareNewestFirst", () => {
  it("orders by the written instant, newest first, not by the written day", () => {
    const lateEvening = article("late.md", "2016-06-14T23:30:00-05:00"); // 04:30 UTC on 15 June
    const nextMorning = article("next.md", "2016-06-15T03:00:00Z");
    const dayBefore = article("before.md", "2016-06-13");
    const sorted = [dayBefore, nextMorning, lateEvening].sort(compareNewestFirst);
    expect(sorted.map((a) => a.file)).toEqual(["late.md", "next.md", "before.md"]);
  });

  it("breaks a tie on the instant by title, then by file", () => {
    const zebra = article("content/1.md", "2016-06-14T09:00:00Z", { title: "Zebra crossing repainted" });
    const apple = article("content/2.md", "2016-06-14T17:00:00+08:00", { title: "Apple harvest begins" });
    const appleCopyB = article("content/b/copy.md", "2016-06-14T09:00:00Z", {
      title: "Apple harvest begins",
    });
    const appleCopyA = article("content/a/copy.md", "2016-06-14T09:00:00Z", {
      title: "Apple harvest begins",
    });
    const expected = ["content/2.md", "content/a/copy.md", "content/b/copy.md", "content/1.md"];
    expect([zebra, appleCopyB, apple, appleCopyA].sort(compareNewestFirst).map((a) => a.file)).toEqual(
      expected,
    );
    expect([appleCopyA, apple, zebra, appleCopyB].sort(compareNewestFirst).map((a) => a.file)).toEqual(
      expected,
    );
    expect(compareNewestFirst(apple, apple)).toBe(0);
  });
});

describe("findUrlConflicts", () => {
  it("reports two files with the same written day and slug as one conflict listing both", () => {
    const conflicts = findUrlConflicts([
      article("content/articles/2016/06/talks.md", "2016-06-14"),
      article("content/articles/elsewhere/talks-copy.md", "2016-06-14T23:30:00-05:00", { slug: "talks" }),
      article("content/articles/2016/06/other.md", "2016-06-14"),
    ]);
    expect(conflicts).toEqual([
      {
        path: "/2016/06/14/talks/",
        files: ["content/articles/2016/06/talks.md", "content/articles/elsewhere/talks-copy.md"],
      },
    ]);
  });

  it("does not confuse the same slug on different written days", () => {
    expect(
      findUrlConflicts([
        article("a/talks.md", "2016-06-14"),
        article("b/talks.md", "2016-06-15T01:00:00+08:00"),
      ]),
    ).toEqual([]);
  });

  it("lists the files of each conflict sorted, and three files as one conflict", () => {
    const conflicts = findUrlConflicts([
      article("z/fair.md", "2020-09-01"),
      article("m/fair.md", "2020-09-01"),
      article("a/fair.md", "2020-09-01"),
    ]);
    expect(conflicts).toEqual([
      { path: "/2020/09/01/fair/", files: ["a/fair.md", "m/fair.md", "z/fair.md"] },
    ]);
  });

  it("finds nothing in an empty archive", () => {
    expect(findUrlConflicts([])).toEqual([]);
  });
});

describe("paginate", () => {
  it("splits a list into full pages and a last partial page", () => {
    const pages = paginate([1, 2, 3, 4, 5, 6, 7], 3);
    expect(pages).toEqual([
      { items: [1, 2, 3], number: 1, total: 3 },
      { items: [4, 5, 6], number: 2, total: 3 },
      { items: [7], number: 3, total: 3 },
    ]);
  });

  it("has no empty trailing page when the list fills the pages exactly", () => {
    expect(paginate(["a", "b", "c", "d"], 2).map((p) => p.items)).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(paginate(["a"], 10)).toEqual([{ items: ["a"], number: 1, total: 1 }]);
  });

  it("gives an empty list one empty page", () => {
    expect(paginate([], 10)).toEqual([{ items: [], number: 1, total: 1 }]);
  });

  it.each([0, -1, 2.5, Number.NaN])("refuses the page size %s", (size) => {
    expect(() => paginate([1, 2], size)).toThrow(RangeError);
    expect(() => paginate([1, 2], size)).toThrow(`page size must be a positive whole number, got ${size}`);
  });
});

describe("findAliasConflicts", () => {
  const article = (file: string, path: string, aliases: string[]) => ({ file, path, data: { aliases } });

  it("accepts distinct old addresses", () => {
    expect(
      findAliasConflicts([
        article("a.md", "/2020/01/01/a/", ["/news/a.html"]),
        article("b.md", "/2020/01/02/b/", ["/news/b.html", "/old/b/"]),
      ]),
    ).toEqual([]);
  });

  it("refuses an alias that is another article's address, with or without its trailing slash", () => {
    expect(
      findAliasConflicts([
        article("a.md", "/2020/01/01/a/", []),
        article("b.md", "/2020/01/02/b/", ["/2020/01/01/a", "/2020/01/01/a/index.html"]),
      ]),
    ).toEqual([
      { alias: "/2020/01/01/a", file: "b.md", message: "it is the address of the article a.md" },
      { alias: "/2020/01/01/a/index.html", file: "b.md", message: "it is the address of the article a.md" },
    ]);
  });

  it("refuses an alias below a file of the site or another alias's .html page, which would need a folder there", () => {
    const conflicts = findAliasConflicts([
      article("a.md", "/2020/01/01/a/", ["/rss.xml/old/", "/news/story.html"]),
      article("b.md", "/2020/01/01/b/", ["/news/story.html/2", "/news/story-2.html"]),
    ]);
    expect(conflicts).toEqual([
      {
        alias: "/rss.xml/old/",
        file: "a.md",
        message: "its page would need a folder where the site has the file /rss.xml",
      },
      {
        alias: "/news/story.html/2",
        file: "b.md",
        message: "its page would need a folder where the site has the file /news/story.html",
      },
    ]);
  });

  it("refuses the home page, the site's own sections and files", () => {
    const reserved = [
      "/",
      "/search/",
      "/page/2/",
      "/topics/x/",
      "/pagefind/pagefind.js",
      "/rss.xml",
      "/feed.json",
      "/sitemap-index.xml",
      "/sitemap-0.xml",
      "/sitemap-pages.json",
      "/robots.txt",
      "/favicon.svg",
      "/_redirects",
    ];
    const conflicts = findAliasConflicts([article("a.md", "/2020/01/01/a/", reserved)]);
    expect(conflicts.map((c) => c.alias)).toEqual(reserved);
    expect(new Set(conflicts.map((c) => c.message))).toEqual(
      new Set(["it is an address of the site's own pages"]),
    );
  });

  it("refuses an alias two articles claim, naming the first", () => {
    expect(
      findAliasConflicts([
        article("a.md", "/2020/01/01/a/", ["/news/story.html"]),
        article("b.md", "/2020/01/02/b/", ["/news/story.html"]),
      ]),
    ).toEqual([{ alias: "/news/story.html", file: "b.md", message: "a.md claims it too" }]);
  });
});
