import { pagefindPath } from "./urls";

/**
 * Which part of the site a build writes. A whole build writes every page. An archive too large
 * for one machine is built in parts that run side by side (see README, "Scaling"): one part per
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
  if (file.startsWith(`${searchIndexDir(part)}/`)) return true;
  const year = Number(/^(?:archive\/)?(\d{4})\//.exec(file)?.[1]);
  return Number.isInteger(year) && buildsYear(part, year);
}

/** The folder, relative to the output folder, of a part's search index: `pagefind` for the whole site, `pagefind/1996-2005` for a year part. */
export function searchIndexDir(part: BuildPart): string {
  return part.kind === "years" ? `pagefind/${partName(part)}` : "pagefind";
}

/** Where the search page finds the list of search indexes to load (relative to the output folder). */
export const SEARCH_INDEXES_FILE = pagefindPath("indexes.json").slice(1);

/**
 * One search index of the site: its folder (root-relative, without the base), the dates it covers
 * and its pages per language. A site built in parts has one per part; the parts never overlap.
 */
export interface SearchIndexEntry {
  /** The folder of a complete Pagefind bundle: "/pagefind/2016-2019/". */
  path: string;
  /** The first day the index covers, by the date in the article's address: "2016-01-01". */
  from: string;
  /** The last day it covers: "2019-12-31". */
  to: string;
  /** The years of `from` and `to`: [2016, 2019]. */
  years: [number, number];
  languages: Record<string, number>;
  /**
   * Changes whenever the index's files change (a digest of its `pagefind-entry.json`, which names
   * every metadata file by its hash): the search page gives it to Pagefind as `metaCacheTag`, so
   * that a returning reader's browser keeps the entry file of an index that has not changed.
   */
  hash?: string;
}

/** The list of search indexes the search page loads and merges, newest first. */
export interface SearchIndexList {
  indexes: SearchIndexEntry[];
}

/** The dates a year part covers: from its first year's first day to its last year's last day. */
export function yearsSpan(from: number, to: number): Pick<SearchIndexEntry, "from" | "to" | "years"> {
  return {
    from: `${String(from).padStart(4, "0")}-01-01`,
    to: `${String(to).padStart(4, "0")}-12-31`,
    years: [from, to],
  };
}

/**
 * The entry for an index written by a build of `part`, from its Pagefind entry file's languages.
 * A whole build's index covers every date; `span` narrows it to the dates of its articles.
 */
export function searchIndexEntry(
  part: BuildPart,
  languages: Record<string, { page_count: number }>,
  extra: { span?: Pick<SearchIndexEntry, "from" | "to" | "years">; hash?: string } = {},
): SearchIndexEntry {
  const span = extra.span ?? (part.kind === "years" ? yearsSpan(part.from, part.to) : yearsSpan(0, 9999));
  return {
    path: `/${searchIndexDir(part)}/`,
    ...span,
    languages: Object.fromEntries(Object.entries(languages).map(([tag, l]) => [tag, l.page_count])),
    ...(extra.hash !== undefined && { hash: extra.hash }),
  };
}
