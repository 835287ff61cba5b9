import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";

/** Thrown when Pagefind reports any problem: a site without a working search is not published. */
export class SearchIndexError extends Error {}

function failOn(errors: readonly string[], step: string): void {
  if (errors.length > 0) {
    throw new SearchIndexError(`Pagefind failed to ${step}:\n${errors.join("\n")}`);
  }
}

/**
 * Builds the Pagefind search index from the written pages once the build is done.
 * Only elements marked `data-pagefind-body` (article pages) are indexed.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: "archive:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({});
          failOn(errors, "start");
          if (!index) throw new SearchIndexError("Pagefind did not create an index");
          const added = await index.addDirectory({ path: outDir });
          failOn(added.errors, "index the built pages");
          if (added.page_count === 0) {
            logger.warn("The search index is empty: no article pages were built.");
          }
          const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, "")}/pagefind` });
          failOn(written.errors, "write the index");
          logger.info(`Indexed ${added.page_count} article pages for search.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
