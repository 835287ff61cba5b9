import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findScreenshotPages } from "../../tools/screenshots/screenshot-pages";

let dist: string;

/** A built site of a few pages: just the files and the headline the page finder reads. */
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), "archive-shots-"));
  const page = async (path: string, html = "<h1>A page</h1>") => {
    await mkdir(dirname(join(dist, path)), { recursive: true });
    await writeFile(join(dist, path), html);
  };
  await page("index.html");
  await page("404.html");
  await page(
    "2024/10/02/port-workers/index.html",
    '<meta property="og:image"><h1>Port workers agree a deal</h1>',
  );
  await page("2025/03/21/dwarf-galaxy/index.html", "<h1>Dwarf galaxy found</h1>");
  for (const path of [
    "archive",
    "archive/2024",
    "archive/2024/10",
    "archive/2024/10/02",
    "sections",
    "search",
  ]) {
    await page(`${path}/index.html`);
  }
  await page("sections/world/index.html");
  await page("topics/ports/index.html");
  await page("topics/astronomy/index.html");
});
afterAll(async () => {
  await rm(dist, { recursive: true, force: true });
});

describe("the pages npm run screenshots takes", () => {
  it("are one of every kind, around the newest article with a photo, under the base path", async () => {
    const pages = await findScreenshotPages(dist, "/news/");
    expect(pages.map(({ name }) => name)).toEqual([
      "home",
      "article",
      "archive",
      "year",
      "month",
      "day",
      "sections",
      "section",
      "topic",
      "search-start",
      "search",
      "not-found",
    ]);
    const path = Object.fromEntries(pages.map(({ name, path }) => [name, path]));
    expect(path.article).toBe("/news/2024/10/02/port-workers/");
    expect(path.day).toBe("/news/archive/2024/10/02/");
    expect(path.section).toBe("/news/sections/world/");
    expect(path.topic).toBe("/news/topics/astronomy/");
    expect(path.search).toMatch(/^\/news\/search\/\?q=\w+/);
  });

  it("leave out a kind the site has no page of", async () => {
    const bare = await mkdtemp(join(tmpdir(), "archive-shots-bare-"));
    await writeFile(join(bare, "index.html"), "");
    await mkdir(join(bare, "2024/10/02/a"), { recursive: true });
    await writeFile(join(bare, "2024/10/02/a/index.html"), "<h1>Harbour news</h1>");
    await mkdir(join(bare, "archive/2024/10"), { recursive: true });
    await writeFile(join(bare, "archive/2024/10/index.html"), "");
    const names = (await findScreenshotPages(bare, "/")).map(({ name }) => name);
    expect(names).not.toContain("section");
    expect(names).not.toContain("topic");
    await rm(bare, { recursive: true, force: true });
  });
});
