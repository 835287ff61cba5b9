import { describe, expect, it } from "vitest";
import { createSitePathIndex } from "../../../src/addresses/site-paths";

const article = (path: string, date: [number, number, number], topics: string[], aliases: string[] = []) => ({
  path,
  data: {
    topics,
    byline: ["José Álvarez"],
    agency: "Kellsport Wire",
    places: [],
    people: [],
    organizations: [],
    aliases,
    published: { year: date[0], month: date[1], date: date[2] },
  },
});

const isSitePath = createSitePathIndex({
  articles: [
    article("/2016/06/14/talks/", [2016, 6, 14], ["Cyber Security"], ["/news/old.html"]),
    article("/2016/06/15/more/", [2016, 6, 15], ["Cyber Security"]),
    article("/2016/06/20/third/", [2016, 6, 20], ["heritage"]),
    article("/2019/05/02/light/", [2019, 5, 2], ["heritage"]),
  ],
  pageSize: 2,
  staticFiles: ["/favicon.svg"],
});

describe("createSitePathIndex", () => {
  it.each([
    "/",
    "/page/2/",
    "/search/",
    "/search/?q=ferry",
    "/2016/06/14/talks/",
    "/2016/06/14/talks",
    "/2016/06/14/talks/index.html",
    "/2016/06/14/talks/#top",
    "/news/old.html",
    "/archive/",
    "/archive/2016/",
    "/archive/2016/06/",
    "/archive/2016/06/14/",
    "/archive/2016/06/page/2/",
    "/archive/2016/page/2/",
    "/topics/",
    "/places/",
    "/topics/cyber-security/",
    "/topics/cyber-security/",
    "/authors/jose-alvarez/",
    "/authors/jose-alvarez/2/",
    "/agencies/kellsport-wire/",
    "/rss.xml",
    "/feed.json",
    "/sitemap-index.xml",
    "/favicon.svg",
  ])("knows %s", (path) => {
    expect(isSitePath(path)).toBe(true);
  });

  it.each([
    "/page/3/",
    "/2016/06/16/talks/",
    "/archive/2017/",
    "/archive/2016/07/",
    "/archive/2016/06/2/",
    "/archive/2016/page/3/",
    "/archive/2019/page/2/",
    "/archive/2016/06/14/page/2/",
    "/archive/2016/06/page/3/",
    "/topics/cyber-security/2/",
    "/topics/heritage/2/",
    "/topics/nope/",
    "/places/kellsport/",
    "/news/other.html",
  ])("knows no page at %s", (path) => {
    expect(isSitePath(path)).toBe(false);
  });
});
