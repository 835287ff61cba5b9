import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { listFiles } from "../support/site-build";
import { child, childText, children, readXml } from "../support/xml";

// The fixture site, built under /archive at https://archive.example.org.
const dist = inject("fixtureDist");
const site = "https://archive.example.org/archive";

/** Built pages that list articles: home pages, the date archive and label pages. */
const LIST_PAGE =
  /^(page\/\d+\/|archive\/.*|(sections|topics|authors|agencies|places|people|organizations)\/.*)?index\.html$/;
const ARTICLE_PAGE = /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/;

let entries: Map<string, string | undefined>;

beforeAll(async () => {
  const index = (await readXml(dist, "sitemap-index.xml")).documentElement!;
  const sitemaps = children(index, "sitemap").map((s) => childText(s, "loc"));
  expect(sitemaps).toEqual([`${site}/sitemap-0.xml`]);
  const urlset = (await readXml(dist, "sitemap-0.xml")).documentElement!;
  entries = new Map(
    children(urlset, "url").map((url) => [
      childText(url, "loc"),
      children(url, "lastmod").length > 0 ? childText(url, "lastmod") : undefined,
    ]),
  );
});

describe("sitemap", () => {
  it("lists exactly the public article pages and the pages that list them", async () => {
    // Pages that only redirect (the addresses of an entity's other names among them) are not listed.
    const redirects = new Set(
      (await readFile(join(dist, "_redirects"), "utf8")).split("\n").map((line) =>
        line
          .split(" ")[0]!
          .replace(/^\/archive\//, "")
          .replace(/\/?$/, "/index.html"),
      ),
    );
    const pages = (await listFiles(dist))
      .filter((f) => (ARTICLE_PAGE.test(f) || LIST_PAGE.test(f)) && !redirects.has(f))
      .map((f) => `${site}/${f.replace(/index\.html$/, "")}`);
    expect([...entries.keys()].sort()).toEqual(pages.sort());
    expect(entries.has(`${site}/2015/03/09/night-ferry-returns/`)).toBe(true);
    for (const left of ["/search/", "/404/", "/404.html", "/rss.xml", "/news/2015/night-ferry.html"]) {
      expect(entries.has(`${site}${left}`), left).toBe(false);
    }
  });

  it("dates an article by its update and a list by its newest change", () => {
    expect(entries.get(`${site}/2015/03/09/night-ferry-returns/`)).toBe("2015-03-10T05:30:00.000Z");
    expect(entries.get(`${site}/2014/11/20/feeds-required-only/`)).toBe("2014-11-20T00:00:00.000Z");
    // The newest change in the archive: 5 November 2024; a corrected article, its update.
    expect(entries.get(`${site}/`)).toBe("2024-11-05T00:00:00.000Z");
    expect(entries.get(`${site}/page/4/`)).toBe("2024-11-05T00:00:00.000Z");
    expect(entries.get(`${site}/archive/2016/06/page/2/`)).toBe("2016-06-15T04:30:00.000Z");
    expect(entries.get(`${site}/topics/corrections/`)).toBe("2021-02-09T00:00:00.000Z");
  });

  it("does not publish the page list it was made from", () => {
    expect(existsSync(join(dist, "sitemap-pages.json"))).toBe(false);
  });
});

describe("robots.txt", () => {
  it("lets crawlers in everywhere and points to the sitemap", async () => {
    expect(await readFile(join(dist, "robots.txt"), "utf8")).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${site}/sitemap-index.xml\n`,
    );
    const index = (await readXml(dist, "sitemap-index.xml")).documentElement!;
    expect(childText(child(index, "sitemap"), "loc")).toBe(`${site}/sitemap-0.xml`);
  });
});
