import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { LoaderContext } from "astro/loaders";
import { findLabelProblems, sharedUrlProblem, type ArchiveArticle } from "./archive-rules";
import { splitArticleSource } from "./frontmatter";
import { BODY_FACTS_KEY, type BodyFacts } from "./markdown";
import type { Problem } from "../lib/problems";
import { articlePath } from "../lib/urls";
import type { validateArticleSource } from "./validate-article";
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
  return [
    sharedUrlProblem(entry.filePath, fileLines(join(root, entry.filePath)), path, [
      other.filePath ?? other.id,
    ]),
  ];
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
  const others = storedArticles(store, root).filter(
    (stored) => stored.file !== entry.filePath && existsSync(join(root, stored.file)),
  );
  const data = entry.data as StoredArticle["data"];
  const edited = {
    file: entry.filePath,
    path: articlePath(data),
    data,
    lineOf: fileLines(join(root, entry.filePath)),
  };
  return findLabelProblems([...others, edited]).filter((problem) => problem.file === edited.file);
}

/** What the archive-wide rules read from a stored entry. */
type StoredArticle = Omit<ArchiveArticle, "lineOf">;

/** The frontmatter lines of a file, read only when a rule has something to report. */
function fileLines(filePath: string): ArchiveArticle["lineOf"] {
  return (path) => {
    const split = splitArticleSource(readFileSync(filePath, "utf8"));
    return split.ok ? split.source.lineOf(path) : 1;
  };
}

/** The stored (public, valid) articles in the form the archive-wide rules read. */
export function storedArticles(store: LoaderContext["store"], root: string): ArchiveArticle[] {
  return store.values().map((entry) => {
    const data = entry.data as StoredArticle["data"];
    const file = entry.filePath ?? entry.id;
    return { file, path: articlePath(data), data, lineOf: fileLines(join(root, file)) };
  });
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
      ...((entry.data[BODY_FACTS_KEY] as BodyFacts | undefined)?.images ?? []),
    ];
    // Frontmatter paths are as written; the body's image paths are kept decoded, as Astro resolves them.
    if (sources.every((src) => src === undefined || existsSync(resolve(dirname(filePath), src)))) continue;
    const result = await validateArticleFile(filePath, toFile(filePath), schema);
    // The full check is the judge: when it finds nothing, there is nothing to locate.
    if (!result.ok) found.push(...result.problems);
  }
  return found;
}

/** How Astro marks an image path in stored frontmatter data. */
const IMAGE_PREFIX = "__ASTRO_IMAGE_";
