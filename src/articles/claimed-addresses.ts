import { readdir, readFile } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import { isArticleFile } from "./article-files";
import { addressKey } from "../lib/articles";
import { articlePath } from "../lib/urls";
import { validateArticleSource } from "./validate-article";
import { createArticleSchema } from "./schema/article";
import type { SiteConfig } from "../site.config";

/** Which article file already claims an address (as its page or an alias), if any. */
export type AddressOwner = (url: string) => string | undefined;

/**
 * The addresses that the archive's article files claim, drafts included (a draft takes
 * its address once published), read only from files that mention one of `slugs`: an
 * article can claim `/…/<slug>/` only through its file name, its `slug` or an alias, so
 * the others need no parsing and a new article is checked quickly in a large archive.
 */
export async function readAddressOwners(
  root: string,
  site: SiteConfig,
  slugs: readonly string[],
): Promise<AddressOwner> {
  const baseDir = resolve(root, site.articlesDir);
  const schema = createArticleSchema({ defaultLanguage: site.defaultLanguage, timezone: site.timezone });
  const entries = await readdir(baseDir, { recursive: true, withFileTypes: true });
  const owners = new Map<string, string>();
  for (const entry of entries) {
    const filePath = join(entry.parentPath, entry.name);
    // Only what the build reads as an article claims an address (not a file in a hidden folder).
    if (!entry.isFile() || !isArticleFile(relative(baseDir, filePath))) continue;
    const text = await readFile(filePath, "utf8");
    if (!slugs.some((slug) => basename(filePath).includes(slug) || text.includes(slug))) continue;
    const file = relative(root, filePath).split("\\").join("/");
    // A file that does not pass the rules claims nothing yet; `npm run check` reports it.
    const result = validateArticleSource(text, file, schema);
    if (!result.ok) continue;
    for (const url of [articlePath(result.article.data), ...result.article.data.aliases]) {
      if (!owners.has(addressKey(url))) owners.set(addressKey(url), file);
    }
  }
  return (url) => owners.get(addressKey(url));
}
