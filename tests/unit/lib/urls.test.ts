import { describe, expect, it } from "vitest";
import { parseWrittenDate } from "../../../src/lib/dates";
import {
  absoluteUrl,
  archivePath,
  labelIndexPath,
  labelPath,
  articlePath,
  homePagePath,
  isArticlePath,
  searchPath,
  withBase,
} from "../../../src/lib/urls";

describe("articlePath", () => {
  it("is /YYYY/MM/DD/<slug>/ with a zero-padded month and day", () => {
    expect(articlePath({ published: { year: 2016, month: 6, date: 4 }, slug: "harbour-bridge" })).toBe(
      "/2016/06/04/harbour-bridge/",
    );
    expect(articlePath({ published: { year: 2021, month: 11, date: 30 }, slug: "x" })).toBe("/2021/11/30/x/");
  });

  it("uses the day as written, never the UTC day of the instant", () => {
    const published = parseWrittenDate("2016-06-14T23:30:00-05:00", "Asia/Tokyo");
    expect(articlePath({ published, slug: "late-story" })).toBe("/2016/06/14/late-story/");
  });
});

describe("homePagePath", () => {
  it("is / for the first page and /page/N/ after it", () => {
    expect(homePagePath(1)).toBe("/");
    expect(homePagePath(2)).toBe("/page/2/");
    expect(homePagePath(12)).toBe("/page/12/");
  });

  it("treats page numbers below 1 as the first page", () => {
    expect(homePagePath(0)).toBe("/");
  });
});

describe("searchPath", () => {
  it("is /search/ without a query", () => {
    expect(searchPath()).toBe("/search/");
    expect(searchPath("")).toBe("/search/");
  });

  it("puts the query, encoded, in q", () => {
    expect(searchPath("cyber")).toBe("/search/?q=cyber");
    expect(searchPath("china & us")).toBe("/search/?q=china+%26+us");
    expect(searchPath("a=b?c#d")).toBe("/search/?q=a%3Db%3Fc%23d");
    expect(new URL(searchPath("José Álvarez"), "https://x.example").searchParams.get("q")).toBe(
      "José Álvarez",
    );
  });
});

describe("withBase", () => {
  it("leaves paths unchanged at the domain root", () => {
    expect(withBase("/", "/")).toBe("/");
    expect(withBase("/2016/06/14/talks/", "/")).toBe("/2016/06/14/talks/");
  });

  it("prefixes a sub-path base, with or without its trailing slash", () => {
    expect(withBase("/", "/sub")).toBe("/sub/");
    expect(withBase("/page/2/", "/sub")).toBe("/sub/page/2/");
    expect(withBase("/page/2/", "/sub/")).toBe("/sub/page/2/");
  });

  it("uses the build's BASE_URL when no base is given", () => {
    // Vitest, like a root deploy, builds with BASE_URL "/".
    expect(import.meta.env.BASE_URL).toBe("/");
    expect(withBase("/rss.xml")).toBe("/rss.xml");
  });

  it("refuses a path that is not root-relative", () => {
    expect(() => withBase("page/2/", "/")).toThrow('withBase expects a root-relative path, got "page/2/"');
  });
});

describe("absoluteUrl", () => {
  it("joins the origin, the base and the path", () => {
    expect(absoluteUrl("/2016/06/14/talks/", "https://news.example.org", "/")).toBe(
      "https://news.example.org/2016/06/14/talks/",
    );
    expect(absoluteUrl("/2016/06/14/talks/", "https://news.example.org", "/archive")).toBe(
      "https://news.example.org/archive/2016/06/14/talks/",
    );
    expect(absoluteUrl("/", "http://localhost:4321/", "/archive/")).toBe("http://localhost:4321/archive/");
  });
});

describe("isArticlePath", () => {
  it.each(["/2016/06/14/talks/", "2016/06/14/talks/", "2016/06/14/talks"])("recognises %j", (path) => {
    expect(isArticlePath(path)).toBe(true);
  });

  it.each(["/", "/page/2/", "/search/", "/2016/06/", "/archive/2016/06/14/"])("refuses %j", (path) => {
    expect(isArticlePath(path)).toBe(false);
  });
});

describe("browse paths", () => {
  it("gives the index and the pages of a label", () => {
    expect(labelIndexPath("topics")).toBe("/topics/");
    expect(labelPath("authors", "jose-alvarez")).toBe("/authors/jose-alvarez/");
    expect(labelPath("authors", "jose-alvarez", 1)).toBe("/authors/jose-alvarez/");
    expect(labelPath("places", "beijing", 3)).toBe("/places/beijing/3/");
  });

  it("gives the date archive's periods with two-digit months and days", () => {
    expect(archivePath()).toBe("/archive/");
    expect(archivePath({ year: 2016 })).toBe("/archive/2016/");
    expect(archivePath({ year: 2016, month: 6 })).toBe("/archive/2016/06/");
    expect(archivePath({ year: 2016, month: 6, day: 4 })).toBe("/archive/2016/06/04/");
  });
});
