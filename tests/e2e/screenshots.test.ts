import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { collectConsoleProblems, launchBrowser } from "../support/browser";
import { projectRoot } from "../support/site-build";

/**
 * Full-page screenshots of the fixture site, at a phone's and a laptop's width, in the light and
 * the dark colour scheme (the reader's system preference), for people to look at:
 * test-results/screenshots/<page>-<width>-<scheme>.png. (docs/screenshots/ is made by
 * `npm run screenshots`, from the site's own articles.)
 */
const siteUrl = inject("siteUrl");
const outDir = join(projectRoot, "test-results/screenshots");

const PAGES = [
  { name: "home", path: "" },
  { name: "article", path: "2019/05/02/harbour-light-returns/" },
  { name: "archive-month", path: "archive/2016/06/" },
  { name: "topic", path: "topics/testing/" },
  { name: "search", path: "search/?q=ferry" },
] as const;
const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1280, height: 800 },
] as const;
const SCHEMES = ["light", "dark"] as const;

/** Width and height from a PNG's header; throws when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString("latin1", 12, 16) !== "IHDR") {
    throw new Error("not a PNG file");
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Waits until what the reader would see is there: fonts, every image (lazy ones too), search results. */
async function settle(page: Page, name: string): Promise<void> {
  if (name === "search") {
    await page.locator("#search-results .result").first().waitFor();
    await page.waitForFunction(() =>
      /result/.test(document.querySelector("#search-status")?.textContent ?? ""),
    );
  }
  await page.evaluate(async () => {
    for (const img of document.images) img.loading = "eager";
    await document.fonts.ready;
    // decode() settles once an image has loaded (or failed), lazy ones included now that they are eager.
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(outDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe("screenshots of the site's main pages", () => {
  for (const size of WIDTHS) {
    for (const scheme of SCHEMES) {
      it(`at ${size.width} px in the ${scheme} scheme`, async () => {
        const context = await browser.newContext({ viewport: size, colorScheme: scheme, locale: "en-GB" });
        const page = await context.newPage();
        const problems = collectConsoleProblems(page);
        try {
          for (const { name, path } of PAGES) {
            await page.goto(new URL(path, siteUrl).href);
            await settle(page, name);
            const file = join(outDir, `${name}-${size.width}-${scheme}.png`);
            await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
            const { width, height } = pngSize(await readFile(file));
            expect(width, file).toBe(size.width);
            expect(height, file).toBeGreaterThanOrEqual(size.height);
          }
        } finally {
          await context.close();
        }
        expect(problems).toEqual([]);
      });
    }
  }
});
