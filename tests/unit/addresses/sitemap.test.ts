import { describe, expect, it } from "vitest";
import { parseWrittenDate } from "../../../src/lib/dates";
import {
  collectSitemapPages,
  createSitemapLookup,
  sitePathOf,
  type SitemapArticle,
} from "../../../src/addresses/sitemap";

const date = (value: string) => parseWrittenDate(value, "UTC");

const article = (
  path: string,
  published: string,
  extra: Partial<SitemapArticle["data"]> = {},
): SitemapArticle => ({
  path,
  data: {
    published: date(published),
    topics: [],
    byline: [],
    places: [],
    people: [],
    organizations: [],
    aliases: [],
    ...extra,
  },
});

const articles = [
  article("/2021/02/08/flood/", "2021-02-08T13:30:00+01:00", {
    updated: date("2021-02-09"),
    topics: ["Rivers"],
    byline: ["Ann Lee"],
    aliases: ["/news/flood.html", "/topics/old-rivers/", "/2021/02/08/flood/2", "/news/caf%C3%A9-floods"],
  }),
  article("/2019/05/02/light/", "2019-05-02", { topics: ["Rivers", "Heritage"], agency: "Fixture Wire" }),
];

describe("collectSitemapPages", () => {
  it("dates each article by its update and each list by the newest change among its articles", () => {
    const { pages, aliases } = collectSitemapPages(articles, "UTC");
    expect(pages).toEqual({
      "/": "2021-02-09T00:00:00Z",
      "/2021/02/08/flood/": "2021-02-09T00:00:00Z",
      "/2019/05/02/light/": "2019-05-02T00:00:00Z",
      "/archive/": "2021-02-09T00:00:00Z",
      "/archive/2021/": "2021-02-09T00:00:00Z",
      "/archive/2021/02/": "2021-02-09T00:00:00Z",
      "/archive/2021/02/08/": "2021-02-09T00:00:00Z",
      "/archive/2019/": "2019-05-02T00:00:00Z",
      "/archive/2019/05/": "2019-05-02T00:00:00Z",
      "/archive/2019/05/02/": "2019-05-02T00:00:00Z",
      "/topics/": "2021-02-09T00:00:00Z",
      "/topics/rivers/": "2021-02-09T00:00:00Z",
      "/topics/heritage/": "2019-05-02T00:00:00Z",
      "/authors/": "2021-02-09T00:00:00Z",
      "/authors/ann-lee/": "2021-02-09T00:00:00Z",
      "/agencies/": "2019-05-02T00:00:00Z",
      "/agencies/fixture-wire/": "2019-05-02T00:00:00Z",
    });
    expect(aliases).toEqual([
      "/news/flood.html",
      "/topics/old-rivers/",
      "/2021/02/08/flood/2",
      "/news/caf%C3%A9-floods",
    ]);
  });

  it("dates an article corrected without `updated` by its correction, and its lists with it", () => {
    const corrected = article("/2019/05/02/light/", "2019-05-02", {
      topics: ["Heritage"],
      corrections: [{ date: date("2019-06-01") }],
    });
    const { pages } = collectSitemapPages([corrected], "UTC");
    expect(pages["/2019/05/02/light/"]).toBe("2019-06-01T00:00:00Z");
    expect(pages["/topics/heritage/"]).toBe("2019-06-01T00:00:00Z");
    expect(pages["/"]).toBe("2019-06-01T00:00:00Z");
  });

  it("lists the home page of an empty archive, without a date", () => {
    expect(collectSitemapPages([], "UTC")).toEqual({ pages: { "/": null }, aliases: [] });
  });
});

describe("createSitemapLookup", () => {
  const find = createSitemapLookup(collectSitemapPages(articles, "UTC"));

  it("lists further pages of a list with the list's date", () => {
    expect(find("/page/3/")).toEqual({ lastmod: "2021-02-09T00:00:00Z" });
    expect(find("/topics/rivers/2/")).toEqual({ lastmod: "2021-02-09T00:00:00Z" });
    expect(find("/archive/2019/05/")).toEqual({ lastmod: "2019-05-02T00:00:00Z" });
    expect(find("/archive/2019/05/page/2/")).toEqual({ lastmod: "2019-05-02T00:00:00Z" });
    expect(find("/archive/2019/05/02/page/2/")).toEqual({ lastmod: "2019-05-02T00:00:00Z" });
  });

  it("leaves out search, the 404 page, feeds, unknown pages and every alias", () => {
    for (const path of [
      "/search/",
      "/404/",
      "/404.html",
      "/rss.xml",
      "/topics/rivers/rss.xml",
      "/topics/unknown/",
      "/news/flood.html",
      "/topics/old-rivers/",
      // Redirect pages are folders, whether or not their alias ends in a slash.
      "/2021/02/08/flood/2/",
      "/news/café-floods/",
    ]) {
      expect(find(path), path).toBeUndefined();
    }
  });
});

describe("sitePathOf", () => {
  it("takes the base off a built page's URL", () => {
    expect(sitePathOf("https://x.org/archive/topics/a/2/", "/archive")).toBe("/topics/a/2/");
    expect(sitePathOf("https://x.org/archive/", "/archive")).toBe("/");
    expect(sitePathOf("https://x.org/archive", "/archive")).toBe("/");
    expect(sitePathOf("https://x.org/2019/05/02/a/", "/")).toBe("/2019/05/02/a/");
    expect(sitePathOf("https://x.org/archive/rss.xml", "/archive")).toBe("/rss.xml");
  });
});
