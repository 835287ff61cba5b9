import { pagefindPath } from "../lib/urls";

/**
 * Which part of the site a build writes. A whole build writes every page. An archive too large
 * for one machine is built in parts that run side by side (see docs/scaling.md): one part per
 * range of years writes the article pages, the date archive pages and the search index of those
 * years; one more part, "none" (no single year), writes every page that spans all years (home,
 * `/archive/`, labels, feeds, sitemap, "On this day", search, 404, redirects, robots). Every part
 * reads the whole archive's frontmatter, so links across a boundary are the same as in a whole
 * build; `npm run merge` puts the parts' folders together.
 */
export type BuildPart =
  { kind: "whole" } | { kind: "years"; from: number; to: number } | { kind: "all-years" };

/** The whole site, as a build without ARCHIVE_YEARS writes it. */
export const WHOLE_SITE: BuildPart = { kind: "whole" };

/** The value of ARCHIVE_YEARS that builds the pages spanning all years. */
export const ALL_YEARS_VALUE = "none";

/**
 * Reads ARCHIVE_YEARS: unset or empty for the whole site, `2016` or `1996-2005` for the pages
 * of those years, `none` for the pages of no single year. Throws naming the variable otherwise.
 */
export function parseArchiveYears(value: string | undefined): BuildPart {
  const text = value?.trim() ?? "";
  if (text === "") return WHOLE_SITE;
  if (text === ALL_YEARS_VALUE) return { kind: "all-years" };
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(text);
  const from = Number(match?.[1]);
  const to = Number(match?.[2] ?? match?.[1]);
  if (!match || from > to) {
    throw new Error(
      `ARCHIVE_YEARS must be a year (2016), a range of years, earliest first (1996-2005), ` +
        `or "${ALL_YEARS_VALUE}" for the pages that span all years; got "${value}"`,
    );
  }
  return { kind: "years", from, to };
}

/** True when this build writes the article and date archive pages of `year`. */
export function buildsYear(part: BuildPart, year: number): boolean {
  if (part.kind === "whole") return true;
  return part.kind === "years" && year >= part.from && year <= part.to;
}

/** True when this build writes the pages that span all years (home, labels, feeds, sitemap …). */
export function buildsAllYearsPages(part: BuildPart): boolean {
  return part.kind !== "years";
}

/** True when this build writes a search index: it writes article pages. */
export function buildsSearchIndex(part: BuildPart): boolean {
  return part.kind !== "all-years";
}

/** A short name for a part, used for its search index folder and in messages: "1996-2005", "all-years", "whole". */
export function partName(part: BuildPart): string {
  if (part.kind === "years") return part.from === part.to ? String(part.from) : `${part.from}-${part.to}`;
  return part.kind;
}

/**
 * True for a file (relative to the output folder, "/"-separated) that a year part keeps: its years'
 * article and date archive pages, its search index and the shared assets. A year part also
 * renders the few single pages every build has (home, search, feeds …); they are dropped, and the
 * all-years part's copies are published.
 */
export function isYearPartFile(
  part: BuildPart & { kind: "years" },
  file: string,
  assetsDir: string,
): boolean {
  if (file.startsWith(`${assetsDir}/`)) return true;
  if (file.startsWith(`${SEARCH_INDEX_ROOT}/`)) {
    const folder = Number(/^[^/]+\/(\d{4})[-/]/.exec(file)?.[1]);
    if (Number.isInteger(folder)) return buildsYear(part, folder);
    return file === searchIndexListFile(part) || file === `${SEARCH_INDEX_ROOT}/pagefind-highlight.js`;
  }
  const year = Number(/^(?:archive\/)?(\d{4})\//.exec(file)?.[1]);
  return Number.isInteger(year) && buildsYear(part, year);
}

/** The folder, relative to the output folder, that holds the search index's parts (src/search/parts.ts). */
export const SEARCH_INDEX_ROOT = pagefindPath("").slice(1, -1);

/** Where the search page finds the list of search indexes to load (relative to the output folder). */
export const SEARCH_INDEXES_FILE = pagefindPath("indexes.json").slice(1);

/**
 * Where a build writes the list of the parts it indexed: the index list itself for a whole
 * build; for a build of some years, a list of its own that `npm run merge` joins with the others'.
 */
export function searchIndexListFile(part: BuildPart): string {
  return part.kind === "years"
    ? pagefindPath(`indexes-${partName(part)}.json`).slice(1)
    : SEARCH_INDEXES_FILE;
}

/** The lists of parts that builds of some years write, as `searchIndexListFile` names them. */
export const PART_INDEX_LIST = /^pagefind\/indexes-\d{4}(?:-\d{4})?\.json$/;

/** One part of the site's search index: its folder (root-relative, without the base), its days and its pages per language. */
export interface SearchIndexEntry {
  /** "/pagefind/2016-2019/". */
  path: string;
  /** The first and last day it covers, "YYYY-MM-DD", by the date of the article's address. */
  from: string;
  to: string;
  /** The years of `from` and `to`. */
  years: [number, number];
  languages: Record<string, number>;
  /** Changes whenever the part's index does (its cache key), so a browser can keep an unchanged part's files. */
  hash?: string;
}

/** The list of search indexes the search page loads and merges, newest part first. */
export interface SearchIndexList {
  indexes: SearchIndexEntry[];
}

/** The part of a cache key an index list keeps, as the part's `hash`. */
export function entryHash(key: string): string {
  return key.slice(0, 16);
}
