import { toRfc3339 } from "../lib/date-formats";
import { lastChanged, type ChangeDates, type WrittenDate } from "../lib/dates";
import { LABEL_KINDS, getLabels, labelSlug, type LabelledArticle } from "../lib/labels";
import { addressKey } from "../lib/articles";
import { decodePath } from "../lib/paths";
import { archivePath, homePagePath, isArticlePath, labelIndexPath, labelPath } from "../lib/urls";

/**
 * Which pages the sitemap lists, and when each last changed. Only pages made from articles are
 * listed: article pages and the lists of them (home, date archive, label pages). Search, the
 * 404 page and redirect pages for aliases are never in it.
 */

/** Search engines take at most 50,000 URLs a sitemap file; stay well below. */
export const SITEMAP_ENTRY_LIMIT = 45_000;

/** What the sitemap needs of an article. */
export interface SitemapArticle extends LabelledArticle {
  /** Root-relative URL path, without the base. */
  path: string;
  data: LabelledArticle["data"] &
    ChangeDates & {
      aliases: readonly string[];
    };
}

/** Every listable page by root-relative path, with its last change (RFC 3339), and the alias paths. */
export interface SitemapPages {
  /** An article's last change (`updated`, a correction, else `published`); a list's newest such date. */
  pages: Record<string, string | null>;
  /** Old addresses that only redirect. */
  aliases: string[];
  /**
   * Pages that other parts of a build in parts write (article and date archive pages, later pages
   * of lists included), for the part that writes the sitemap (see src/parts/build-part.ts).
   */
  elsewhere?: string[];
}

/**
 * Finds each page's last change. A list takes the newest date of all its articles, not just
 * those on one page: a new article shifts every page of its list.
 */
export function collectSitemapPages(articles: readonly SitemapArticle[], timezone: string): SitemapPages {
  const newest = new Map<string, WrittenDate | undefined>([[homePagePath(1), undefined]]);
  const touch = (path: string, date: WrittenDate) => {
    const seen = newest.get(path);
    if (!seen || date.epochMs > seen.epochMs) newest.set(path, date);
  };
  for (const article of articles) {
    const { published } = article.data;
    const changed = lastChanged(article.data);
    touch(article.path, changed);
    touch(homePagePath(1), changed);
    touch(archivePath(), changed);
    touch(archivePath({ year: published.year }), changed);
    touch(archivePath({ year: published.year, month: published.month }), changed);
    touch(archivePath({ year: published.year, month: published.month, day: published.date }), changed);
    for (const kind of LABEL_KINDS) {
      const names = getLabels(article, kind);
      if (names.length > 0) touch(labelIndexPath(kind.kind), changed);
      for (const name of names) touch(labelPath(kind.kind, labelSlug(name)), changed);
    }
  }
  return {
    pages: Object.fromEntries(
      [...newest].map(([path, date]) => [path, date ? toRfc3339(date, timezone) : null]),
    ),
    aliases: articles.flatMap((article) => article.data.aliases),
  };
}

/** The path of a built page's URL without the base: "https://x.org/archive/topics/a/2/" → "/topics/a/2/". */
export function sitePathOf(url: string, base: string): string {
  const { pathname } = new URL(url);
  const prefix = base.replace(/\/+$/, "");
  // The home page may come as "/archive" or "/archive/".
  if (prefix && pathname === prefix) return "/";
  const path = prefix && pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
  return path.endsWith("/") || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`;
}

/**
 * Answers, for a page's path, its sitemap entry, or undefined for a page that is not listed.
 * A further page of a list (`/page/2/`, `/archive/2016/06/page/2/`, `/topics/a/2/`) is listed
 * with the list's date.
 */
export function createSitemapLookup(
  sitemap: SitemapPages,
): (path: string) => { lastmod?: string } | undefined {
  // An alias is written with or without its trailing slash, percent-encoded or not; its
  // redirect page is built as a folder either way.
  const key = (path: string) => addressKey(decodePath(path));
  const aliases = new Set(sitemap.aliases.map(key));
  const pages = new Map(Object.entries(sitemap.pages));
  return (path) => {
    if (aliases.has(key(path))) return undefined;
    // "/page/2/" is page 2 of "/", "/archive/2016/06/page/2/" of "/archive/2016/06/" and
    // "/topics/a/2/" of "/topics/a/"; "/404/" is no page of "/", and an article has no pages.
    const list = /^(.*\/)page\/\d+\/$/.exec(path)?.[1] ?? /^(\/.+\/)\d+\/$/.exec(path)?.[1];
    const further = list !== undefined && !isArticlePath(list);
    for (const candidate of further ? [path, list] : [path]) {
      if (!pages.has(candidate)) continue;
      const lastmod = pages.get(candidate);
      return lastmod ? { lastmod } : {};
    }
    return undefined;
  };
}
