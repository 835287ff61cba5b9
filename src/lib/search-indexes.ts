import type { SearchIndexEntry } from "./build-part";

/**
 * A site built in parts has one search index per range of years (see src/lib/build-part.ts). The
 * search page merges them with Pagefind's `mergeIndex`, which ranks by relevance across indexes
 * but, for a date order, interleaves the indexes by position. Their years do not overlap, so a date
 * order is the indexes' own orders one after another: newest part first for "newest", oldest first
 * for "oldest". These helpers say which indexes to search, and with which years, in that order.
 */

/** The pages of every language across the indexes. */
export function languagesOf(indexes: readonly SearchIndexEntry[]): Record<string, { page_count: number }> {
  const languages: Record<string, { page_count: number }> = {};
  for (const index of indexes) {
    for (const [tag, count] of Object.entries(index.languages)) {
      languages[tag] = { page_count: (languages[tag]?.page_count ?? 0) + count };
    }
  }
  return languages;
}

/** The indexes that hold pages in `language`, newest years first; at least one, so a search can start. */
export function indexesFor(indexes: readonly SearchIndexEntry[], language: string): SearchIndexEntry[] {
  const holding = indexes.filter((index) => (index.languages[language] ?? 0) > 0);
  return holding.length > 0 ? holding : indexes.slice(0, 1);
}

/** One search of a date-ordered merge: the years (as the `year` filter writes them) of one index. */
export type YearSlice = string[];

/**
 * For a date order over `indexes`, the `year` filter values of each search, in the order their
 * results follow one another; `chosen` are the years the reader filtered by (none: every year).
 * Undefined when one search gives the right order: a single index, or indexes without years.
 */
export function yearSlices(
  indexes: readonly SearchIndexEntry[],
  direction: "asc" | "desc",
  chosen: readonly string[],
): YearSlice[] | undefined {
  if (indexes.length < 2 || indexes.some((index) => index.years === undefined)) return undefined;
  const ordered = [...indexes].sort((a, b) => a.years![0] - b.years![0]);
  if (direction === "desc") ordered.reverse();
  return ordered
    .map(({ years: [from, to] = [0, -1] }) => {
      const all = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
      return chosen.length === 0 ? all : all.filter((year) => chosen.includes(year));
    })
    .filter((slice) => slice.length > 0);
}
