/** The sentence above the results that says what they are, for everyone and for screen readers. */
import type { SearchIndexEntry } from "../../parts/build-part";
import { effectiveSort, isNarrowed, type SearchState } from "../state";
import { yearsSearched } from "../progress";

/** "1 result", "1,204 results", with the counts written as the pages write them. */
export function plural(numbers: Intl.NumberFormat, n: number, one: string, many: string): string {
  return `${numbers.format(n)} ${n === 1 ? one : many}`;
}

/**
 * The status once every part is searched. `scope` names what the articles without words or
 * filters are counted in: "English" when the archive has several languages, else the archive.
 */
export function describe(
  numbers: Intl.NumberFormat,
  view: SearchState,
  count: number,
  scope = "the archive",
): string {
  if (view.query !== "") {
    return count === 0
      ? `No articles match “${view.query}”.`
      : `${plural(numbers, count, "result", "results")} for “${view.query}”`;
  }
  if (isNarrowed(view)) {
    return count === 0
      ? "No articles match these filters."
      : `${plural(numbers, count, "article matches", "articles match")} these filters`;
  }
  return `${plural(numbers, count, "article", "articles")} in ${scope}, ${effectiveSort(view) === "oldest" ? "oldest" : "newest"} first`;
}

/** The status while parts are still to be searched: what has been found, and in which years. */
export function describeSoFar(
  numbers: Intl.NumberFormat,
  view: SearchState,
  count: number,
  parts: readonly SearchIndexEntry[],
  ending = "…",
  scope = "the archive",
): string {
  const searched = `(searched ${yearsSearched(parts)})${ending}`;
  if (view.query !== "")
    return `${plural(numbers, count, "result", "results")} so far for “${view.query}” ${searched}`;
  if (isNarrowed(view)) {
    return `${plural(numbers, count, "article", "articles")} so far ${count === 1 ? "matches" : "match"} these filters ${searched}`;
  }
  return `${plural(numbers, count, "article", "articles")} so far in ${scope}, ${effectiveSort(view) === "oldest" ? "oldest" : "newest"} first ${searched}`;
}
