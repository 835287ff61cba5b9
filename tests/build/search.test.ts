import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import sharp from "sharp";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { all, attr, one, readPage, text } from "../support/html";
import { listFiles, readSearchIndex, readSearchIndexList, type IndexedPage } from "../support/site-build";
import { WORD_BUCKETS, bucketOf, wordFile } from "../../src/search/words";

// The fixture site: tests/fixtures/site/articles, built under /archive.
const dist = inject("fixtureDist");

let files: string[];
let index: IndexedPage[];

beforeAll(async () => {
  files = await listFiles(dist);
  index = await readSearchIndex(dist);
});

const page = (suffix: string): IndexedPage => {
  const found = index.find((p) => p.url.endsWith(suffix));
  if (!found) throw new Error(`${suffix} is not in the search index`);
  return found;
};

describe("search keys on article pages", () => {
  it("gives every article its filters, with the names as written in frontmatter", () => {
    expect(page("/late-evening-filing/").filters).toEqual({
      topic: ["testing", "night-desk"],
      year: ["2016"],
      byline: ["Rosa Delgado"],
      agency: ["Fixture Wire"],
      place: ["New York", "Queens"],
      section: ["World"],
      day: ["2016-06-14"],
    });
    expect(page("/harbour-light-returns/").filters).toEqual({
      topic: ["heritage"],
      year: ["2019"],
      byline: ["José Álvarez"],
      day: ["2019-05-02"],
    });
    // Its place is written in Arabic, and filed under the registry's name, with the English articles'.
    expect(page("/arabic-bulletin/").filters).toEqual({
      topic: ["testing"],
      place: ["Amman"],
      year: ["2023"],
      byline: ["سارة الخطيب"],
      day: ["2023-05-17"],
    });
  });

  it("keeps the filter values out of the searchable text", () => {
    expect(page("/late-evening-filing/").content).not.toContain("night-desk");
    expect(page("/late-evening-filing/").content).not.toContain("Queens");
  });

  it("gives an article with a lead image a small thumbnail for the result list, and none to the others", async () => {
    const image = page("/harbour-light-returns/").meta.image ?? "";
    expect(image).toMatch(/^\/archive\/_astro\/.+\.webp$/);
    const file = join(dist, image.replace(/^\/archive\//, ""));
    expect(existsSync(file)).toBe(true);
    expect((await sharp(file).metadata()).width).toBeLessThanOrEqual(160);
    // The late filing's lead photo is one the archive does not hold.
    expect(page("/late-evening-filing/").meta.image).toBeUndefined();
    expect(page("/corrected-report/").meta.image).toBeUndefined();
  });

  it("gives every article a summary to show when it is browsed without words: its dek, else its opening", () => {
    expect(page("/night-ferry-returns/").meta.summary).toBe(
      "The crossing resumes after the harbour works, with a new timetable.",
    );
    expect(page("/harbour-light-returns/").meta.summary).toBe(
      "The lamp was lit again for the first time in twenty years, to applause from the harbour wall.",
    );
  });

  it("gives every article its date sort key, so none drops out of sorted results", async () => {
    for (const { url } of index) {
      const html = await readFile(join(dist, url, "index.html"), "utf8");
      expect(html, url).toMatch(/data-pagefind-sort="date:\d{4}-\d{2}-\d{2}T[\d:.]+Z"/);
    }
  });
});

describe("the index's words, for “Did you mean”", () => {
  it("lists every word each part indexed, by language and first letter, with how often it is used", async () => {
    const { indexes } = await readSearchIndexList(dist);
    for (const { path, languages } of indexes) {
      for (const language of Object.keys(languages)) {
        // Every bucket is written, so that a reader's browser never asks for a missing file.
        for (let bucket = 0; bucket < WORD_BUCKETS; bucket++) {
          expect(
            existsSync(join(dist, path, "words", language, `${bucket}.json`)),
            `${language} ${bucket}`,
          ).toBe(true);
        }
      }
    }
    const read = async (language: string, word: string) =>
      JSON.parse(await readFile(join(dist, indexes[0]!.path, wordFile(language, word)), "utf8")) as Record<
        string,
        number
      >;
    const english = await read("en", "harbour");
    expect(english.harbour).toBeGreaterThan(1);
    expect(Object.keys(english).every((word) => bucketOf(word) === bucketOf("harbour"))).toBe(true);
    // The draft is not indexed, so neither are its words.
    expect((await read("en", "zanzibarquokka")).zanzibarquokka).toBeUndefined();
    expect(Object.keys(await read("ar", "سارة"))).toContain("سارة");
  });
});

describe("scripts", () => {
  it("runs one inline script, the same on every page, so a Content-Security-Policy can allow it by its hash", async () => {
    const inline = new Set<string>();
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const tree = await readPage(dist, `/${file}`);
      // JSON-LD is data, not script: no policy runs or blocks it.
      const scripts = all(tree, 'script:not([type="application/ld+json"])');
      // The theme is set in <head> before the first paint; every other script is a file.
      const inHead = all(tree, 'head > script:not([type="application/ld+json"]):not([src])');
      // Pages of the site carry it; a redirect page (no header, no stylesheet) runs nothing.
      const ofTheSite = all(tree, ".site-header").length > 0;
      expect(inHead, file).toHaveLength(ofTheSite ? 1 : 0);
      for (const script of scripts.filter((s) => !inHead.includes(s))) {
        expect(attr(script, "src"), file).not.toBe("");
        expect(text(script), file).toBe("");
      }
      expect(all(tree, "[onclick], [onload], [onsubmit]"), file).toEqual([]);
      if (!ofTheSite) continue;
      // Byte for byte, as a hash in the policy sees it.
      const html = await readFile(join(dist, file), "utf8");
      inline.add(/<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "");
    }
    expect(inline.size).toBe(1);
    const [theme] = inline;
    expect(theme).toContain('localStorage.getItem("theme")');
    expect(Buffer.byteLength(theme!)).toBeLessThanOrEqual(400);
  });

  it("gives article and list pages one small loader that fetches no search index", async () => {
    const scripts = new Set<string>();
    for (const path of [
      "/page/2/",
      "/2019/05/02/harbour-light-returns/",
      "/archive/2016/06/",
      "/topics/testing/",
      "/404.html",
    ]) {
      const tree = await readPage(dist, path);
      const srcs = all(tree, "script[src]").map((s) => attr(s, "src"));
      expect(srcs, path).toHaveLength(1);
      scripts.add(srcs[0]!);
    }
    expect(scripts.size).toBe(1);
    // The home page adds only its "On this day" list, which reads one small file.
    const home = all(await readPage(dist, "/"), "script[src]").map((s) => attr(s, "src"));
    expect(home).toHaveLength(2);
    expect(home).toContain([...scripts][0]);
    const onThisDay = await readFile(
      join(dist, home.find((src) => !scripts.has(src))!.replace(/^\/archive\//, "")),
      "utf8",
    );
    expect(Buffer.byteLength(onThisDay)).toBeLessThanOrEqual(2048);
    expect(onThisDay).not.toMatch(/\bimport\b/);
    const loader = await readFile(join(dist, [...scripts][0]!.replace(/^\/archive\//, "")), "utf8");
    // The search loader and the citation buttons (2 KB), with the theme switch (allowed 2 KB more),
    // stay under 2 KB as sent compressed.
    expect(Buffer.byteLength(loader)).toBeLessThanOrEqual(4096);
    expect(gzipSync(loader).byteLength).toBeLessThanOrEqual(2048);
    // It imports nothing; the highlighter is fetched only for a page opened from a result.
    expect(loader).not.toMatch(/\bimport\b/);
    expect(loader).not.toContain("pagefind.js");
    expect(loader).toContain("pagefind-highlight.js");
  });
});

describe("the search page without JavaScript", () => {
  it("offers the browse pages: latest, archive by date and every kind of label", async () => {
    const tree = await readPage(dist, "/search/");
    const form = one(tree, "#search-page-form");
    expect(attr(form, "action")).toBe("/archive/search/");
    expect(attr(form, "method")).toBe("get");
    expect(attr(one(form, "input[type=search]"), "name")).toBe("q");
    const links = all(one(tree, "#search-browse"), "a").map((a) => [text(a), attr(a, "href")]);
    expect(links).toEqual([
      ["Latest articles", "/archive/"],
      ["Archive by date", "/archive/archive/"],
      ["Sections", "/archive/sections/"],
      ["Topics", "/archive/topics/"],
      ["Authors", "/archive/authors/"],
      ["Agencies", "/archive/agencies/"],
      ["Places", "/archive/places/"],
      ["People", "/archive/people/"],
      ["Organisations", "/archive/organizations/"],
    ]);
  });
});
