import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { listFiles as listOutputFiles } from "../../src/build/output-files";
import { SEARCH_INDEXES_FILE, type SearchIndexList } from "../../src/parts/build-part";

/** The project folder. */
export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
/** The small fixture archive that build and browser tests build. */
export const fixtureArticlesDir = join(projectRoot, "tests/fixtures/site/articles");
/** The fixture archive's entity registry, beside its articles as the build expects it. */
export const fixtureEntitiesDir = join(projectRoot, "tests/fixtures/site/entities");

/** Copies the fixture archive, articles to `articles` and its registry beside them, for a test that changes it. */
export async function copyFixtureArchive(articles: string): Promise<void> {
  await cp(fixtureArticlesDir, articles, { recursive: true });
  await cp(fixtureEntitiesDir, join(dirname(articles), "entities"), { recursive: true });
}

/** The fixture archive of the search tests, whose expected result sets are known exactly. */
export const searchFixtureArticlesDir = join(projectRoot, "tests/fixtures/search/articles");

/** What Vitest adds to the environment of the tests: its own flags and Vite's `import.meta.env` values. */
const TEST_RUNNER_VARIABLES = [
  "VITEST",
  "VITEST_MODE",
  "VITEST_POOL_ID",
  "VITEST_WORKER_ID",
  "TEST",
  "NODE_ENV",
  "FORCE_TTY",
  "BASE_URL",
  "MODE",
  "DEV",
  "PROD",
  "SSR",
];

/**
 * The environment for a build or command a test runs: the tests' own, without what Vitest added,
 * as from the shell that started the tests. Astro writes environment variables into the site's
 * code (DEV=1 and PROD= would turn its production checks off), so a build that inherited them would
 * not be the site a reader gets.
 */
export function shellEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of TEST_RUNNER_VARIABLES) delete env[name];
  return { ...env, ...extra };
}

/** Where the fixture site says it is edited: its article pages link to their files there. */
export const FIXTURE_REPOSITORY = {
  REPOSITORY_URL: "https://github.com/newsroom/archive",
  REPOSITORY_BRANCH: "main",
};

export interface BuildOptions {
  /** Article folder, absolute or relative to the project. */
  articlesDir: string;
  outDir: string;
  base?: string;
  pageSize?: number;
  siteUrl?: string;
  /** The content cache to use; a fresh one when left out. */
  cacheDir?: string;
  /** The URL manifest the build checks and updates; a fresh (empty) one when left out, never the project's own. */
  urlManifest?: string;
  /** The part of the site to build (ARCHIVE_YEARS: "1996-2005", "none"); the whole site when left out. */
  archiveYears?: string;
  /** More environment variables for the build. */
  env?: Record<string, string>;
}

export interface BuildResult {
  code: number | null;
  output: string;
}

/** Runs `astro build` on the real project with another article folder and output folder. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const cacheDir = options.cacheDir ?? (await mkdtemp(join(tmpdir(), "archive-cache-")));
  const urlManifest = options.urlManifest ?? join(await mkdtemp(join(tmpdir(), "archive-urls-")), "urls.txt");
  const env = shellEnvironment({
    ARTICLES_DIR: relative(projectRoot, resolve(projectRoot, options.articlesDir)) || ".",
    BASE_PATH: options.base ?? "/",
    PAGE_SIZE: String(options.pageSize ?? 10),
    SITE_URL: options.siteUrl ?? "https://archive.example.org",
    ASTRO_CACHE_DIR: cacheDir,
    URL_MANIFEST: urlManifest,
    ARCHIVE_YEARS: options.archiveYears ?? "",
    ASTRO_TELEMETRY_DISABLED: "1",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    ...options.env,
  });
  const astro = join(projectRoot, "node_modules/astro/bin/astro.mjs");
  return runProcess(process.execPath, [astro, "build", "--outDir", options.outDir], {
    cwd: projectRoot,
    env,
  });
}

/** Runs a program to its end, with its output and errors as one text, in the order written. */
export function runProcess(
  command: string,
  args: readonly string[],
  { cwd, env }: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Builds into a fresh temporary folder and fails loudly when the build does. */
export async function buildFixtureSite(
  options: Omit<BuildOptions, "outDir" | "articlesDir"> & { articlesDir?: string },
) {
  const outDir = await mkdtemp(join(tmpdir(), "archive-dist-"));
  const result = await buildSite({ articlesDir: fixtureArticlesDir, ...options, outDir });
  if (result.code !== 0) {
    throw new Error(`The fixture site did not build (exit ${result.code}):\n${result.output}`);
  }
  return outDir;
}

/** Every file below `dir`, as paths relative to it with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  return Promise.resolve(listOutputFiles(dir));
}

/** The files that differ between two sites, and those that only one has. */
export async function siteDifferences(a: string, b: string): Promise<string[]> {
  const [filesA, filesB] = await Promise.all([listFiles(a), listFiles(b)]);
  const onlyOne = [
    ...filesA.filter((f) => !filesB.includes(f)),
    ...filesB.filter((f) => !filesA.includes(f)),
  ];
  const differing = [];
  for (const file of filesA.filter((f) => filesB.includes(f))) {
    const [x, y] = await Promise.all([readFile(join(a, file)), readFile(join(b, file))]);
    if (!x.equals(y)) differing.push(file);
  }
  return [...onlyOne, ...differing].sort();
}

/** One page record of the Pagefind index: the URL and the text it holds. */
export interface IndexedPage {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
  language?: string;
}

/**
 * Reads every page record Pagefind wrote (its fragments are gzip with a `pagefind_dcd` signature)
 * in the index folder `bundle` of the site (a part's `pagefind/2016-2019`), or, when left out, in
 * every part the site's index list names.
 */
export async function readSearchIndex(outDir: string, bundle?: string): Promise<IndexedPage[]> {
  if (bundle === undefined) {
    const pages = await Promise.all(
      (await readSearchIndexList(outDir)).indexes.map((index) =>
        readSearchIndex(outDir, index.path.slice(1)),
      ),
    );
    return pages.flat();
  }
  const dir = join(outDir, bundle, "fragment");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".pf_fragment"));
  return Promise.all(
    files.map(async (file) => {
      const raw = gunzipSync(await readFile(join(dir, file))).toString("utf8");
      const json = raw.slice(raw.indexOf("{"));
      return JSON.parse(json) as IndexedPage;
    }),
  );
}

/** The site's list of search index parts, `pagefind/indexes.json`. */
export async function readSearchIndexList(outDir: string): Promise<SearchIndexList> {
  return JSON.parse(await readFile(join(outDir, SEARCH_INDEXES_FILE), "utf8")) as SearchIndexList;
}
