import { posix } from "node:path";
import { parseArchiveYears, type BuildPart } from "./parts/build-part";
import { parsePartPages } from "./search/parts";
import { LOCAL_SITE_URL } from "./addresses/site-address";
import type { Repository } from "./lib/repository-links";

/**
 * The one site configuration. Every page, module and tool reads it; nothing else
 * hard-codes the site's name, address, language, timezone or page size.
 */
export interface SiteConfig {
  /** The archive's name, shown in the header, titles and feeds. */
  name: string;
  /** One sentence describing the archive, used in the home page's meta description. */
  description: string;
  /** The absolute origin the site is served from, without a path (e.g. https://news.example.org). */
  url: string;
  /** The path the site lives under: "/" at a domain root, "/archive" under a sub-path. */
  base: string;
  /** BCP 47 tag of articles that do not set `language`; also the language of the site's own words. */
  defaultLanguage: string;
  /** Locale for formatting dates and lists in the site's own words ("en-GB": 14 June 2016). */
  locale: string;
  /** IANA timezone: where the day of a date-only `published` starts, for ordering articles. */
  timezone: string;
  /** Articles per page on the home page and every list. */
  pageSize: number;
  /** Folder of article files, relative to the project root. */
  articlesDir: string;
  /** Folder of the entity registry (one YAML file per kind of label), relative to the project root (ENTITIES_DIR). */
  entitiesDir: string;
  /** The list of every URL the archive has published, relative to the project root; the build keeps it. */
  urlManifest: string;
  /** Which part of the site this build writes (ARCHIVE_YEARS): the whole site, a range of years, or the pages spanning all years. */
  part: BuildPart;
  /** The most article pages one part of the search index holds (SEARCH_PART_PAGES); see src/search/parts.ts. */
  searchPartPages: number;
  /**
   * The repository the archive is edited in (REPOSITORY_URL, REPOSITORY_BRANCH): each article page
   * then links to its file in the host's web editor and to a new issue reporting a correction.
   */
  repository?: Repository;
}

/** Reads the optional environment overrides (SITE_URL, BASE_PATH, ARTICLES_DIR, ENTITIES_DIR, PAGE_SIZE, URL_MANIFEST, ARCHIVE_YEARS, SEARCH_PART_PAGES, REPOSITORY_URL, REPOSITORY_BRANCH). */
export function resolveSiteConfig(env: Record<string, string | undefined>): SiteConfig {
  const articlesDir = env.ARTICLES_DIR || "content/articles";
  return {
    name: "The News Archive",
    description: "A permanent, searchable archive of news stories with their bylines, datelines and sources.",
    url: env.SITE_URL || LOCAL_SITE_URL,
    base: normalizeBase(env.BASE_PATH || "/"),
    defaultLanguage: "en",
    locale: "en-GB",
    timezone: "UTC",
    pageSize: parsePageSize(env.PAGE_SIZE),
    articlesDir,
    // Beside the articles folder unless set: content/articles has content/entities.
    entitiesDir: env.ENTITIES_DIR || posix.join(posix.dirname(articlesDir.split("\\").join("/")), "entities"),
    urlManifest: env.URL_MANIFEST || "content/urls.txt",
    part: parseArchiveYears(env.ARCHIVE_YEARS),
    searchPartPages: parsePartPages(env.SEARCH_PART_PAGES),
    ...parseRepository(env.REPOSITORY_URL, env.REPOSITORY_BRANCH),
  };
}

function parseRepository(url: string | undefined, branch: string | undefined): { repository?: Repository } {
  if (url === undefined || url.trim() === "") return {};
  const address = url
    .trim()
    .replace(/\/+$/, "")
    .replace(/\.git$/, "");
  if (!/^https?:\/\/[^/]+\/[^/]+\/[^/]+$/.test(address)) {
    throw new Error(
      `REPOSITORY_URL must be a repository's web address, like https://github.com/newsroom/archive, got "${url}"`,
    );
  }
  return { repository: { url: address, branch: branch?.trim() || "main" } };
}

function parsePageSize(value: string | undefined): number {
  if (value === undefined || value === "") return 10;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`PAGE_SIZE must be a positive whole number, got "${value}"`);
  }
  return size;
}

/** "archive", "/archive/" and "/archive" all become "/archive"; the root stays "/". */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}`;
}

/** The configuration in force for this build. */
export const site: SiteConfig = resolveSiteConfig(process.env);
