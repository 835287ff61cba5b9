import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { cpus, platform, release, tmpdir, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { editArticle } from "./corpus";
import {
  DAYS_NEWS_ARTICLES,
  formatBenchTable,
  type BenchRecords,
  type BuildRecord,
  type BuildStep,
} from "./table";
import * as pagefind from "pagefind";
import { ARTICLE_PAGE_GLOB, archivePath } from "../../src/lib/urls";
import { readArgs } from "../../src/cli/args";
import { LOCAL_SITE_URL } from "../../src/addresses/site-address";
import { writeFloorProject } from "./floor";
import { measureInBrowser } from "./measure-browser";
import { runMeasured } from "./run-measured";
import { writeCorpus, writeDaysNews } from "./write-corpus";

// `npm run bench -- 1000 10000 50000`: synthetic corpora, a bare Astro + Pagefind floor (one page
// an article, and as many pages as the site writes), the full site cold, after a one-article
// change and after a day's news, and the first search and page weights in Chromium.
const USAGE = "npm run bench -- SIZE… [--seed TEXT] [--keep] [--json FILE] [--work DIR]";
const { positionals, values } = readArgs(
  {
    allowPositionals: true,
    options: {
      seed: { type: "string", default: "1" },
      keep: { type: "boolean", default: false },
      json: { type: "string" },
      work: { type: "string" },
    },
  },
  USAGE,
);
const sizes = positionals.map(Number);
if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  process.stderr.write(`Give one or more corpus sizes as whole numbers, e.g. 1000 10000.\nUsage: ${USAGE}\n`);
  process.exit(2);
}

/** Pagefind over every article page of the built site in `site`, as one index in `out/pagefind`. */
async function writeOneIndex(site: string, out: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: site, glob: ARTICLE_PAGE_GLOB });
    const written = await index.writeFiles({ outputPath: join(out, "pagefind") });
    const problems = [...added.errors, ...written.errors];
    if (problems.length > 0)
      throw new Error(`Pagefind failed on the one-index comparison: ${problems.join("; ")}`);
  } finally {
    await pagefind.close();
  }
}

/** A build that failed: the bench stops, naming the size and step, and keeps its work folder. */
class BenchStepError extends Error {}

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const astro = join(projectRoot, "node_modules/astro/bin/astro.mjs");
const seed = values.seed;
const work = values.work ? resolve(values.work) : await mkdtemp(join(tmpdir(), "news-archive-bench-"));
const progress = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Every file below `dir`, with sizes. */
async function listFiles(dir: string): Promise<{ path: string; bytes: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => {
        const path = join(e.parentPath, e.name);
        return { path, bytes: (await stat(path)).size };
      }),
  );
}

/** Pages written and the size of the search index of a built site. */
async function measureOutput(
  dist: string,
): Promise<Pick<BuildRecord, "pages" | "indexBytes" | "indexFiles">> {
  const files = await listFiles(dist);
  const index = files.filter((f) => relative(dist, f.path).startsWith("pagefind/"));
  return {
    pages: files.filter((f) => f.path.endsWith(".html")).length,
    indexBytes: index.reduce((sum, f) => sum + f.bytes, 0),
    indexFiles: index.length,
  };
}

/** Runs one build, measured; a failure stops the bench with the build's last lines. */
async function build(
  articles: number,
  step: BuildStep,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  dist: string,
): Promise<BuildRecord> {
  progress(`${articles} articles: ${step} build…`);
  const output: string[] = [];
  const measured = await runMeasured(process.execPath, [astro, "build", ...args], {
    cwd,
    env: {
      ...process.env,
      // The corpus is served from nowhere; a build needs an address all the same.
      SITE_URL: process.env.SITE_URL || LOCAL_SITE_URL,
      ASTRO_TELEMETRY_DISABLED: "1",
      NO_COLOR: "1",
      FORCE_COLOR: "0",
      ...env,
    },
    onLine: (line) => output.push(line),
  });
  // The whole output beside the site, for a look at what a step did (kept with --keep or on failure).
  await writeFile(`${dist}.${step}.log`, `${output.join("\n")}\n`);
  if (measured.code !== 0) {
    throw new BenchStepError(
      `The ${step} build of ${articles} articles failed (exit ${measured.code}). Its last output:\n` +
        measured.tail.map((line) => `  ${line}`).join("\n"),
    );
  }
  const record = {
    articles,
    step,
    wallMs: measured.wallMs,
    peakRssBytes: measured.peakRssBytes,
    ...(await measureOutput(dist)),
  };
  progress(
    `${articles} articles: ${step} ${seconds(record.wallMs)}, ${Math.round(record.peakRssBytes / 1e6)} MB peak, ${record.pages} pages`,
  );
  return record;
}

const records: BenchRecords = {
  seed,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown CPU",
    memoryBytes: totalmem(),
    platform: `${platform()} ${release()}`,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  },
  builds: [],
  browser: [],
};

try {
  for (const articles of sizes) {
    const dir = join(work, String(articles));
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    progress(`${articles} articles: writing the corpus (seed ${seed})…`);
    const corpus = await writeCorpus(join(dir, "articles"), articles, seed);

    // (a) The floor: a bare Astro project, one plain page per article, Pagefind over all of them.
    const perArticle = join(dir, "floor-per-article");
    await writeFloorProject(perArticle, corpus.dir, join(projectRoot, "node_modules"));
    const perArticleBuild = await build(
      articles,
      "floor-per-article",
      ["--root", perArticle],
      perArticle,
      {},
      join(perArticle, "dist"),
    );
    records.builds.push(perArticleBuild);

    // (b) The full site, cold: no content cache (Astro's data store lives in the cache folder).
    const site = join(dir, "site");
    const cacheDir = join(dir, "site-cache");
    const urlManifest = join(dir, "urls.txt");
    await rm(cacheDir, { recursive: true, force: true });
    await writeFile(urlManifest, "");
    const env = {
      ARTICLES_DIR: relative(projectRoot, corpus.dir),
      ASTRO_CACHE_DIR: cacheDir,
      URL_MANIFEST: urlManifest,
    };
    const cold = await build(articles, "site-cold", ["--outDir", site], projectRoot, env, site);
    records.builds.push(cold);

    // (c) The floor again with as many pages as the site wrote: the article pages and a trivial
    // page for each page the site writes beyond them (its Pagefind still indexes the articles only).
    const floor = join(dir, "floor");
    const extraPages = Math.max(0, cold.pages - perArticleBuild.pages);
    await writeFloorProject(floor, corpus.dir, join(projectRoot, "node_modules"), extraPages);
    records.builds.push({
      ...(await build(articles, "floor-same-pages", ["--root", floor], floor, {}, join(floor, "dist"))),
      extraPages,
    });
    if (!values.keep) await rm(perArticle, { recursive: true, force: true });

    // (d) The same site after one article's body changed, with the cache and the output folder the
    // cold build left, as the deploy workflow keeps both: unchanged pages stay where they are.
    // (--keep keeps each build's site as a copy with the same file times, so the folder stays kept.)
    const setAside = async (name: string): Promise<void> => {
      if (values.keep) await cp(site, join(dir, name), { recursive: true, preserveTimestamps: true });
    };
    await setAside("site-cold");
    await writeFile(corpus.firstArticle, editArticle(await readFile(corpus.firstArticle, "utf8")));
    records.builds.push(await build(articles, "site-rebuild", ["--outDir", site], projectRoot, env, site));

    // (e) Then a day's news: the corpus's next articles, all dated its newest day, in the same way.
    await setAside("site-rebuild");
    await writeDaysNews(corpus.dir, articles, seed, DAYS_NEWS_ARTICLES, corpus.newestDay);
    records.builds.push({
      ...(await build(articles, "site-day", ["--outDir", site], projectRoot, env, site)),
      addedArticles: DAYS_NEWS_ARTICLES,
    });

    // One Pagefind index over the same article pages, for the bytes a search costs without parts.
    progress(`${articles} articles: one search index over the site's article pages, for comparison…`);
    const oneIndex = join(dir, "one-index");
    await writeOneIndex(site, oneIndex);

    progress(`${articles} articles: searching for "${corpus.commonWord}" and weighing pages in Chromium…`);
    const { year, month } = corpus.first.published;
    const measured = await measureInBrowser(
      site,
      corpus.commonWord,
      [
        { name: "article", path: corpus.first.path },
        { name: "home", path: "/" },
        { name: "month", path: archivePath({ year, month }) },
      ],
      { wholeIndex: oneIndex },
    );
    records.browser.push({ articles, ...measured });
    if (!values.keep) await rm(dir, { recursive: true, force: true });
  }
} catch (error) {
  // A failed build says all there is to say; anything else is a fault of the bench: show where.
  const message =
    error instanceof BenchStepError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`\n${message}\nThe work folder is kept for inspection: ${work}\n`);
  process.exit(1);
}

if (values.json) await writeFile(values.json, `${JSON.stringify(records, null, 2)}\n`);
process.stdout.write(formatBenchTable(records));
if (values.keep) progress(`work folder kept: ${work}`);
// A folder given with --work is the caller's: only the per-size folders made in it were removed.
else if (!values.work) await rm(work, { recursive: true, force: true });
