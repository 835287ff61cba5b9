import { SEARCH_INDEX_ROOT, entryHash, type SearchIndexEntry } from "../parts/build-part";
import type { SearchPart } from "./parts";

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

/** The entry for a part written by a build, from its Pagefind entry file's languages. */
export function searchIndexEntry(
  part: Pick<SearchPart, "name" | "from" | "to">,
  languages: Record<string, { page_count: number }>,
  hash?: string,
): SearchIndexEntry {
  return {
    path: `/${SEARCH_INDEX_ROOT}/${part.name}/`,
    from: part.from,
    to: part.to,
    years: [Number(part.from.slice(0, 4)), Number(part.to.slice(0, 4))],
    languages: Object.fromEntries(Object.entries(languages).map(([tag, l]) => [tag, l.page_count])),
    ...(hash !== undefined && { hash: entryHash(hash) }),
  };
}
