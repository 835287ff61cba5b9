import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, copyFixtureArchive, siteDifferences } from "../support/site-build";

// The output folder kept between builds, as the deploy workflow keeps dist/ with the cache: a
// rebuild leaves unchanged pages in place, and must still equal a cold build, file for file.

let work: string;
let articles: string;
let cache: string;
let out: string;

const KEPT = /is as the last build left it: unchanged pages stay in place/;
const DELETED_PAGE = "2016/06/03/early-june-notice/index.html";

async function build(outDir: string, cacheDir: string) {
  const result = await buildSite({
    articlesDir: articles,
    outDir,
    cacheDir,
    urlManifest: join(work, `urls-${Math.random()}.txt`),
    env: { SEARCH_PART_PAGES: "2" },
  });
  const count = (pattern: RegExp) => [...result.output.matchAll(pattern)].length;
  return {
    ...result,
    kept: KEPT.test(result.output),
    /** Pages left in the output folder as they were. */
    leftInPlace: count(/├─ \S+ \(cached\)/g),
    /** Pages copied back from the cache. */
    restored: count(/├─ \S+ \(restored\)/g),
  };
}

/** A cold build of the articles as they are now, with a cache of its own. */
async function coldBuild(name: string): Promise<string> {
  const dir = join(work, name);
  const result = await build(dir, join(work, `${name}-cache`));
  expect(result.code, result.output).toBe(0);
  return dir;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "archive-kept-output-"));
  articles = join(work, "articles");
  cache = join(work, "cache");
  out = join(work, "site");
  await copyFixtureArchive(articles);
  const first = await build(out, cache);
  expect(first.code, first.output).toBe(0);
  expect(first.kept).toBe(false);
  expect(existsSync(join(out, DELETED_PAGE))).toBe(true);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("a rebuild into the output folder the last build left", () => {
  it("leaves unchanged pages in place, removes a deleted article's page and equals a cold build", async () => {
    await rm(join(articles, "2016/early-june-notice.md"));
    const body = join(articles, "2016/morning-briefing.md");
    await appendFile(body, "\n\nThe office will stay open until noon on Fridays.\n");
    const warm = await build(out, cache);
    expect(warm.code, warm.output).toBe(0);
    expect(warm.kept).toBe(true);
    expect(warm.leftInPlace).toBeGreaterThan(300);
    expect(warm.restored).toBe(0);
    expect(warm.output).toMatch(/Removed \d+ files an earlier build left/);
    expect(existsSync(join(out, DELETED_PAGE))).toBe(false);
    expect(await siteDifferences(out, await coldBuild("cold-1"))).toEqual([]);
  });

  it("is not kept once a file in it changed: every page comes from the cache again", async () => {
    const page = join(out, "2016/06/14/morning-briefing/index.html");
    await appendFile(page, "<!-- edited by hand -->");
    await writeFile(join(out, "stray.html"), "<p>not from a build</p>");
    const warm = await build(out, cache);
    expect(warm.code, warm.output).toBe(0);
    expect(warm.kept).toBe(false);
    expect(warm.leftInPlace).toBe(0);
    expect(warm.restored).toBeGreaterThan(300);
    expect(await readFile(page, "utf8")).not.toContain("edited by hand");
    expect(existsSync(join(out, "stray.html"))).toBe(false);
  });

  it("is not kept after a build that failed once it had written its pages", async () => {
    // The URL manifest's check runs after every page was written: an address no page serves stops the build there.
    const urls = join(work, "urls-missing.txt");
    await writeFile(urls, "/2099/01/01/never-written/\n");
    const failed = await buildSite({
      articlesDir: articles,
      outDir: out,
      cacheDir: cache,
      urlManifest: urls,
    });
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain("/2099/01/01/never-written/");
    const next = await build(out, cache);
    expect(next.code, next.output).toBe(0);
    expect(next.kept).toBe(false);
    expect(next.restored).toBeGreaterThan(300);
  });

  it("is not kept for a build into another folder with the same cache", async () => {
    const elsewhere = join(work, "elsewhere");
    const other = await build(elsewhere, cache);
    expect(other.code, other.output).toBe(0);
    expect(other.kept).toBe(false);
    // The record now names the other folder: the first folder is emptied and filled again.
    const back = await build(out, cache);
    expect(back.code, back.output).toBe(0);
    expect(back.kept).toBe(false);
  });
});
