/**
 * The search page's date range (`?from=YYYY-MM-DD&to=YYYY-MM-DD`, either end open), as Pagefind
 * can filter it. Pagefind matches filter values exactly, so a range becomes the whole years inside
 * it (the `year` filter) and, at its edges, the single days (the `day` filter every article page
 * carries; see SearchKeys.astro): at most a year's worth of days at each edge, and the years
 * between.
 */

/** A range of days, "YYYY-MM-DD" each, both included. */
export interface DaySpan {
  from: string;
  to: string;
}

/** A range asked for: either end may be open. */
export interface DayRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** The filter key of an article's written day, "YYYY-MM-DD". */
export const DAY_FILTER = "day";

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** The `day` filter's value of an article: the day written in its `published` field. */
export function dayValue(published: { year: number; month: number; date: number }): string {
  return `${pad(published.year, 4)}-${pad(published.month)}-${pad(published.date)}`;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day written as "YYYY-MM-DD" when it is a real day of the calendar, else undefined. */
export function parseDay(raw: string | null | undefined): string | undefined {
  const match = DAY.exec(raw?.trim() ?? "");
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year > 0 ? raw!.trim() : undefined;
}

/** The span of days the parts of an index hold: the first part's first day to the last one's last. */
export function spanOf(parts: readonly DaySpan[]): DaySpan | undefined {
  if (parts.length === 0) return undefined;
  return {
    from: parts.reduce((min, p) => (p.from < min ? p.from : min), parts[0]!.from),
    to: parts.reduce((max, p) => (p.to > max ? p.to : max), parts[0]!.to),
  };
}

/** True when the parts' span and the range share a day. */
export function overlaps(part: DaySpan, range: DayRange): boolean {
  return (
    (range.from === undefined || part.to >= range.from) && (range.to === undefined || part.from <= range.to)
  );
}

/** Every day from `from` to `to`, both included, as "YYYY-MM-DD". */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const [y, m, d] = from.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  for (;;) {
    const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    if (day > to) return days;
    days.push(day);
    date.setUTCDate(date.getUTCDate() + 1);
  }
}

/**
 * Pagefind's filter for the articles written from `range.from` to `range.to` (either open), within
 * `span`, the days the index holds: any of the whole years inside the range, or any of the days at
 * its edges. Undefined when the range is open at both ends.
 */
export function dayRangeFilter(
  range: DayRange,
  span: DaySpan,
): { any: Record<string, { any: string[] }>[] } | undefined {
  if (range.from === undefined && range.to === undefined) return undefined;
  const from = range.from !== undefined && range.from > span.from ? range.from : span.from;
  const to = range.to !== undefined && range.to < span.to ? range.to : span.to;
  // A range outside the archive: a day no article has, so that nothing matches.
  if (from > to) return { any: [{ [DAY_FILTER]: { any: ["0000-00-00"] } }] };
  const years: string[] = [];
  const days: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const first = `${pad(year, 4)}-01-01`;
    const last = `${pad(year, 4)}-12-31`;
    if (first >= from && last <= to) years.push(String(year));
    else days.push(...daysBetween(first > from ? first : from, last < to ? last : to));
  }
  return {
    any: [
      ...(years.length > 0 ? [{ year: { any: years } }] : []),
      ...(days.length > 0 ? [{ [DAY_FILTER]: { any: days } }] : []),
    ],
  };
}
