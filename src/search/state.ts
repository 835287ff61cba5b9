/**
 * What the search page shows, read from and written to its address, so that a shared or
 * reloaded `/search/?q=…&topic=…&sort=…&page=…` gives the same view.
 */
import { SEARCH_FACETS, type FacetKey } from "./filters";
import { dayRangeFilter, parseDay, type DaySpan } from "./date-range";

/** The result orders the search page offers. */
export const SORT_ORDERS = ["relevance", "newest", "oldest"] as const;

/** One of the result orders. */
export type SortOrder = (typeof SORT_ORDERS)[number];

/** The selected values of every filter, each in the order chosen. */
export type FacetSelection = Record<FacetKey, string[]>;

/**
 * Most batches of results an address can ask for at once: a link with page=100000 would
 * otherwise make the reader's browser fetch the whole index's results in one go.
 */
export const MAX_PAGES = 50;

/** Everything that decides the search page's view. */
export interface SearchState {
  /** The words searched for, trimmed; "" to browse by filters alone. */
  query: string;
  filters: FacetSelection;
  /** The order asked for; undefined for the default (see `effectiveSort`). */
  sort: SortOrder | undefined;
  /** How many batches of results are shown ("Show more" adds one). */
  pages: number;
  /** The language index searched; undefined for the reader's own. */
  language: string | undefined;
  /** The first and the last day of the articles asked for ("YYYY-MM-DD"); undefined when open. */
  from: string | undefined;
  to: string | undefined;
}

// Other names readers or links may use for a filter key.
const KEY_ALIASES: Record<string, FacetKey> = { author: "byline", topics: "topic", places: "place" };

/** No filter selected. */
export function emptySelection(): FacetSelection {
  return Object.fromEntries(SEARCH_FACETS.map(({ key }) => [key, []])) as unknown as FacetSelection;
}

/** Reads the state from a query string, ignoring unknown keys and values that make no sense. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const filters = emptySelection();
  for (const [name, raw] of params) {
    const key = (SEARCH_FACETS.some((f) => f.key === name) ? name : KEY_ALIASES[name]) as
      FacetKey | undefined;
    const value = raw.trim();
    if (key && value !== "" && !filters[key].includes(value)) filters[key].push(value);
  }
  const sort = params.get("sort");
  const page = Number(params.get("page"));
  const language = params.get("lang")?.trim();
  let from = parseDay(params.get("from"));
  let to = parseDay(params.get("to"));
  // A range given backwards is read the way round it can only mean.
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  return {
    query: (params.get("q") ?? "").trim(),
    filters,
    sort: SORT_ORDERS.find((s) => s === sort),
    pages: Number.isInteger(page) && page > 1 ? Math.min(page, MAX_PAGES) : 1,
    language: language ? language.toLowerCase() : undefined,
    from,
    to,
  };
}

/** The query string of a state, in a fixed order and without defaults, so that equal views share one URL. */
export function searchStateParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query !== "") params.set("q", state.query);
  if (state.language) params.set("lang", state.language);
  for (const { key } of SEARCH_FACETS) for (const value of state.filters[key]) params.append(key, value);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.sort && state.sort !== defaultSort(state.query)) params.set("sort", state.sort);
  if (state.pages > 1) params.set("page", String(state.pages));
  return params;
}

/** Relevance when there are words to rank by, else newest first. */
function defaultSort(query: string): SortOrder {
  return query === "" ? "newest" : "relevance";
}

/** The order results are shown in: relevance needs words, so without them it falls back to newest first. */
export function effectiveSort(state: Pick<SearchState, "query" | "sort">): SortOrder {
  if (!state.sort || (state.sort === "relevance" && state.query === "")) return defaultSort(state.query);
  return state.sort;
}

/** True when any filter value is selected. */
export function hasFilters(filters: FacetSelection): boolean {
  return SEARCH_FACETS.some(({ key }) => filters[key].length > 0);
}

/** True when the view narrows the articles: a filter value or a date range. */
export function isNarrowed(view: Pick<SearchState, "filters" | "from" | "to">): boolean {
  return hasFilters(view.filters) || view.from !== undefined || view.to !== undefined;
}

/** Pagefind's filters: a key's values (`any`) or a set of alternatives (the date range's). */
export type PagefindFilters = Record<string, { any: string[] } | Record<string, { any: string[] }>[]>;

/**
 * Pagefind's filter object: values of one key combine with OR (`any`), keys with AND; `except` is
 * left out. The date range applies within `span`, the days the searched index holds.
 */
export function pagefindFilters(
  view: Pick<SearchState, "filters" | "from" | "to">,
  span: DaySpan | undefined,
  except?: FacetKey,
): PagefindFilters {
  const result: PagefindFilters = {};
  for (const { key } of SEARCH_FACETS) {
    if (key !== except && view.filters[key].length > 0) result[key] = { any: [...view.filters[key]] };
  }
  const range = span && dayRangeFilter({ from: view.from, to: view.to }, span);
  if (range) result.any = range.any;
  return result;
}

/** Pagefind's sort object for an order: relevance is its natural order, the others use the `date` sort key. */
export function pagefindSort(sort: SortOrder): Record<string, "asc" | "desc"> {
  if (sort === "newest") return { date: "desc" };
  if (sort === "oldest") return { date: "asc" };
  return {};
}
