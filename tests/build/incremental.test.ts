import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, copyFixtureArchive, siteDifferences, readSearchIndex } from "../support/site-build";

// The fixture archive built once, then changed step by step; after each change it is built again
// with the cache of the build before (into the same, emptied output folder, as CI builds into
// dist/) and, for comparison, cold with an empty cache. Every file must be the same.

let work: string;
let articles: string;
/** The cache that every warm build shares, as CI restores it. */
let cache: string;
/** The output folder of every warm build. */
let out: string;
let step = 0;

interface Build {
  dir: string;
  /** Pages copied from the cache instead of rendered. */
  restored: string[];
  /** Pages rendered. */
  rendered: string[];
  /** Pages whose security policy the build read again (the others were unchanged since it last did). */
  policiesRead: number | undefined;
  /** The search index's parts Pagefind indexed; the others were copied from the cache. */
  indexedParts: string[];
  /** Every part of the search index. */
  searchParts: string[];
}

async function build(cacheDir: string | undefined): Promise<Build> {
  const name = `${cacheDir ? "warm" : "cold"}-${step}`;
  const dir = cacheDir ? out : join(work, name);
  await rm(dir, { recursive: true, force: true });
  // Each build started as if by another command, which the shell passes as `_` ("/usr/bin/npm"):
  // how a build is started must not change what it renders again.
  // Two article pages a part, so that the fixture's search index has several parts.
  const env = { _: `/usr/local/bin/launcher-${name}`, SEARCH_PART_PAGES: "2" };
  const result = await buildSite({ articlesDir: articles, outDir: dir, env, ...(cacheDir && { cacheDir }) });
  if (result.code !== 0) throw new Error(`The ${name} build failed (exit ${result.code}):\n${result.output}`);
  const pages = (pattern: RegExp) => [...result.output.matchAll(pattern)].map((match) => match[1]!);
  const policiesRead = /_headers written: .*\((\d+) pages read/.exec(result.output)?.[1];
  // A page rendered logs its path when it starts and its time when it is done, with other pages'
  // lines between (several render at once); a page copied logs both at once.
  const restored = pages(/├─ (\S+) \((?:restored|cached)\)/g);
  const copied = new Set(restored);
  const built = {
    restored,
    // The next line's time can follow a path on the same line: "├─ /404.html06:10:34 …".
    rendered: pages(/├─ (\S+?)(?=\s|\d\d:\d\d:\d\d|$)/gm).filter((page) => !copied.has(page)),
    policiesRead: policiesRead === undefined ? undefined : Number(policiesRead),
    indexedParts: pages(/Search index (\S+): .*, indexed in /g),
    searchParts: pages(/Search index (\S+): /g),
  };
  if (!cacheDir) return { dir, ...built };
  const kept = join(work, name);
  await rename(out, kept);
  return { dir: kept, ...built };
}

/** Builds the changed archive warm and cold; the warm build must equal the cold one, file for file. */
async function rebuildAfter(change: () => Promise<void>) {
  step++;
  await change();
  const warm = await build(cache);
  const cold = await build(undefined);
  expect(await siteDifferences(warm.dir, cold.dir)).toEqual([]);
  expect(cold.restored).toEqual([]);
  return warm;
}

const edit = async (file: string, from: RegExp | string, to: string) => {
  const path = join(articles, file);
  const text = await readFile(path, "utf8");
  const changed = text.replace(from, to);
  expect(changed).not.toBe(text);
  await writeFile(path, changed);
};

let first: Build;

/** The name of the search index part that holds `day`, as the build's index list says. */
function partOf(built: Build, day: string): string {
  const list = JSON.parse(readFileSync(join(built.dir, "pagefind/indexes.json"), "utf8")) as {
    indexes: { path: string; from: string; to: string }[];
  };
  const part = list.indexes.find((index) => index.from <= day && day <= index.to);
  if (!part) throw new Error(`No part of the search index holds ${day}`);
  return part.path.split("/").at(-2)!;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "archive-incremental-"));
  articles = join(work, "articles");
  cache = join(work, "cache");
  out = join(work, "site");
  await copyFixtureArchive(articles);
  first = await build(cache);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("a rebuild with the cache of the previous build", () => {
  it("renders every page the first time", () => {
    expect(first.restored).toEqual([]);
    expect(first.rendered.length).toBeGreaterThan(400);
    expect(first.searchParts.length).toBeGreaterThan(3);
    expect(first.indexedParts).toEqual(first.searchParts);
  });

  it("after a body, a photo and a body image changed, equals a cold build and renders only their pages", async () => {
    const warm = await rebuildAfter(async () => {
      await edit(
        "2016/morning-briefing.md",
        /\n*$/,
        "\n\nThe office will stay open until noon on Fridays.\n",
      );
      // Another picture under the same file names: the lead photo of one article, the body image of another.
      await copyFile(
        join(articles, "2015/images/ferry-quay.jpg"),
        join(articles, "2019/images/harbour-light.jpg"),
      );
      await copyFile(
        join(articles, "2019/images/tiny-map.png"),
        join(articles, "2015/images/ferry-timetable.png"),
      );
    });
    expect(warm.rendered).toContain("/2016/06/14/morning-briefing/index.html");
    expect(warm.rendered).toContain("/2015/03/09/night-ferry-returns/index.html");
    expect(warm.rendered).toContain("/2019/05/02/harbour-light-returns/index.html");
    expect(warm.restored).toContain("/2013/07/04/feeds-hostile-text/index.html");
    expect(warm.restored).toContain("/archive/2013/07/04/index.html");
    expect(warm.restored.length).toBeGreaterThan(first.rendered.length / 2);
    expect(warm.policiesRead).toBeLessThan(first.rendered.length / 2);
    // Exactly the parts of the three changed pages are indexed again, and search finds the new words.
    const changed = ["2016-06-14", "2015-03-09", "2019-05-02"].map((day) => partOf(warm, day));
    expect([...warm.indexedParts].sort()).toEqual([...new Set(changed)].sort());
    const briefing = await readSearchIndex(warm.dir, `pagefind/${partOf(warm, "2016-06-14")}`);
    expect(briefing.find((page) => page.url.includes("morning-briefing"))?.content).toContain(
      "open until noon on Fridays",
    );
  });

  it("after a title and a topic changed, equals a cold build: lists, neighbours and label pages follow", async () => {
    const warm = await rebuildAfter(async () => {
      await edit(
        "2016/late-evening-filing.md",
        /^title: .*$/m,
        "title: A filing that came in after midnight",
      );
      await edit("2016/late-evening-filing.md", /^topics: .*$/m, "topics: [testing, night-desk, ferries]");
    });
    expect(warm.rendered).toEqual(
      expect.arrayContaining([
        "/archive/2016/06/index.html",
        "/topics/ferries/index.html",
        "/topics/night-desk/index.html",
      ]),
    );
    expect(warm.restored).toContain("/2013/07/04/feeds-hostile-text/index.html");
  });

  it("after an article was deleted and another added, equals a cold build", async () => {
    const warm = await rebuildAfter(async () => {
      await rm(join(articles, "2016/early-june-notice.md"));
      await mkdir(join(articles, "2022"));
      await writeFile(
        join(articles, "2022/new-pier.md"),
        "---\ntitle: A new pier for the island ferry\npublished: 2022-03-01\nbyline: Ann Lee\ntopics: [ferries]\n---\n\nThe pier opens in May.\n",
      );
    });
    expect(warm.rendered).toContain("/2022/03/01/new-pier/index.html");
    expect(warm.restored).toContain("/2013/07/04/feeds-hostile-text/index.html");
    expect(warm.indexedParts).toContain(partOf(warm, "2022-03-01"));
    expect(warm.indexedParts).not.toContain(partOf(warm, "2013-07-04"));
  });
});
