import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { all, attr, one, readPage, text } from "../support/html";
import { PUBLIC_ARTICLES } from "../support/fixture-site";
import { buildSite, copyFixtureArchive, readSearchIndex } from "../support/site-build";
import { serveStatic } from "../../tools/static-server";

// A copy of the fixture site plus articles whose old addresses take every form, built
// under /archive with a URL manifest of its own; then built again after changes.
const moved = `---
title: Ferry timetable, with its old addresses
published: 2022-03-04
aliases:
  - /old/ferry/
  - /legacy/ferry
  - /2015/01/01/ferry-timetable/
  - /cgi-bin/ferry.php
---

The ferry timetable changes on Monday.
`;
const draft = `---
title: Not yet
published: 2022-03-05
aliases: [/old/draft-story.html]
draft: true
---

Not yet.
`;

let root: string;
let articles: string;
let manifest: string;
let dist: string;

const build = (outDir: string) =>
  buildSite({ articlesDir: articles, outDir, base: "/archive", urlManifest: manifest, pageSize: 2 });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "archive-permalinks-"));
  articles = join(root, "articles");
  manifest = join(root, "urls.txt");
  await copyFixtureArchive(articles);
  await mkdir(join(articles, "2022"), { recursive: true });
  await writeFile(join(articles, "2022/ferry-timetable.md"), moved);
  await writeFile(join(articles, "2022/not-yet.md"), draft);
  dist = join(root, "dist");
  const result = await build(dist);
  if (result.code !== 0) throw new Error(result.output);
});

describe("redirect pages for aliases", () => {
  it.each([
    ["/news/2024/old-address.html", "news/2024/old-address.html", "/archive/2024/10/02/moved-story/"],
    ["/old/ferry/", "old/ferry/index.html", "/archive/2022/03/04/ferry-timetable/"],
    ["/legacy/ferry", "legacy/ferry/index.html", "/archive/2022/03/04/ferry-timetable/"],
    [
      "/2015/01/01/ferry-timetable/",
      "2015/01/01/ferry-timetable/index.html",
      "/archive/2022/03/04/ferry-timetable/",
    ],
    ["/cgi-bin/ferry.php", "cgi-bin/ferry.php/index.html", "/archive/2022/03/04/ferry-timetable/"],
  ])("%s is a page at %s that sends readers on to %s", async (_alias, file, target) => {
    const page = await readPage(dist, `/${file}`);
    expect(attr(one(page, 'meta[http-equiv="refresh"]'), "content")).toBe(`0; url=${target}`);
    expect(attr(one(page, 'link[rel="canonical"]'), "href")).toBe(`https://archive.example.org${target}`);
    expect(attr(one(page, 'meta[name="robots"]'), "content")).toBe("noindex");
    expect(attr(one(page, "a"), "href")).toBe(target);
    expect(text(one(page, "a")).length).toBeGreaterThan(0);
  });

  it("leads a reader on from an old address of any ending on a host without _redirects", async () => {
    // The test host adds the slash to a folder's address, as GitHub Pages and most static hosts do.
    const host = await serveStatic(dist, "/archive");
    try {
      for (const alias of ["cgi-bin/ferry.php", "legacy/ferry", "news/2024/old-address.html"]) {
        const response = await fetch(new URL(alias, host.url));
        expect(response.status, alias).toBe(200);
        expect(await response.text(), alias).toMatch(
          /<meta http-equiv="refresh" content="0; url=\/archive\/20/,
        );
      }
    } finally {
      await host.close();
    }
  });

  it("writes a _redirects file with the base path, and nothing for a draft's alias", async () => {
    const lines = (await readFile(join(dist, "_redirects"), "utf8"))
      .split("\n")
      .filter((l) => l.startsWith("/"));
    expect(lines).toEqual([
      "/archive/2015/01/01/ferry-timetable/ /archive/2022/03/04/ferry-timetable/ 301",
      "/archive/cgi-bin/ferry.php /archive/2022/03/04/ferry-timetable/ 301",
      "/archive/legacy/ferry /archive/2022/03/04/ferry-timetable/ 301",
      "/archive/news/2015/night-ferry.html /archive/2015/03/09/night-ferry-returns/ 301",
      "/archive/news/2024/old-address.html /archive/2024/10/02/moved-story/ 301",
      "/archive/old/ferry/ /archive/2022/03/04/ferry-timetable/ 301",
      // The registry's other names of places (عمّان, New York City, NYC, 中国) lead to their pages.
      "/archive/places/mn/ /archive/places/amman/ 301",
      "/archive/places/new-york-city/ /archive/places/new-york/ 301",
      "/archive/places/nyc/ /archive/places/new-york/ 301",
      "/archive/places/zhongguo/ /archive/places/china/ 301",
    ]);
    expect(existsSync(join(dist, "old/draft-story.html"))).toBe(false);
  });

  it("gives an article page no edit or correction link when the site does not say where it is edited", async () => {
    const page = await readPage(dist, "/2019/05/02/harbour-light-returns/");
    expect(all(page, ".article__edit")).toEqual([]);
    expect(all(page, 'a[href*="/edit/"], a[href*="/issues/new"]')).toEqual([]);
  });

  it("keeps redirect pages out of the search index", async () => {
    const urls = (await readSearchIndex(dist)).map((page) => page.url);
    expect(urls).toContain("/2022/03/04/ferry-timetable/");
    expect(urls).not.toContain("/2015/01/01/ferry-timetable/");
    expect(urls.some((url) => /old|legacy/.test(url))).toBe(false);
  });
});

describe("the URL manifest", () => {
  it("records every article page and alias of the build, and no draft", async () => {
    const recorded = (await readFile(manifest, "utf8")).split("\n").filter((l) => l.startsWith("/"));
    expect(recorded).toEqual(
      [
        ...PUBLIC_ARTICLES,
        "/2022/03/04/ferry-timetable/",
        "/2015/01/01/ferry-timetable/",
        "/cgi-bin/ferry.php",
        "/legacy/ferry",
        "/old/ferry/",
        "/news/2024/old-address.html",
        "/news/2015/night-ferry.html",
        "/places/mn/",
        "/places/new-york-city/",
        "/places/nyc/",
        "/places/zhongguo/",
      ].sort(),
    );
  });

  it("fails a build in which a published address would stop working, naming it and the fix, and leaves the manifest as it was", async () => {
    const before = await readFile(manifest, "utf8");
    const line = before.split("\n").indexOf("/2022/03/04/ferry-timetable/") + 1;
    // The ferry article re-dated and renamed, without an alias for its old address.
    await writeFile(join(articles, "2022/ferry-timetable.md"), moved.replace("2022-03-04", "2022-03-06"));
    const outDir = join(root, "dist-2");
    const { code, output } = await build(outDir);
    expect(code).not.toBe(0);
    expect(output).toContain(
      `${manifest}:${line}: url: /2022/03/04/ferry-timetable/ was published and would no longer resolve: add it to the aliases of the article that now has that content (aliases: [/2022/03/04/ferry-timetable/]), or, to take it down on purpose, write "/2022/03/04/ferry-timetable/ unpublished: <why>" on this line`,
    );
    expect(await readFile(manifest, "utf8")).toBe(before);
    expect(existsSync(join(outDir, "index.html"))).toBe(false);
  });

  it("lets an address go when it is marked unpublished, and keeps the mark", async () => {
    await writeFile(
      join(articles, "2022/ferry-timetable.md"),
      moved
        .replace("2022-03-04", "2022-03-06")
        .replace("  - /legacy/ferry\n", "  - /legacy/ferry\n  - /2022/03/04/ferry-timetable/\n"),
    );
    await rm(join(articles, "2019/harbour-light-returns.md"));
    const marked = (await readFile(manifest, "utf8")).replace(
      "/2019/05/02/harbour-light-returns/\n",
      "/2019/05/02/harbour-light-returns/ unpublished: withdrawn at the photographer's request\n",
    );
    await writeFile(manifest, marked);
    const outDir = join(root, "dist-3");
    const { code, output } = await build(outDir);
    expect(code, output).toBe(0);
    const recorded = await readFile(manifest, "utf8");
    expect(recorded).toContain(
      "/2019/05/02/harbour-light-returns/ unpublished: withdrawn at the photographer's request\n",
    );
    expect(recorded).toContain("/2022/03/06/ferry-timetable/\n");
    expect(existsSync(join(outDir, "2022/03/04/ferry-timetable/index.html"))).toBe(true);
    expect(
      all(await readPage(outDir, "/2022/03/04/ferry-timetable/"), 'meta[http-equiv="refresh"]'),
    ).toHaveLength(1);
  });
});
