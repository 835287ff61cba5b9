import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { readArgs } from "../../src/cli/args";
import { LOCAL_SITE_URL } from "../../src/addresses/site-address";
import { launchBrowser } from "../chromium";
import { measureInBrowser } from "./measure-browser";
import { runMeasured, type Measurement } from "./run-measured";
import { serveStatic } from "../static-server";
import { writeCorpus } from "./write-corpus";
import { ARTICLE_PAGE_GLOB } from "../../src/lib/urls";
import { mergeParts } from "../../src/parts/merge";

// `npm run bench:parts -- 5000 --parts 1996-2005,2006-2015,2016-2025`: one synthetic corpus built
// whole and in parts (each part cold, as a CI job without a cache), merged, and searched in
// Chromium on both sites: what README's "Scaling" section reports.
const USAGE = "npm run bench:parts -- SIZE --parts 1996-2005,2006-2015,2016-2025 [--seed TEXT]";
const { positionals, values } = readArgs(
  {
    allowPositionals: true,
    options: { parts: { type: "string" }, seed: { type: "string", default: "1" } },
  },
  USAGE,
);
const size = Number(positionals[0]);
const ranges = values.parts?.split(",").filter((range) => range !== "") ?? [];
if (!Number.isInteger(size) || size < 1 || ranges.length === 0) {
  process.stderr.write(`Usage: ${USAGE}\n`);
  process.exit(2);
}

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const astro = join(projectRoot, "node_modules/astro/bin/astro.mjs");
const work = await mkdtemp(join(tmpdir(), "news-archive-parts-"));
const progress = (line: string): void => void process.stderr.write(`[bench:parts] ${line}\n`);
const rows: string[][] = [];

async function build(name: string, years: string): Promise<{ dir: string; measured: Measurement }> {
  const dir = join(work, name);
  const urlManifest = join(work, `${name}-urls.txt`);
  await writeFile(urlManifest, "");
  progress(`building ${name}…`);
  const measured = await runMeasured(process.execPath, [astro, "build", "--outDir", dir], {
    cwd: projectRoot,
    env: {
      ...process.env,
      SITE_URL: process.env.SITE_URL || LOCAL_SITE_URL,
      ARTICLES_DIR: relative(projectRoot, join(work, "articles")),
      ASTRO_CACHE_DIR: join(work, `${name}-cache`),
      URL_MANIFEST: urlManifest,
      ARCHIVE_YEARS: years,
      ASTRO_TELEMETRY_DISABLED: "1",
      NO_COLOR: "1",
    },
  });
  if (measured.code !== 0) throw new Error(`${name} failed:\n${measured.tail.join("\n")}`);
  rows.push([
    name,
    `${(measured.wallMs / 1000).toFixed(1)} s`,
    `${Math.round(measured.peakRssBytes / 1e6)} MB`,
  ]);
  return { dir, measured };
}

/** Milliseconds from opening `query` on the search page until it has announced its results. */
async function timeSearch(browser: Browser, site: string, query: string): Promise<number> {
  const server = await serveStatic(site, "/");
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(new URL(`search/${query}`, server.url).href);
    await page.waitForFunction(
      () => /[^…]$/.test(document.querySelector("#search-status")?.textContent ?? "…"),
      undefined,
      {
        timeout: 60_000,
      },
    );
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
    await server.close();
  }
}

try {
  progress(`writing ${size} articles…`);
  const corpus = await writeCorpus(join(work, "articles"), size, values.seed);
  const whole = await build("whole", "");
  const parts = [];
  for (const range of [...ranges, "none"]) parts.push((await build(`part-${range}`, range)).dir);
  const start = performance.now();
  await mergeParts({
    parts,
    out: join(work, "merged"),
    root: projectRoot,
    manifestPath: join(work, "merged-urls.txt"),
    base: "/",
  });
  rows.push(["merge", `${((performance.now() - start) / 1000).toFixed(1)} s`, ""]);
  // The alternative to merging indexes in the browser: one index of the merged site's articles.
  const reindex = await runMeasured(
    process.execPath,
    [
      join(projectRoot, "node_modules/pagefind/lib/runner/bin.cjs"),
      "--site",
      join(work, "merged"),
      "--glob",
      ARTICLE_PAGE_GLOB,
      "--output-subdir",
      "reindexed",
    ],
    { cwd: projectRoot, env: process.env },
  );
  if (reindex.code !== 0) throw new Error(`re-indexing failed:\n${reindex.tail.join("\n")}`);
  rows.push([
    "re-index the merged site",
    `${(reindex.wallMs / 1000).toFixed(1)} s`,
    `${Math.round(reindex.peakRssBytes / 1e6)} MB`,
  ]);

  const word = corpus.commonWord;
  for (const [name, dir] of [
    ["whole", whole.dir],
    ["merged", join(work, "merged")],
  ] as const) {
    const { search } = await measureInBrowser(dir, word, []);
    rows.push([
      `${name}: first search "${word}"`,
      `${Math.round(search.ms)} ms`,
      `${Math.round(search.bytes / 1000)} KB in ${search.files} files, ${search.results} results`,
    ]);
    const browser = await launchBrowser();
    try {
      for (const query of [`?q=${word}`, `?q=${word}&sort=newest`, "?sort=oldest"]) {
        const ms = await timeSearch(browser, dir, query);
        rows.push([`${name}: open ${query}`, `${Math.round(ms)} ms`, ""]);
      }
    } finally {
      await browser.close();
    }
  }
  process.stdout.write(`${size} articles, parts ${ranges.join(", ")} + all-years\n\n`);
  process.stdout.write(
    ["| step | time | memory / bytes |", "|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`)].join(
      "\n",
    ) + "\n",
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
