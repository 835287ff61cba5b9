import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sitemap from "@astrojs/sitemap";
import type { AstroIntegration } from "astro";
import { SITEMAP_ENTRY_LIMIT, createSitemapLookup, sitePathOf, type SitemapPages } from "./sitemap";
import { SITEMAP_INDEX_PATH, SITEMAP_PAGES_PATH, absoluteUrl } from "../lib/urls";

/** Thrown when the sitemap cannot be made: a site without one is not published. */
export class SitemapError extends Error {}

/**
 * The sitemap: @astrojs/sitemap, listing only article pages and lists of them, each with the
 * date it last changed. The dates come from the build's own data (src/pages/sitemap-pages.json.ts),
 * read here before the sitemap is written and then removed. The build fails when the
 * sitemap is missing, as @astrojs/sitemap only logs its own errors.
 */
export function sitemapIntegrations(base: string, site: string): AstroIntegration[] {
  // Pages written by other parts of a build in parts; @astrojs/sitemap reads its options when it runs.
  const customPages: string[] = [];
  let lookup: ((path: string) => { lastmod?: string } | undefined) | undefined;
  const find = (url: string) => {
    if (!lookup)
      throw new SitemapError("the sitemap's page list was not read before the sitemap was written");
    return lookup(sitePathOf(url, base));
  };
  return [
    {
      name: "archive:sitemap-pages",
      hooks: {
        "astro:build:done": async ({ dir }) => {
          const file = join(fileURLToPath(dir), SITEMAP_PAGES_PATH);
          try {
            const pages = JSON.parse(await readFile(file, "utf8")) as SitemapPages;
            lookup = createSitemapLookup(pages);
            // One at a time: the pages of a large archive's other parts overflow the call stack as arguments.
            for (const path of pages.elsewhere ?? []) customPages.push(absoluteUrl(path, site, base));
          } catch (error) {
            throw new SitemapError(`could not read the sitemap's page list ${file}`, { cause: error });
          }
          await rm(file);
        },
      },
    },
    sitemap({
      entryLimit: SITEMAP_ENTRY_LIMIT,
      customPages,
      filter: (url) => find(url) !== undefined,
      serialize: (item) => ({ ...item, ...find(item.url) }),
    }),
    {
      name: "archive:sitemap-check",
      hooks: {
        "astro:build:done": ({ dir }) => {
          if (!existsSync(join(fileURLToPath(dir), SITEMAP_INDEX_PATH))) {
            throw new SitemapError(
              `the sitemap was not written (${SITEMAP_INDEX_PATH}); see the errors above`,
            );
          }
        },
      },
    },
  ];
}
