import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { readArgs } from "../../src/cli/args";
import { site } from "../../src/site.config";
import { launchBrowser } from "../chromium";
import { serveStatic } from "../static-server";
import { findScreenshotPages } from "./screenshot-pages";

// `npm run screenshots [-- DIR]`: the first screen of every kind of page, at a phone's and a
// laptop's width, light and dark, into docs/screenshots/. Without DIR it builds the site first.
const USAGE = "npm run screenshots [-- DIR]";
const { positionals } = readArgs({ allowPositionals: true, options: {} }, USAGE);
if (positionals.length > 1) {
  process.stderr.write(`Usage: ${USAGE}\n`);
  process.exit(2);
}
const SIZES = [
  { width: 375, height: 812 },
  { width: 1280, height: 800 },
] as const;
const SCHEMES = ["light", "dark"] as const;
const outDir = resolve("docs/screenshots");

/** Waits until what the reader would see is there: fonts, images and, on a search, its results. */
async function settle(page: Page): Promise<void> {
  if (new URL(page.url()).search.includes("q=")) {
    await page.waitForFunction(() =>
      /result/.test(document.querySelector("#search-status")?.textContent ?? ""),
    );
  }
  await page.evaluate(async () => {
    await document.fonts.ready;
    // A lazy image below the first screen would never load, and its decode() never settle.
    const shown = [...document.images].filter((img) => img.getBoundingClientRect().top < innerHeight);
    await Promise.all(shown.map((img) => img.decode().catch(() => undefined)));
  });
}

let built: string | undefined;
if (positionals[0] === undefined) {
  built = await mkdtemp(join(tmpdir(), "archive-screenshots-"));
  const build = spawnSync("npm", ["run", "build", "--", "--local", "--outDir", built], { stdio: "inherit" });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status ?? build.signal})`);
}
const dist = resolve(positionals[0] ?? built!);
const host = await serveStatic(dist, site.base);
const browser = await launchBrowser();
try {
  const pages = await findScreenshotPages(dist, site.base);
  await mkdir(outDir, { recursive: true });
  const written = new Set<string>();
  for (const size of SIZES) {
    for (const scheme of SCHEMES) {
      const context = await browser.newContext({ viewport: size, colorScheme: scheme, locale: "en-GB" });
      const page = await context.newPage();
      for (const { name, path } of pages) {
        const response = await page.goto(new URL(path, host.url).href);
        if (!response?.ok() && name !== "not-found")
          throw new Error(`${path} answered ${response?.status()}`);
        await settle(page);
        // A 256-colour palette keeps a page sharp at a fraction of the size.
        const png = await sharp(await page.screenshot({ animations: "disabled" }))
          .png({ palette: true, quality: 90, compressionLevel: 9, effort: 10 })
          .toBuffer();
        const file = `${name}-${size.width}-${scheme}.png`;
        await writeFile(join(outDir, file), png);
        written.add(file);
      }
      await context.close();
    }
  }
  // Screenshots of pages this run did not take are of pages the site no longer has.
  for (const file of await readdir(outDir))
    if (file.endsWith(".png") && !written.has(file)) await rm(join(outDir, file));
  process.stdout.write(`${written.size} screenshots of ${pages.length} pages in ${outDir}\n`);
} finally {
  await browser.close();
  await host.close();
  if (built) await rm(built, { recursive: true, force: true });
}
