/**
 * The search filters an article carries: which frontmatter field feeds which filter key.
 * The same keys name the filters in the search page's address (`?topic=…&year=…`).
 */

/** The filter keys, in the order the search page shows them. `section` is set on the article header. */
export const SEARCH_FACETS = [
  { key: "topic", label: "Topic" },
  { key: "year", label: "Year" },
  { key: "byline", label: "Byline" },
  { key: "agency", label: "Agency" },
  { key: "place", label: "Place" },
  { key: "section", label: "Section" },
] as const;

/** One of the search filter keys. */
export type FacetKey = (typeof SEARCH_FACETS)[number]["key"];

/** What an article needs for its filters: the frontmatter values as written. */
export interface FilterableArticle {
  topics: readonly string[];
  byline: readonly string[];
  agency?: string | undefined;
  places: readonly string[];
  published: { year: number };
}

/**
 * The filter values an article carries, as [key, value] pairs, the names as written in
 * frontmatter. `section` is not among them: the article header marks it where it is shown.
 */
export function searchFilterValues(article: FilterableArticle): [FacetKey, string][] {
  return [
    ...article.topics.map((v): [FacetKey, string] => ["topic", v]),
    ["year", String(article.published.year)],
    ...article.byline.map((v): [FacetKey, string] => ["byline", v]),
    ...(article.agency === undefined ? [] : [["agency", article.agency] as [FacetKey, string]]),
    ...article.places.map((v): [FacetKey, string] => ["place", v]),
  ];
}

/**
 * The values of one filter to offer, with their counts: those that would give results, and the
 * selected ones even when they would not. Years newest first; others most frequent first, then by name.
 */
export function listFacetValues(
  key: FacetKey,
  counts: Readonly<Record<string, number>>,
  selected: readonly string[],
): [string, number][] {
  const values = Object.entries(counts).filter(([value, count]) => count > 0 || selected.includes(value));
  for (const value of selected) if (!(value in counts)) values.push([value, 0]);
  return values.sort(([a, x], [b, y]) =>
    key === "year" ? b.localeCompare(a) : y - x || a.localeCompare(b, "en", { sensitivity: "base" }),
  );
}

/** The first `limit` values, and any selected value beyond them, so that a choice never disappears. */
export function limitFacetValues(
  values: readonly [string, number][],
  selected: readonly string[],
  limit: number,
): [string, number][] {
  return values.filter(([value], i) => i < limit || selected.includes(value));
}
