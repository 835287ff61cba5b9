import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { LoaderContext } from "astro/loaders";
import { findAliasConflicts, findUrlConflicts } from "../lib/articles";
import type { WrittenDate } from "../lib/dates";
import { findLabelConflicts, type LabelConflict, type LabelledArticle } from "../lib/labels";
import { splitArticleSource } from "../lib/frontmatter";
import type { Problem } from "../lib/problems";
import { articlePath } from "../lib/urls";
import type { validateArticleSource } from "../lib/validate-article";
import { validateArticleFile } from "./validate-file";

// Checks that need the whole stored archive, not one file: they run after the glob load
// (and, for shared URLs, on each dev-server edit).

/** The problem when `entry` would take the URL of another stored article (none when it would not). */
export function findUrlClash(
  store: LoaderContext["store"],
  entry: { id: string; data: Record<string, unknown>; filePath?: string | undefined },
  root: string,
): Problem[] {
  const path = articlePath(entry.data as StoredArticle["data"]);
  const other = store.values().find(
    (stored) =>
      stored.id !== entry.id &&
      articlePath(stored.data as StoredArticle["data"]) === path &&
      // A moved file is added before its old entry is removed: that is the same article.
      stored.filePath !== undefined &&
      existsSync(join(root, stored.filePath)),
  );
  if (!other || !entry.filePath) return [];
  const text = readFileSync(join(root, entry.filePath), "utf8");
  return [sharedUrlProblem(entry.filePath, text, path, [other.filePath ?? other.id])];
}

/**
 * The problems when an edited entry writes a label another stored article spells differently
 * (none when it does not): the dev server's edits are checked one by one, like shared URLs.
 */
export function findLabelClash(
  store: LoaderContext["store"],
  entry: { id: string; data: Record<string, unknown>; filePath?: string | undefined },
  root: string,
): Problem[] {
  if (!entry.filePath) return [];
  const others = store
    .values()
    .filter(
      (stored) =>
        stored.id !== entry.id && stored.filePath !== undefined && existsSync(join(root, stored.filePath)),
    )
    .map((stored) => toStoredArticle(stored));
  const edited = toStoredArticle({ ...entry, filePath: entry.filePath });
  const own = findLabelConflicts([...others, edited]).filter((conflict) => conflict.file === edited.file);
  return locateLabelConflicts(own, root);
}

/** The problem for `file` (whose text is `text`) sharing `path` with `others`, on its slug or date line. */
function sharedUrlProblem(file: string, text: string, path: string, others: readonly string[]): Problem {
  const split = splitArticleSource(text);
  // The slug key when the file sets one (line 1 means it does not), else the date.
  const slugLine = split.ok ? split.source.lineOf(["slug"]) : 1;
  return {
    file,
    line: slugLine > 1 || !split.ok ? slugLine : split.source.lineOf(["published"]),
    field: "slug",
    message: `${path} is also the address of ${others.join(", ")}; give one of them another slug (slug: …) or fix its published date`,
  };
}

/** What the archive-wide rules read from a stored entry. */
interface StoredArticle {
  file: string;
  path: string;
  data: {
    title: string;
    draft: boolean;
    published: WrittenDate;
    slug: string;
    aliases: string[];
  } & LabelledArticle["data"];
}

/**
 * Two articles on one URL, aliases that cannot redirect and label values that would share a
 * page with another spelling, located on the lines of the keys to change. These rules need
 * every article, so they run once all are stored.
 */
export async function findArchiveConflicts(store: LoaderContext["store"], root: string): Promise<Problem[]> {
  const articles = store.values().map(toStoredArticle);
  const found: Problem[] = [];
  const lineIn = async (file: string, path: PropertyKey[]): Promise<number> => {
    const split = splitArticleSource(await readFile(join(root, file), "utf8"));
    return split.ok ? split.source.lineOf(path) : 1;
  };
  for (const conflict of findUrlConflicts(articles)) {
    for (const file of conflict.files) {
      const others = conflict.files.filter((other) => other !== file);
      found.push(sharedUrlProblem(file, await readFile(join(root, file), "utf8"), conflict.path, others));
    }
  }
  for (const conflict of findAliasConflicts(articles)) {
    const index = articles.find((a) => a.file === conflict.file)?.data.aliases.indexOf(conflict.alias) ?? 0;
    found.push({
      file: conflict.file,
      line: await lineIn(conflict.file, ["aliases", index]),
      field: `aliases[${index}]`,
      message: `${conflict.alias} cannot redirect to this article: ${conflict.message}; remove it, or correct it to the address the article really had`,
    });
  }
  found.push(...locateLabelConflicts(findLabelConflicts(articles), root));
  return found;
}

function toStoredArticle(entry: {
  id: string;
  data: Record<string, unknown>;
  filePath?: string | undefined;
}): StoredArticle {
  const data = entry.data as StoredArticle["data"];
  return { file: entry.filePath ?? entry.id, path: articlePath(data), data };
}

/** Label conflicts as problems on the lines of the values to change. */
function locateLabelConflicts(conflicts: readonly LabelConflict[], root: string): Problem[] {
  const found: Problem[] = [];
  for (const conflict of conflicts) {
    const { field } = conflict.kind;
    const single = field === "agency";
    const split = splitArticleSource(readFileSync(join(root, conflict.file), "utf8"));
    found.push({
      file: conflict.file,
      line: split.ok ? split.source.lineOf(single ? [field] : [field, conflict.index]) : 1,
      field: single ? field : `${field}[${conflict.index}]`,
      message: conflict.message,
    });
  }
  return found;
}

/**
 * Astro keeps an unchanged article from the cache without calling parseData, so an image
 * deleted or moved since the last build would surface as Astro's bare "image not found".
 * Every stored article's images are looked for, and an article with one missing is checked
 * again in full, for the usual file:line report.
 */
export async function recheckMovedImages(
  store: LoaderContext["store"],
  root: string,
  toFile: (path: string) => string,
  schema: Parameters<typeof validateArticleSource>[2],
): Promise<Problem[]> {
  const found: Problem[] = [];
  for (const entry of store.values()) {
    if (!entry.filePath) continue;
    const filePath = join(root, entry.filePath);
    const images = (entry.data.images as { src?: unknown }[] | undefined) ?? [];
    const sources = [
      ...images.map((image) =>
        typeof image.src === "string" ? image.src.replace(IMAGE_PREFIX, "") : undefined,
      ),
      ...((entry.rendered?.metadata?.localImagePaths as string[] | undefined) ?? []),
    ];
    // Frontmatter paths are as written; Astro has already decoded the body's image paths.
    if (sources.every((src) => src === undefined || existsSync(resolve(dirname(filePath), src)))) continue;
    const result = await validateArticleFile(filePath, toFile(filePath), schema);
    // The full check is the judge: when it finds nothing, there is nothing to locate.
    if (!result.ok) found.push(...result.problems);
  }
  return found;
}

/** How Astro marks an image path in stored frontmatter data. */
const IMAGE_PREFIX = "__ASTRO_IMAGE_";
