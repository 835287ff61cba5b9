import type { SearchIndexEntry } from "../parts/build-part";

/**
 * A site built in parts has one search index per range of dates (see src/parts/build-part.ts and
 * docs/search.md); src/search/progress.ts says in which order the search page searches them.
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
