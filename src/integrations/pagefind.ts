import { glob, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import {
  SEARCH_INDEXES_FILE,
  WHOLE_SITE,
  buildsSearchIndex,
  searchIndexDir,
  searchIndexEntry,
  type BuildPart,
  type SearchIndexList,
} from "../lib/build-part";
import { searchIndexHash } from "../lib/search-index-hash";
import { ARTICLE_PAGE_GLOB, isArticlePath } from "../lib/urls";

/** Thrown when Pagefind reports any problem: a site without a working search is not published. */
export class SearchIndexError extends Error {}

/** The part of Pagefind's Node API the archive uses. */
export type PagefindApi = Pick<typeof pagefind, "createIndex" | "close">;

function failOn(errors: readonly string[], step: string): void {
  if (errors.length > 0) {
    throw new SearchIndexError(`Pagefind failed to ${step}:\n${errors.join("\n")}`);
  }
}

/**
 * Indexes the article pages of the built site in `outDir` into `outDir/pagefind` (a part's
 * folder below it when the site is built in parts, see src/lib/build-part.ts) and
 * checks that exactly `articlePages` pages went in, of `offeredPages` files at article
 * addresses (redirect pages left at an article's old address are offered but not indexed).
 * Returns the number of pages indexed. Any Pagefind error is thrown, never logged.
 */
export async function writeSearchIndex(
  api: PagefindApi,
  outDir: string,
  articlePages: number,
  offeredPages: number = articlePages,
  part: BuildPart = WHOLE_SITE,
): Promise<number> {
  const stopped = whenPagefindStops();
  try {
    return await Promise.race([indexPages(api, outDir, articlePages, offeredPages, part), stopped.promise]);
  } finally {
    stopped.cancel();
    await api.close();
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

async function indexPages(
  api: PagefindApi,
  outDir: string,
  articlePages: number,
  offeredPages: number,
  part: BuildPart,
): Promise<number> {
  const { index, errors } = await api.createIndex({});
  failOn(errors, "start");
  if (!index) throw new SearchIndexError("Pagefind did not create an index");
  // Only article pages are offered, so an archive with none gets an empty index, not its home page.
  const added = await index.addDirectory({ path: outDir, glob: ARTICLE_PAGE_GLOB });
  failOn(added.errors, "index the built pages");
  const bundle = join(outDir, searchIndexDir(part));
  failOn((await index.writeFiles({ outputPath: bundle })).errors, "write the index");
  const entryText = await readFile(join(bundle, "pagefind-entry.json"), "utf8");
  const entry = JSON.parse(entryText) as {
    languages: Record<string, { page_count: number }>;
  };
  const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  if (added.page_count !== offeredPages || indexed !== articlePages) {
    throw new SearchIndexError(
      `The search index holds ${indexed} of the ${articlePages} article pages the build wrote ` +
        `(${added.page_count} files offered); ` +
        "every article page must mark its text with data-pagefind-body",
    );
  }
  // The search page loads the indexes this list names; a part's index is listed by `npm run merge`.
  if (part.kind === "whole") {
    const list: SearchIndexList = {
      indexes: [searchIndexEntry(part, entry.languages, { hash: searchIndexHash(entryText) })],
    };
    await writeFile(join(outDir, SEARCH_INDEXES_FILE), JSON.stringify(list));
  }
  return indexed;
}

/**
 * Builds the Pagefind search index from the written pages once the build is done. Pagefind works
 * in a process of its own, so the index is started by `start` and waited for by `finish`: the
 * integrations placed between them (the sitemap, the page checks) run while Pagefind reads the
 * pages. Any failure of Pagefind fails the build at `finish`, before the integrations after it.
 */
export function pagefindIntegrations(
  part: BuildPart = WHOLE_SITE,
  api: PagefindApi = pagefind,
): {
  start: AstroIntegration;
  finish: AstroIntegration;
} {
  let indexing: Promise<number> | undefined;
  return {
    start: {
      name: "archive:pagefind",
      hooks: {
        "astro:build:done": async ({ dir, pages }) => {
          if (!buildsSearchIndex(part)) return;
          const articlePages = pages.filter((page) => isArticlePath(page.pathname)).length;
          const outDir = fileURLToPath(dir);
          // A redirect page at an article's old address ("2015/01/01/old-slug/index.html") is a file of the same shape.
          const offered = (await Array.fromAsync(glob(ARTICLE_PAGE_GLOB, { cwd: outDir }))).length;
          indexing = writeSearchIndex(api, outDir, articlePages, offered, part);
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
          const indexed = await indexing;
          logger.info(`Indexed ${indexed} article pages for search.`);
        },
      },
    },
  };
}
