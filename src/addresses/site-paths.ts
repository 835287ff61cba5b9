import { addressKey } from "../lib/articles";
import { LABEL_KINDS, getLabels, labelSlug, type LabelledArticle } from "../lib/labels";
import { decodePath } from "../lib/paths";
import { allMonthDays } from "../archive/browse";
import { SITEMAP_ENTRY_LIMIT } from "./sitemap";
import { entityRedirects } from "../entities/label-redirects";
import type { EntityRegistry } from "../entities/registry";
import {
  NOT_FOUND_PATH,
  ROBOTS_PATH,
  SITEMAP_INDEX_PATH,
  archivePagePath,
  archivePath,
  feedPath,
  homePagePath,
  labelIndexPath,
  labelPath,
  onThisDayPath,
  searchPath,
  sitemapPath,
  topicFeedPath,
  type LabelKind,
} from "../lib/urls";

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
  /** The entity registry: the pages of entities' other names lead to theirs. */
  entities?: EntityRegistry;
}

/** Files the build writes whatever the articles: feeds, sitemap, robots, 404, "On this day". */
const SITE_FILES = [
  feedPath("rss"),
  feedPath("atom"),
  feedPath("json"),
  SITEMAP_INDEX_PATH,
  ROBOTS_PATH,
  NOT_FOUND_PATH,
  ...allMonthDays().map(onThisDayPath),
];

/**
 * Every address a reader can reach on the built site: article pages and their old
 * addresses, the home and search pages, date archives and label pages with their page
 * numbers, feeds (topic feeds too), the sitemap, "On this day" files and static files. Returns a test for a root-relative path (query and
 * fragment ignored, with or without a trailing slash or index.html).
 */
export function createSitePathIndex({ articles, pageSize, staticFiles = [], entities }: SitePathsInput) {
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
  // Each list with how many articles it has, and the address of its page N.
  const lists = new Map<string, { total: number; pathOf: (page: number) => string }>();
  const count = (path: string, pathOf: (page: number) => string): void => {
    const list = lists.get(path) ?? { total: 0, pathOf };
    list.total++;
    lists.set(path, list);
  };
  // The date archive's overview and every kind's index exist even before any article would list there.
  [archivePath(), ...LABEL_KINDS.map((kind) => labelIndexPath(kind.kind))].forEach(add);
  for (const article of articles) {
    add(article.path);
    article.data.aliases.forEach(add);
    const { year, month, date } = article.data.published;
    // Years, months and days continue at …/page/N/.
    count(archivePath({ year }), (page) => archivePagePath({ year }, page));
    count(archivePath({ year, month }), (page) => archivePagePath({ year, month }, page));
    count(archivePath({ year, month, day: date }), (page) =>
      archivePagePath({ year, month, day: date }, page),
    );
    for (const kind of LABEL_KINDS) {
      for (const value of new Set(getLabels(article, kind).map(labelSlug))) {
        count(labelPath(kind.kind, value), (page) => labelPath(kind.kind, value, page));
        if (kind.kind === "topics") add(topicFeedPath(value));
      }
    }
  }
  for (const [path, { total, pathOf }] of lists) addPages(path, total, pathOf);
  if (entities) {
    const pagesOf = (kind: LabelKind, slug: string) =>
      Math.ceil((lists.get(labelPath(kind, slug))?.total ?? 0) / pageSize);
    for (const redirect of entityRedirects(entities, pagesOf)) add(redirect.from);
  }
  // The sitemap's own files: one per SITEMAP_ENTRY_LIMIT pages (an over-count at worst, never an under-count).
  for (let chunk = 0; chunk <= Math.floor(known.size / SITEMAP_ENTRY_LIMIT); chunk++) add(sitemapPath(chunk));
  return (path: string): boolean => known.has(addressKey(decodePath(path.replace(/[?#].*$/, ""))));
}
