import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MergeError, mergeParts } from "../../src/parts/merge";
import { writeCorpus } from "../../tools/bench/write-corpus";
import type { SearchIndexList } from "../../src/parts/build-part";
import { buildSite, listFiles, projectRoot, readSearchIndex } from "../support/site-build";

// A synthetic archive of a few hundred articles over 1996–2025, built whole and in three parts
// (two ranges of years and the pages spanning all years), as a CI matrix would build it.
const ARTICLES = 240;
const BASE = "/archive";
const PARTS = ["1996-2007", "2008-2025", "none"] as const;
// At most 40 article pages a part of the search index: several parts in each range of years.
const PART_PAGES = "40";

let work: string;
let whole: string;
let wholeManifest: string;
const parts: Record<string, string> = {};

async function build(name: string, archiveYears: string | undefined, urlManifest: string): Promise<string> {
  const outDir = join(work, name);
  const result = await buildSite({
    articlesDir: join(work, "articles"),
    outDir,
    base: BASE,
    // One content cache for every build, as CI jobs restore one: each part reads every article.
    cacheDir: join(work, "cache"),
    urlManifest,
    env: { SEARCH_PART_PAGES: PART_PAGES },
    ...(archiveYears !== undefined && { archiveYears }),
  });
  if (result.code !== 0) throw new Error(`The ${name} build failed (exit ${result.code}):\n${result.output}`);
  return outDir;
}

/** Merges into a fresh folder with a fresh URL manifest; returns the folder and the manifest. */
async function merge(partDirs: string[], name: string) {
  const out = join(work, name);
  const manifestPath = join(work, `${name}-urls.txt`);
  const report = await mergeParts({ parts: partDirs, out, root: projectRoot, manifestPath, base: BASE });
  return { out, manifestPath, report };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "archive-parts-"));
  await writeCorpus(join(work, "articles"), ARTICLES, "build-parts");
  wholeManifest = join(work, "whole-urls.txt");
  whole = await build("whole", undefined, wholeManifest);
  for (const years of PARTS)
    parts[years] = await build(`part-${years}`, years, join(work, "unused-urls.txt"));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const withoutIndex = (files: string[]) => files.filter((file) => !file.startsWith("pagefind/"));

describe("a site built in parts and merged", () => {
  it("has exactly the files of the whole build, byte for byte, apart from the search index", async () => {
    const { out } = await merge(Object.values(parts), "merged");
    const merged = withoutIndex(await listFiles(out));
    const expected = withoutIndex(await listFiles(whole));
    expect(merged).toEqual(expected);
    expect(merged.filter((file) => file.endsWith(".html")).length).toBeGreaterThan(ARTICLES);
    const differing = [];
    for (const file of expected) {
      const [a, b] = await Promise.all([readFile(join(out, file)), readFile(join(whole, file))]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual([]);
  });

  it("writes no page twice: each part writes its own years, the all-years part the rest", async () => {
    const own = async (years: string) =>
      withoutIndex(await listFiles(parts[years]!)).filter((f) => !f.startsWith("_astro/"));
    const early = await own("1996-2007");
    const late = await own("2008-2025");
    const rest = await own("none");
    expect(early.every((f) => /^(archive\/)?(199[6-9]|200[0-7])\//.test(f))).toBe(true);
    expect(late.every((f) => /^(archive\/)?(200[89]|201\d|202[0-5])\//.test(f))).toBe(true);
    expect(rest).toContain("index.html");
    expect(rest).toContain("sitemap-index.xml");
    expect(rest.filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f))).toEqual([]);
    expect(new Set([...early, ...late, ...rest]).size).toBe(early.length + late.length + rest.length);
  });

  it("lists the same search index parts as the whole build, each holding its days' articles", async () => {
    const { out } = await merge(Object.values(parts), "merged-index");
    const list = JSON.parse(await readFile(join(out, "pagefind/indexes.json"), "utf8")) as SearchIndexList;
    const wholeList = JSON.parse(
      await readFile(join(whole, "pagefind/indexes.json"), "utf8"),
    ) as SearchIndexList;
    expect(list.indexes.length).toBeGreaterThan(3);
    // The ranges of years end where blocks of the calendar do, so the parts are the same, key and
    // all, but for the whole build's newest ones, cut smaller for a first search: the first
    // range's are compared.
    const older = (l: SearchIndexList) => l.indexes.filter((index) => index.to <= "2007-12-31");
    expect(older(list).length).toBeGreaterThan(2);
    expect(older(list)).toEqual(older(wholeList));
    const count = (l: SearchIndexList) =>
      l.indexes.reduce((n, index) => n + Object.values(index.languages).reduce((a, b) => a + b, 0), 0);
    expect(count(list)).toBe((await readSearchIndex(whole)).length);
    for (const index of list.indexes) {
      const pages = await readSearchIndex(out, index.path);
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.length).toBeLessThanOrEqual(Number(PART_PAGES));
      for (const page of pages) {
        const day = /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(page.url)!.slice(1).join("-");
        expect(day >= index.from && day <= index.to, page.url).toBe(true);
      }
    }
    // The index files of a part are the same bytes as the whole build's.
    const first = older(list)[0]!.path.slice(1);
    const files = (await listFiles(join(whole, first))).sort();
    expect((await listFiles(join(out, first))).sort()).toEqual(files);
    expect(existsSync(join(out, "pagefind/indexes-2008-2025.json"))).toBe(false);
  });

  it("records the same addresses in the URL manifest as the whole build", async () => {
    const { manifestPath, report } = await merge(Object.values(parts), "merged-manifest");
    const addresses = async (file: string) =>
      (await readFile(file, "utf8"))
        .split("\n")
        .filter((line) => line.startsWith("/"))
        .sort();
    expect(report.recorded).toBeGreaterThanOrEqual(ARTICLES);
    expect(await addresses(manifestPath)).toEqual(await addresses(wholeManifest));
  });

  it("refuses a file two parts wrote differently, naming it and both parts, and writes nothing", async () => {
    const altered = join(work, "altered-part");
    await cp(parts["2008-2025"]!, altered, { recursive: true });
    const [asset] = (await listFiles(altered)).filter((f) => f.startsWith("_astro/") && f.endsWith(".css"));
    expect(asset).toBeDefined();
    await writeFile(join(altered, asset!), "body { color: red }");
    const out = join(work, "refused");
    const error = await mergeParts({
      parts: [parts["1996-2007"]!, altered, parts.none!],
      out,
      root: projectRoot,
      manifestPath: join(work, "refused-urls.txt"),
      base: BASE,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MergeError);
    expect((error as Error).message).toContain(
      `${asset}: written differently by ${parts["1996-2007"]} and ${altered}`,
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(work, "refused-urls.txt"))).toBe(false);
    expect((await listFiles(work)).some((f) => f.includes(".refused.merging-"))).toBe(false);
  });

  it("refuses a part given twice, naming a page both copies wrote, and writes nothing", async () => {
    const copy = join(work, "same-part-again");
    await cp(parts["1996-2007"]!, copy, { recursive: true });
    const out = join(work, "twice");
    const error = await mergeParts({
      parts: [parts["1996-2007"]!, copy, parts["2008-2025"]!, parts.none!],
      out,
      root: projectRoot,
      manifestPath: join(work, "twice-urls.txt"),
      base: BASE,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MergeError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `index\\.html: written by both ${parts["1996-2007"]} and ${copy}; was a part given twice\\?`,
      ),
    );
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a merge that lacks a range of years, and leaves the previous site in place", async () => {
    const out = join(work, "kept");
    await cp(whole, out, { recursive: true });
    const error = await mergeParts({
      parts: [parts["1996-2007"]!, parts.none!],
      out,
      root: projectRoot,
      manifestPath: join(work, "kept-urls.txt"),
      base: BASE,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MergeError);
    expect((error as Error).message).toMatch(
      /pages of the sitemap are in no part; is a range of years missing\?\n\/2\d{3}\//,
    );
    expect(withoutIndex(await listFiles(out))).toEqual(withoutIndex(await listFiles(whole)));
  });
});
