/**
 * Every URL of the site comes from here. Path builders return root-relative paths
 * without the base; `withBase` adds the deploy path and `absoluteUrl` the origin.
 */

/** What the article URL is made of: its written publication day and its slug. */
export interface ArticleUrlParts {
  published: { year: number; month: number; date: number };
  slug: string;
}

/** "06" for 6: months and days in URLs have two digits. */
export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** `/YYYY/MM/DD/<slug>/`, the day as written in `published`. */
export function articlePath({ published, slug }: ArticleUrlParts): string {
  return `/${published.year}/${pad2(published.month)}/${pad2(published.date)}/${slug}/`;
}

/** `/` for the first page of the home list, `/page/N/` after it. */
export function homePagePath(page: number): string {
  return page <= 1 ? "/" : `/page/${page}/`;
}

/** `/search/`, with the query in the query string when there is one. */
export function searchPath(query?: string): string {
  return query ? `/search/?${new URLSearchParams({ q: query }).toString()}` : "/search/";
}

/** Prefixes a root-relative path with the deploy base ("/" or "/sub-path"). */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const trimmed = base.replace(/\/+$/, "");
  if (!path.startsWith("/")) throw new Error(`withBase expects a root-relative path, got "${path}"`);
  return `${trimmed}${path}`;
}

/** The absolute URL of a root-relative path, for canonical links and citations. */
export function absoluteUrl(path: string, site: string, base: string = import.meta.env.BASE_URL): string {
  return new URL(withBase(path, base), site).href;
}

/** True for the path of an article page ("2016/06/14/slug/" or "/2016/06/14/slug/"), as Astro lists built pages. */
export function isArticlePath(pathname: string): boolean {
  return /^\/?\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/?$/.test(pathname);
}

/** The built files of article pages, relative to the output folder, as a glob. */
export const ARTICLE_PAGE_GLOB = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html";

/** The kinds of label an article can be listed under, by the folder of their pages. */
export type LabelKind =
  "sections" | "topics" | "authors" | "agencies" | "places" | "people" | "organizations";

/** `/topics/`, `/authors/` …: the index of every value of one kind. */
export function labelIndexPath(kind: LabelKind): string {
  return `/${kind}/`;
}

/** `/topics/<slug>/`, then `/topics/<slug>/2/` …: the articles under one value, newest first. */
export function labelPath(kind: LabelKind, slug: string, page = 1): string {
  return page <= 1 ? `/${kind}/${slug}/` : `/${kind}/${slug}/${page}/`;
}

/** A period of the date archive: the whole archive, a year, a month or a day. */
export interface ArchivePeriod {
  year?: number;
  month?: number;
  day?: number;
}

/** `/archive/`, `/archive/YYYY/`, `/archive/YYYY/MM/` or `/archive/YYYY/MM/DD/`. */
export function archivePath({ year, month, day }: ArchivePeriod = {}): string {
  if (year === undefined) return "/archive/";
  if (month === undefined) return `/archive/${year}/`;
  if (day === undefined) return `/archive/${year}/${pad2(month)}/`;
  return `/archive/${year}/${pad2(month)}/${pad2(day)}/`;
}

/** `/on-this-day/06-14.json`: the articles of one day of the year, for the home page. */
export function onThisDayPath(monthDay: string): string {
  return `/on-this-day/${monthDay}.json`;
}

/** Page N of a year's, a month's or a day's list: the period's page, then `…/page/N/`. */
export function archivePagePath(period: ArchivePeriod, page: number): string {
  return page <= 1 ? archivePath(period) : `${archivePath(period)}page/${page}/`;
}

/** The formats the archive's feeds are published in. */
export type FeedFormat = "rss" | "atom" | "json";

const FEED_FILES: Record<FeedFormat, string> = { rss: "/rss.xml", atom: "/atom.xml", json: "/feed.json" };

/** `/rss.xml`, `/atom.xml` or `/feed.json`: the site-wide feed of the latest articles. */
export function feedPath(format: FeedFormat): string {
  return FEED_FILES[format];
}

/** `/topics/<slug>/rss.xml`: the RSS feed of one topic. */
export function topicFeedPath(slug: string): string {
  return `${labelPath("topics", slug)}rss.xml`;
}

/** `/sitemap-index.xml`, the sitemap's entry point, as robots.txt announces it. */
export const SITEMAP_INDEX_PATH = "/sitemap-index.xml";

/** `/sitemap-0.xml`, `/sitemap-1.xml` …: the files the sitemap index lists. */
export function sitemapPath(chunk: number): string {
  return `/sitemap-${chunk}.xml`;
}

/** `/robots.txt`. */
export const ROBOTS_PATH = "/robots.txt";

/** `/404.html`, the page hosts serve for an unknown address. */
export const NOT_FOUND_PATH = "/404.html";

/** The absolute URL of an asset path the build has already prefixed with the base (`/archive/_astro/…`). */
export function absoluteAssetUrl(builtPath: string, site: string): string {
  return new URL(builtPath, site).href;
}

/** Where the build leaves the sitemap's page dates for the sitemap step, which removes the file. */
export const SITEMAP_PAGES_PATH = "/sitemap-pages.json";

/** `/pagefind/<file>`: a file of the search index the build writes. */
export function pagefindPath(file: string): string {
  return `/pagefind/${file}`;
}
