import { addressKey } from "./articles";
import { LABEL_KINDS, getLabels, labelSlug, type LabelledArticle } from "./labels";
import { decodePath } from "./paths";
import { archivePath, homePagePath, labelIndexPath, labelPath, searchPath } from "./urls";

/** What the site's own pages are made from: the public articles and the list page size. */
export interface SitePathsInput {
  articles: readonly (LabelledArticle & {
    path: string;
    data: LabelledArticle["data"] & {
      aliases: readonly string[];
      published: { year: number; month: number; date: number };
    };
  })[];
  pageSize: number;
  /** Files served as they are (the public folder), as root-relative paths. */
  staticFiles?: readonly string[];
}

/** Files the build writes at the site's root whatever the articles (contract §2). */
const SITE_FILES = ["/rss.xml", "/atom.xml", "/feed.json", "/sitemap-index.xml", "/robots.txt", "/404.html"];

/**
 * Every address a reader can reach on the built site: article pages and their old
 * addresses, the home and search pages, date archives and label pages with their page
 * numbers, feeds and static files. Returns a test for a root-relative path (query and
 * fragment ignored, with or without a trailing slash or index.html).
 */
export function createSitePathIndex({ articles, pageSize, staticFiles = [] }: SitePathsInput) {
  const known = new Set<string>();
  const add = (path: string): void => {
    known.add(addressKey(path));
  };
  const addPages = (first: string, count: number, pathOf: (page: number) => string): void => {
    add(first);
    for (let page = 2; page <= Math.ceil(count / pageSize); page++) add(pathOf(page));
  };
  [...SITE_FILES, ...staticFiles, searchPath()].forEach(add);
  addPages(homePagePath(1), articles.length, homePagePath);
  const periods = new Map<string, number>();
  const count = (path: string): void => {
    periods.set(path, (periods.get(path) ?? 0) + 1);
  };
  for (const article of articles) {
    add(article.path);
    article.data.aliases.forEach(add);
    const { year, month, date } = article.data.published;
    [
      archivePath(),
      archivePath({ year }),
      archivePath({ year, month }),
      archivePath({ year, month, day: date }),
    ].forEach(count);
    for (const kind of LABEL_KINDS) {
      count(labelIndexPath(kind.kind));
      for (const value of new Set(getLabels(article, kind).map(labelSlug)))
        count(labelPath(kind.kind, value));
    }
  }
  for (const [path, total] of periods) {
    // Index pages list values, not articles: their own page count is not known here, so only their first page is.
    const isLabelIndex = LABEL_KINDS.some((kind) => labelIndexPath(kind.kind) === path);
    addPages(path, isLabelIndex ? 1 : total, (page) => `${path}${page}/`);
  }
  return (path: string): boolean => known.has(addressKey(decodePath(path.replace(/[?#].*$/, ""))));
}
