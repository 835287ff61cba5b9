import type { WrittenDate } from "./dates";
import { LABEL_KINDS } from "./labels";
import {
  NOT_FOUND_PATH,
  ROBOTS_PATH,
  SITEMAP_INDEX_PATH,
  SITEMAP_PAGES_PATH,
  archivePath,
  articlePath,
  feedPath,
  labelIndexPath,
  pagefindPath,
  searchPath,
} from "./urls";

/** The fields the archive-wide rules read from an article. */
export interface ArticleLike {
  /** The article file, for messages. */
  file: string;
  data: { draft: boolean; published: WrittenDate; slug: string; title: string };
}

/** The one gate: whether an article may reach any page, list, feed, sitemap or index. */
export function isPublic(article: ArticleLike): boolean {
  return !article.data.draft;
}

/** Newest first by the written instant; same instant by title, then file, so the order is stable. */
export function compareNewestFirst(a: ArticleLike, b: ArticleLike): number {
  return (
    b.data.published.epochMs - a.data.published.epochMs ||
    a.data.title.localeCompare(b.data.title, "en") ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  );
}

/** Describes two or more article files that would be published at one URL. */
export interface UrlConflict {
  path: string;
  files: string[];
}

/** Groups articles by URL and returns every URL claimed by more than one file. */
export function findUrlConflicts(articles: readonly ArticleLike[]): UrlConflict[] {
  const byPath = new Map<string, string[]>();
  for (const article of articles) {
    const path = articlePath({ published: article.data.published, slug: article.data.slug });
    byPath.set(path, [...(byPath.get(path) ?? []), article.file]);
  }
  return [...byPath]
    .filter(([, files]) => files.length > 1)
    .map(([path, files]) => ({ path, files: files.sort() }));
}

/** One page of a paginated list. */
export interface Page<T> {
  items: T[];
  /** 1-based page number. */
  number: number;
  total: number;
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`page size must be a positive whole number, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    number: i + 1,
    total,
  }));
}

/** Files at the site's root that the site itself serves (contract §2 and host files). */
const RESERVED_FILES = new Set([
  NOT_FOUND_PATH,
  feedPath("rss"),
  feedPath("atom"),
  feedPath("json"),
  SITEMAP_INDEX_PATH,
  // Written during the build for the sitemap step, which then removes it.
  SITEMAP_PAGES_PATH,
  ROBOTS_PATH,
  "/favicon.svg",
  "/_redirects",
  "/_headers",
]);

/** True for an address the site's own pages or files use, which no alias may claim. */
export function isReservedAddress(path: string): boolean {
  const key = addressKey(path);
  return (
    key === "/" ||
    RESERVED_FILES.has(key) ||
    /^\/sitemap-\d+\.xml$/.test(key) ||
    RESERVED_PATH_PREFIXES.some((prefix) => `${key}/`.startsWith(prefix))
  );
}

/** The file of the site (its own, or another alias's redirect page) that `key` would have to pass through as a folder. */
function findFileOnTheWay(key: string, files: ReadonlySet<string>): string | undefined {
  const segments = key.split("/");
  for (let i = 2; i < segments.length; i++) {
    const prefix = segments.slice(0, i).join("/");
    if (files.has(prefix) || RESERVED_FILES.has(prefix) || /^\/sitemap-\d+\.xml$/.test(prefix)) return prefix;
  }
  return undefined;
}

/** Top-level folders the site's own pages use; an old URL may not claim them. */
const RESERVED_PATH_PREFIXES = [
  "/page/",
  searchPath(),
  archivePath(),
  ...LABEL_KINDS.map((kind) => labelIndexPath(kind.kind)),
  "/on-this-day/",
  pagefindPath(""),
  "/_astro/",
];

/** An alias that cannot redirect, with why. */
export interface AliasConflict {
  alias: string;
  file: string;
  message: string;
}

/** "/a/b/index.html", "/a/b" and "/a/b/" are one address to a static host. */
export function addressKey(path: string): string {
  return path.replace(/\/index\.html$/, "/").replace(/\/+$/, "") || "/";
}

/**
 * Finds aliases that would hit a page of the site (an article, the home page, a reserved
 * section) or that two articles both claim: such an old URL cannot redirect to one article.
 */
export function findAliasConflicts(
  articles: readonly { file: string; path: string; data: { aliases: readonly string[] } }[],
): AliasConflict[] {
  const pages = new Map(articles.map((a) => [addressKey(a.path), a.file]));
  // Old addresses that become files (their redirect pages): no other address can lie below one.
  const files = new Set(
    articles.flatMap((a) => a.data.aliases.filter((alias) => /\.html?$/i.test(alias)).map(addressKey)),
  );
  const claimed = new Map<string, string>();
  const conflicts: AliasConflict[] = [];
  for (const article of articles) {
    for (const alias of article.data.aliases) {
      const key = addressKey(alias);
      const page = pages.get(key);
      const other = claimed.get(key);
      const through = findFileOnTheWay(key, files);
      if (page !== undefined) {
        conflicts.push({ alias, file: article.file, message: `it is the address of the article ${page}` });
      } else if (isReservedAddress(alias)) {
        conflicts.push({ alias, file: article.file, message: "it is an address of the site's own pages" });
      } else if (through !== undefined) {
        conflicts.push({
          alias,
          file: article.file,
          message: `its page would need a folder where the site has the file ${through}`,
        });
      } else if (other !== undefined && other !== article.file) {
        conflicts.push({ alias, file: article.file, message: `${other} claims it too` });
      } else {
        claimed.set(key, article.file);
      }
    }
  }
  return conflicts;
}
