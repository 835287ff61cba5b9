/**
 * How many results each filter value would give. Only the filters a reader has opened are counted
 * (at archive scale the value lists together outweigh the rest of a first search), over the parts
 * each stage of a search has searched, and added up across the stages.
 */
import { SEARCH_FACETS, type FacetKey } from "../filters";
import { pagefindFilters, type PagefindFilters, type SearchState } from "../state";
import { spanOf } from "../date-range";
import { addCounts } from "../progress";
import type { SearchIndexEntry } from "../../parts/build-part";
import type { LanguageIndex, PagefindResponse, SearchIndexes } from "./pagefind-client";

/** The counts of some filters: value → results. */
export type FacetCounts = Partial<Record<FacetKey, Record<string, number>>>;

/** One stage of the search shown: the parts it searched and the filter counts over them. */
export interface Stage {
  parts: SearchIndexEntry[];
  counts: FacetCounts;
}

/**
 * The counts of the `open` filters over `parts`: what each value would give, with the other filters
 * applied and its own not. Loads the value lists of open filters that are not loaded yet. `main`
 * is the view's own search over the same parts, whose counts serve the filters with no value
 * chosen; only the filters not in `have` are counted.
 */
export async function countFacets(
  indexes: SearchIndexes,
  index: LanguageIndex,
  parts: readonly SearchIndexEntry[],
  view: SearchState,
  open: ReadonlySet<FacetKey>,
  main: PagefindResponse | undefined,
  have: FacetCounts = {},
): Promise<FacetCounts> {
  const term = view.query === "" ? null : view.query;
  const wanted = SEARCH_FACETS.filter(({ key }) => open.has(key) && !(key in have));
  if (wanted.length === 0) return {};
  const unloaded = wanted.filter(({ key }) => !main || !(key in main.filters));
  if (unloaded.length > 0) {
    const pagefind = await indexes.ready(index, parts);
    await pagefind.preload(null, {
      filters: Object.fromEntries(unloaded.map(({ key }) => [key, { any: [] }])),
    });
  }
  // Counting needs no order: one search over the parts, however the results are sorted.
  const count = (filters: PagefindFilters): Promise<PagefindResponse> =>
    indexes.search(index, parts, term, { filters });
  const span = spanOf(index.parts);
  const fresh = main && unloaded.length === 0 ? main : await count(pagefindFilters(view, span));
  const entries = [];
  for (const { key } of wanted) {
    const response = view.filters[key].length === 0 ? fresh : await count(pagefindFilters(view, span, key));
    entries.push([key, response.filters[key] ?? {}] as const);
  }
  return Object.fromEntries(entries);
}

/** The counts of the `open` filters over every stage searched so far. */
export function stageCounts(stages: readonly Stage[], open: ReadonlySet<FacetKey>): FacetCounts {
  const counted = SEARCH_FACETS.filter(
    ({ key }) => open.has(key) && stages.every((stage) => key in stage.counts),
  );
  return Object.fromEntries(
    counted.map(({ key }) => [
      key,
      addCounts(...stages.map((stage) => ({ [key]: stage.counts[key] })))[key] ?? {},
    ]),
  );
}

/** True when an `open` filter is not yet counted in every stage searched. */
export function needsCounts(stages: readonly Stage[], open: ReadonlySet<FacetKey>): boolean {
  return SEARCH_FACETS.some(({ key }) => open.has(key) && stages.some((stage) => !(key in stage.counts)));
}
