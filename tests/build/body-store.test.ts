import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, copyFixtureArchive } from "../support/site-build";

// The fixture archive plus one article of 2020 whose raw HTML only becomes an event handler once
// rendered (the Markdown rules cannot see it): a build renders a body only where it writes a page
// that shows it, and checks it there.

/** Raw HTML split across paragraphs: only the rendered HTML shows the handler. */
const SPLIT_TAG =
  "---\ntitle: Split\npublished: 2020-01-02\n---\n\n<div title='\n\n`' onmouseover=alert(1) x='`\n\n`'`\n";
const SPLIT_TAG_PROBLEM =
  /articles\/2020\/split-tag\.md:5: body: the inline event handler onmouseover= on <div> is not allowed; .*\(found in the rendered HTML/;
/** Markdown of a fixture body (of 2015) that no summary holds: summaries leave images out. */
const BODY_MARKDOWN = "![The new timetable board";

let work: string;
let articles: string;
/** One content cache for the builds, as a CI job restores one whatever part it builds. */
let cache: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "archive-bodies-"));
  articles = join(work, "articles");
  cache = join(work, "cache");
  await copyFixtureArchive(articles);
  await mkdir(join(articles, "2020"), { recursive: true });
  await writeFile(join(articles, "2020/split-tag.md"), SPLIT_TAG);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const build = (name: string, archiveYears?: string) =>
  buildSite({
    articlesDir: articles,
    outDir: join(work, name),
    cacheDir: cache,
    ...(archiveYears !== undefined && { archiveYears }),
  });

describe("article bodies are rendered where their pages are built", () => {
  it("a build of other years renders no body of 2020, so the unsafe body does not fail it", async () => {
    const result = await build("part", "2015-2019");
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toMatch(/split-tag/);
    expect(existsSync(join(work, "part/2019/05/02/harbour-light-returns/index.html"))).toBe(true);
  });

  it("the content store holds each article's data and body facts, never its Markdown or HTML", async () => {
    const store = await readFile(join(cache, "data-store.json"), "utf8");
    expect(store).toContain("bodyFacts");
    expect(store).toContain("Split");
    expect(store).not.toMatch(/"(?:body|rendered)"/);
    expect(store).not.toMatch(/<(?:p|div|h2|img)\b/);
    expect(store).not.toContain(BODY_MARKDOWN);
    expect(await readFile(join(articles, "2015/feeds-every-field.md"), "utf8")).toContain(BODY_MARKDOWN);
    // Its page shows the body all the same, rendered when the page was built.
    const page = await readFile(join(work, "part/2015/03/09/night-ferry-returns/index.html"), "utf8");
    expect(page).toContain("The new timetable board, with departures every two hours.");
  });

  it("the part of all years fails where its feeds render the body, naming the file and line", async () => {
    const result = await build("part-none", "none");
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(SPLIT_TAG_PROBLEM);
  });

  it("a whole build fails before writing a page, though the article comes from the cache of the part", async () => {
    const result = await build("whole");
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(SPLIT_TAG_PROBLEM);
    expect(existsSync(join(work, "whole/index.html"))).toBe(false);
  });
});
