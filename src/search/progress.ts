import type { SearchIndexEntry } from "../parts/build-part";
import type { SortOrder } from "./state";
import { overlaps, type DayRange } from "./date-range";

/**
 * A search over a site built in parts runs in stages (see docs/search.md): the newest part first
 * (the oldest for "oldest first"), its results shown at once, then the other parts in growing
 * batches, their results added below. These helpers plan the stages and put each stage's results
 * and counts together with those before, without moving anything already shown.
 */

/**
 * The filter each part's index is given (Pagefind's `mergeFilter`) when a language's index has
 * several parts: a search limited to it searches those parts only. It is never shown to readers.
 */
export const PART_FILTER = "_part";

/** The value of PART_FILTER for a part: its folder, which no other part has. */
export function partValue(entry: SearchIndexEntry): string {
  return entry.path;
}

/** The parts holding any of the `years` chosen (the `year` filter's values); every part when none. */
export function partsForYears(
  indexes: readonly SearchIndexEntry[],
  years: readonly string[],
): SearchIndexEntry[] {
  const chosen = years.map(Number).filter(Number.isInteger);
  if (chosen.length === 0) return [...indexes];
  return indexes.filter(({ years: [from, to] }) => chosen.some((year) => year >= from && year <= to));
}

/** The parts in the order a search asks them: oldest first for "oldest", else newest first. */
export function searchOrder(indexes: readonly SearchIndexEntry[], sort: SortOrder): SearchIndexEntry[] {
  const newestFirst = [...indexes].sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  return sort === "oldest" ? newestFirst.reverse() : newestFirst;
}

/**
 * Splits the parts into stages: one part first, so that the first results need one part's files
 * only, then batches twice as large as the one before, so that a search over many parts needs
 * few stages.
 */
export function batches<T>(parts: readonly T[]): T[][] {
  const stages: T[][] = [];
  for (let at = 0, size = 1; at < parts.length; at += size, size *= 2) {
    stages.push(parts.slice(at, at + size));
  }
  return stages;
}

/**
 * The stages of a search in `sort` order over the parts holding its language, its chosen years
 * and days of its date range.
 */
export function planStages(
  indexes: readonly SearchIndexEntry[],
  sort: SortOrder,
  years: readonly string[],
  range: DayRange = {},
): SearchIndexEntry[][] {
  const parts = partsForYears(indexes, years).filter((part) => overlaps(part, range));
  return batches(searchOrder(parts, sort));
}

/** A result as Pagefind gives it: ranked by `score`, highest first. */
export interface Scored {
  score: number;
}

/**
 * The results after a stage: the first `kept` of `list` stay where they are (they are shown, or
 * being shown), and the new ones follow. In a date order the stages follow one another in time,
 * so the new results go after all of `list`. By relevance, the results not yet shown and the new
 * ones are ranked together by score (a stable sort: equal scores keep their order).
 */
export function addResults<T extends Scored>(
  list: readonly T[],
  kept: number,
  added: readonly T[],
  sort: SortOrder,
): T[] {
  if (sort !== "relevance") return [...list, ...added];
  const shown = list.slice(0, kept);
  const rest = [...list.slice(kept), ...added].sort((a, b) => b.score - a.score);
  return [...shown, ...rest];
}

/** Filter counts as Pagefind gives them: per filter, per value, how many results. */
export type FilterCounts = Record<string, Record<string, number>>;

/** The counts of several searches over different parts, added up; PART_FILTER is left out. */
export function addCounts(...counts: readonly Partial<FilterCounts>[]): FilterCounts {
  const sum: FilterCounts = {};
  for (const each of counts) {
    for (const [key, values] of Object.entries(each)) {
      if (key === PART_FILTER || values === undefined) continue;
      const total = (sum[key] ??= {});
      for (const [value, count] of Object.entries(values)) total[value] = (total[value] ?? 0) + count;
    }
  }
  return sum;
}

/**
 * The years the parts searched so far cover, as runs of consecutive years: "2016–2025", or
 * "2017–2019, 2021" when a year filter skipped the parts between.
 */
export function yearsSearched(parts: readonly SearchIndexEntry[]): string {
  const spans = parts.map(({ years }) => [...years] as [number, number]).sort((a, b) => a[0] - b[0]);
  const runs: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = runs.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else runs.push([from, to]);
  }
  return runs.map(([from, to]) => (from === to ? String(from) : `${from}–${to}`)).join(", ");
}
