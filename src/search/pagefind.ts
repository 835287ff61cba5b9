import { existsSync, globSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import {
  SEARCH_INDEX_ROOT,
  WHOLE_SITE,
  buildsSearchIndex,
  entryHash,
  searchIndexListFile,
  type BuildPart,
  type SearchIndexEntry,
  type SearchIndexList,
} from "../parts/build-part";
import {
  DEFAULT_PART_PAGES,
  partHoldsDay,
  partitionSearchIndex,
  partPageGlob,
  type SearchPart,
} from "./parts";
import { ARTICLE_PAGE_GLOB, isArticlePath } from "../lib/urls";
import { readPageStamps, recordTime } from "../build/incremental-pages";
import { searchIndexEntry } from "./indexes";
import { ProcessPool } from "./pagefind-pool";
import { PageDigests, SearchIndexCache, partKey } from "./index-cache";
import { writeIndexWords } from "./index-words";

/** Thrown when Pagefind reports any problem: a site without a working search is not published. */
export class SearchIndexError extends Error {}

/** The part of Pagefind's Node API the archive uses: one Pagefind process, one request at a time. */
export type PagefindApi = Pick<typeof pagefind, "createIndex" | "close">;

/**
 * `count` instances of Pagefind's Node API, each with a process of its own. The API keeps one
 * process per module instance and that process answers one request after another, so parts are
 * indexed side by side only by processes of their own: the module is loaded again under another
 * address for each.
 */
export async function pagefindProcesses(count: number): Promise<PagefindApi[]> {
  const url = import.meta.resolve("pagefind");
  const apis: PagefindApi[] = [pagefind];
  for (let i = 1; i < count; i++) {
    apis.push((await import(/* @vite-ignore */ `${url}?process=${i}`)) as PagefindApi);
  }
  return apis;
}

// One process per core: a part's pages are read on several threads, but its index is written on
// one. Loaded with the site's configuration, while modules can still be loaded (not in a hook).
const PAGEFIND_PROCESSES = await pagefindProcesses(availableParallelism());

function failOn(errors: readonly string[], step: string): void {
  if (errors.length > 0) {
    throw new SearchIndexError(`Pagefind failed to ${step}:\n${errors.join("\n")}`);
  }
}

/** Where a build's parts go and how they are made. */
export interface SearchIndexOptions {
  /** The most article pages one part holds (see src/search/parts.ts). */
  maxPages?: number;
  /** The part of the site the build writes: a build of some years indexes only theirs. */
  part?: BuildPart;
  /** Where the parts' indexes are kept between builds; none kept when left out. */
  cacheDir?: string | undefined;
  /** What the build knows of its pages' digests without reading them (see PageDigests). */
  digests?: PageDigests | undefined;
  /** Told, part by part, whether it was indexed or copied unchanged from the cache. */
  log?: (line: string) => void;
}

/** What a build's search index holds. */
export interface SearchIndexReport {
  /** Article pages indexed, in all parts. */
  pages: number;
  /** The parts, newest first, as the index list names them. */
  indexes: SearchIndexEntry[];
  /** Names of the parts Pagefind indexed in this build; the others were copied from the cache. */
  indexed: string[];
}

/** Pagefind's settings for every part; part of each part's cache key. */
const PAGEFIND_CONFIG = {};

/** Pagefind's own size of an index chunk (in word locations), which it fits to a single index. */
const PAGEFIND_CHUNK_SIZE = 20_000;
/** The chunk size of an index in parts (docs/search.md, docs/benchmarks.md). */
const PART_CHUNK_SIZE = 5_000;

/**
 * The chunk size of the parts of an index. A search loads, in every part it asks, the chunk that
 * holds its word, and Pagefind fills a chunk with other words up to its size, fitted to one index:
 * the parts of an index in parts get smaller chunks (smaller still, the list of chunks in each
 * part's metadata outgrows what they save). A whole build of one part keeps Pagefind's size. The
 * same size for every build of some years and every whole build of several parts keeps a part's
 * files, and key, the same in both. Pagefind reads it from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE.
 */
export function chunkSizeFor(parts: number, part: BuildPart = WHOLE_SITE): number {
  return part.kind === "whole" && parts <= 1 ? PAGEFIND_CHUNK_SIZE : PART_CHUNK_SIZE;
}

/**
 * Indexes the article pages of the built site in `outDir`, part by part (src/search/parts.ts),
 * into `outDir/pagefind/<part>/`. Each Pagefind process in `apis` indexes one part at a time and is
 * closed after each, and the processes together hold at most `maxPages` pages at once (a larger
 * part alone), so Pagefind's memory follows the largest part, not the archive. A part whose pages
 * Pagefind would read exactly as the last build's is not indexed again: it stays where it is in an
 * output folder kept from that build, or is copied from the cache. `articleDays`
 * are the days of the article pages the build wrote; each part must hold exactly its pages, of the
 * files at article addresses found in it (redirect pages left at an article's old address are
 * offered but not indexed). Any Pagefind error is thrown, never logged.
 */
export async function writeSearchIndex(
  apis: PagefindApi | readonly PagefindApi[],
  outDir: string,
  articleDays: readonly string[],
  options: SearchIndexOptions = {},
): Promise<SearchIndexReport> {
  const processes = Array.isArray(apis) ? [...(apis as readonly PagefindApi[])] : [apis as PagefindApi];
  const stopped = whenPagefindStops();
  try {
    return await Promise.race([indexParts(processes, outDir, articleDays, options), stopped.promise]);
  } finally {
    stopped.cancel();
    await Promise.all(processes.map((api) => api.close()));
  }
}

/**
 * Pagefind's Node API never answers a call its process did not finish: when the kernel kills that
 * process (out of memory, say), the build would wait on nothing, and Node, with nothing left to
 * do, would exit with status 0 and a site without its search index. Node says when that happens
 * ("beforeExit" while this waits), and the build then fails.
 */
function whenPagefindStops(): { promise: Promise<never>; cancel: () => void } {
  let onBeforeExit = (): void => {};
  const promise = new Promise<never>((_, reject) => {
    onBeforeExit = () =>
      reject(
        new SearchIndexError(
          "Pagefind's process ended before it finished the search index, without an error of its own: " +
            "it was most likely killed, for example by the system for lack of memory",
        ),
      );
  });
  process.once("beforeExit", onBeforeExit);
  return { promise, cancel: () => process.off("beforeExit", onBeforeExit) };
}

/** The day of a file at an article address ("2024/03/05/slug/index.html" gives "2024-03-05"). */
function dayOf(file: string): string {
  return file.slice(0, 10).replaceAll("/", "-");
}

/** An empty archive still gets an index, so that the search page can say it holds nothing. */
const EMPTY_ARCHIVE: SearchPart = { name: "all", from: "0001-01-01", to: "9999-12-31", pages: 0 };

/** Pagefind's processes read the chunk size from their environment when they start. */
const CHUNK_SIZE_VARIABLE = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";

async function indexParts(
  apis: readonly PagefindApi[],
  outDir: string,
  articleDays: readonly string[],
  options: SearchIndexOptions,
): Promise<SearchIndexReport> {
  const { part = WHOLE_SITE, log = () => {} } = options;
  const maxPages = options.maxPages ?? DEFAULT_PART_PAGES;
  const years = part.kind === "years" ? { from: part.from, to: part.to } : undefined;
  const parts = partitionSearchIndex(articleDays, maxPages, years);
  const root = join(outDir, SEARCH_INDEX_ROOT);
  const listFile = join(outDir, searchIndexListFile(part));
  // What a kept output folder (src/build/kept-output.ts) holds of the last build's index.
  const inPlace =
    options.cacheDir === undefined ? new Map<string, string>() : await partsInPlace(outDir, listFile);
  if (parts.length === 0) {
    // A range of years without articles adds no part to the merged site's list.
    if (part.kind === "years") {
      await removeAllBut(root, new Set());
      await mkdir(root, { recursive: true });
      await writeFile(listFile, JSON.stringify({ indexes: [] }));
      return { pages: 0, indexes: [], indexed: [] };
    }
    parts.push(EMPTY_ARCHIVE);
  }
  // Node's synchronous glob is much faster than its asynchronous one over a large site.
  const offered = globSync(ARTICLE_PAGE_GLOB, { cwd: outDir }).map((f) => f.split("\\").join("/"));
  const cache = options.cacheDir === undefined ? undefined : new SearchIndexCache(options.cacheDir);
  // The last build's parts that are parts of this build too stay for now (one whose key changed is
  // replaced below); anything else in the folder goes.
  await removeAllBut(root, new Set([...inPlace.keys()].filter((name) => parts.some((p) => p.name === name))));
  // With nothing kept, no part can be reused: each is indexed without waiting for its key.
  const mayRestore = cache !== undefined && (inPlace.size > 0 || (await cache.holdsAny()));
  const chunkSize = chunkSizeFor(parts.length, part);
  // The files grouped by day once, so that each part takes its days' files, not a pass over them all.
  const filesByDay = Map.groupBy(offered, dayOf);
  const filesOf = parts.map((searchPart) =>
    [...filesByDay].flatMap(([day, files]) => (partHoldsDay(searchPart, day) ? files : [])),
  );
  // The keys are made one after another in the background, while Pagefind's processes work.
  const settings = { ...PAGEFIND_CONFIG, chunkSize };
  const keys: Promise<string | undefined>[] = [];
  for (const [i, files] of filesOf.entries()) {
    const before = keys[i - 1] ?? Promise.resolve(undefined);
    keys.push(before.then(() => cache && partKey(outDir, files, settings, options.digests)));
  }
  for (const key of keys) key.catch(() => {});
  const pool = new ProcessPool(apis, maxPages);
  const before = process.env[CHUNK_SIZE_VARIABLE];
  process.env[CHUNK_SIZE_VARIABLE] = String(chunkSize);
  let failed = false;
  const onePart = async (
    searchPart: SearchPart,
    i: number,
  ): Promise<{ entry: SearchIndexEntry; indexed: boolean }> => {
    const files = filesOf[i]!;
    const bundle = join(root, searchPart.name);
    const key = mayRestore ? await keys[i] : undefined;
    let languages: Record<string, { page_count: number }>;
    let indexed = false;
    if (key !== undefined && inPlace.get(searchPart.name) === entryHash(key)) {
      languages = await readLanguages(bundle);
      await cache!.keep(key, bundle);
      log(`Search index ${searchPart.name}: ${plural(searchPart.pages)}, unchanged (left in place).`);
    } else if (key !== undefined && (await cache!.restore(key, bundle))) {
      languages = await readLanguages(bundle);
      log(`Search index ${searchPart.name}: ${plural(searchPart.pages)}, unchanged (copied from the cache).`);
    } else {
      await rm(bundle, { recursive: true, force: true });
      languages = await pool.run(searchPart.pages, async (api) => {
        if (failed) throw new SearchIndexError("Stopped: another part of the search index failed");
        const started = performance.now();
        const written = await indexPart(api, outDir, searchPart, files.length, bundle);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        log(`Search index ${searchPart.name}: ${plural(searchPart.pages)}, indexed in ${seconds} s.`);
        return written;
      });
      indexed = true;
    }
    const held = Object.values(languages).reduce((sum, language) => sum + language.page_count, 0);
    if (held !== searchPart.pages) {
      throw new SearchIndexError(
        `The search index ${searchPart.name} holds ${held} of the ${searchPart.pages} article pages the build wrote ` +
          `(${files.length} files offered); every article page must mark its text with data-pagefind-body`,
      );
    }
    const kept = await keys[i];
    if (indexed && kept !== undefined) await cache!.store(kept, bundle);
    return { entry: searchIndexEntry(searchPart, languages, kept), indexed };
  };
  let written: { entry: SearchIndexEntry; indexed: boolean }[];
  try {
    let firstError: unknown;
    const work = parts.map((searchPart, i) =>
      onePart(searchPart, i).catch(async (error: unknown) => {
        if (failed) return undefined;
        // The other parts stop at once: their processes are closed, and no part waiting starts.
        failed = true;
        firstError = error;
        await Promise.all(apis.map((api) => api.close()));
        return undefined;
      }),
    );
    // Every part has stopped before the build goes on: none is left writing to the cache.
    const done = await Promise.all(work);
    if (failed) throw firstError;
    written = done.map((entry) => entry!);
  } finally {
    if (before === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
    else process.env[CHUNK_SIZE_VARIABLE] = before;
  }
  await cache?.prune();
  await options.digests?.save();
  // Article pages load Pagefind's highlighter from the index's root folder, whatever the parts.
  await copyFile(join(root, parts[0]!.name, "pagefind-highlight.js"), join(root, "pagefind-highlight.js"));
  const indexes = written.map(({ entry }) => entry);
  const list: SearchIndexList = { indexes };
  await writeFile(listFile, JSON.stringify(list));
  const indexed = parts.filter((_, i) => written[i]!.indexed).map((searchPart) => searchPart.name);
  return { pages: articleDays.length, indexes, indexed };
}

/**
 * The parts the list in `listFile` names, by folder, with their hashes: those the last build
 * wrote into `outDir`, when it was kept. A part whose folder lost its entry file counts as absent.
 */
async function partsInPlace(outDir: string, listFile: string): Promise<Map<string, string>> {
  let list: SearchIndexList;
  try {
    list = JSON.parse(await readFile(listFile, "utf8")) as SearchIndexList;
  } catch {
    return new Map();
  }
  const parts = new Map<string, string>();
  for (const { path, hash } of list.indexes) {
    // "/pagefind/2016-2019/" is the part 2016-2019.
    const name = path.split("/").at(-2)!;
    if (hash !== undefined && existsSync(join(outDir, path, "pagefind-entry.json"))) parts.set(name, hash);
  }
  return parts;
}

/** Removes everything in `dir` but the entries named in `kept`. */
async function removeAllBut(dir: string, kept: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => !kept.has(name))
      .map((name) => rm(join(dir, name), { recursive: true, force: true })),
  );
}

const plural = (n: number): string => `${n} article page${n === 1 ? "" : "s"}`;

async function readLanguages(bundle: string): Promise<Record<string, { page_count: number }>> {
  const entry = JSON.parse(await readFile(join(bundle, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return entry.languages;
}

/** One part through Pagefind: its own index, written, then deleted and Pagefind's process closed. */
async function indexPart(
  api: PagefindApi,
  outDir: string,
  searchPart: SearchPart,
  offered: number,
  bundle: string,
): Promise<Record<string, { page_count: number }>> {
  const { index, errors } = await api.createIndex(PAGEFIND_CONFIG);
  failOn(errors, "start");
  if (!index) throw new SearchIndexError("Pagefind did not create an index");
  try {
    // Only article pages are offered, so an archive with none gets an empty index, not its home page.
    const added = await index.addDirectory({
      path: outDir,
      glob: searchPart === EMPTY_ARCHIVE ? ARTICLE_PAGE_GLOB : partPageGlob(searchPart),
    });
    failOn(added.errors, "index the built pages");
    failOn((await index.writeFiles({ outputPath: bundle })).errors, "write the index");
    await writeIndexWords(bundle);
    if (added.page_count !== offered) {
      throw new SearchIndexError(
        `Pagefind read ${added.page_count} files for the search index ${searchPart.name}, of the ${offered} files at its article addresses`,
      );
    }
    return await readLanguages(bundle);
  } finally {
    await index.deleteIndex();
    // A new process for the next part: the memory of this one is given back whatever Pagefind keeps.
    await api.close();
  }
}

/**
 * Builds the Pagefind search index from the written pages once the build is done. Pagefind works
 * in a process of its own, so the index is started by `start` and waited for by `finish`: the
 * integrations placed between them (the sitemap, the page checks) run while Pagefind reads the
 * pages. Any failure of Pagefind fails the build at `finish`, before the integrations after it.
 */
export function pagefindIntegrations(
  part: BuildPart = WHOLE_SITE,
  maxPages: number = DEFAULT_PART_PAGES,
  apis?: readonly PagefindApi[],
): {
  start: AstroIntegration;
  finish: AstroIntegration;
} {
  let indexing: Promise<SearchIndexReport> | undefined;
  let cacheDir: string | undefined;
  let stampsDir: string | undefined;
  let recordedBefore: number | undefined;
  return {
    start: {
      name: "archive:pagefind",
      hooks: {
        "astro:config:done": ({ config }) => {
          cacheDir = join(fileURLToPath(config.cacheDir), "search-index");
          if (config.experimental.incrementalBuild) stampsDir = fileURLToPath(config.cacheDir);
        },
        "astro:build:start": async () => {
          if (stampsDir) recordedBefore = await recordTime(stampsDir);
        },
        "astro:build:done": async ({ dir, pages, logger }) => {
          if (!buildsSearchIndex(part)) return;
          const articleDays = pages
            .filter((page) => isArticlePath(page.pathname))
            .map((page) => page.pathname.replace(/^\//, "").slice(0, 10).replaceAll("/", "-"));
          // Astro's record is read while the next integrations run, as the pages are.
          const digests = stampsDir
            ? new PageDigests(stampsDir, readPageStamps(stampsDir, recordedBefore))
            : undefined;
          indexing = writeSearchIndex(apis ?? PAGEFIND_PROCESSES, fileURLToPath(dir), articleDays, {
            part,
            maxPages,
            cacheDir,
            digests,
            log: (line) => logger.info(line),
          });
          // Kept for `finish`, which reports it; until then a failure is not an unhandled rejection.
          indexing.catch(() => {});
        },
      },
    },
    finish: {
      name: "archive:pagefind-written",
      hooks: {
        "astro:build:done": async ({ logger }) => {
          if (!indexing) return;
          const { pages, indexes, indexed } = await indexing;
          logger.info(
            `Indexed ${pages} article pages for search in ${indexes.length} part${indexes.length === 1 ? "" : "s"} ` +
              `(${indexed.length} indexed, ${indexes.length - indexed.length} unchanged).`,
          );
        },
      },
    },
  };
}
