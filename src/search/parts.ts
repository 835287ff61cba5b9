/**
 * The search index is written in parts by date, so that Pagefind, which holds every page of an
 * index until it writes it, never holds more than one part's pages, and a reader's first search
 * loads one part's metadata rather than the whole archive's (see docs/search.md).
 *
 * The rule: the archive's days are cut into aligned blocks (1,024 years, halved down to 1; inside a
 * year, halves, quarters and months; inside a month, halves down to single days). A block becomes
 * a part when it holds at most `maxPages` article pages (an eighth as many for the newest part,
 * which a first search loads and a day's news indexes again); otherwise it is split into its two children. Blocks are aligned to the calendar, not to the articles, so a
 * new article changes the part it falls in and no other, unless that part grows past the limit
 * and splits: a rebuild re-indexes only the parts whose pages changed.
 */

/** The article pages' day, "YYYY-MM-DD", as its address writes it. */
export type ArticleDay = string;

/** One part of the search index: the article pages of the days from `from` to `to`. */
export interface SearchPart {
  /** Its folder under `pagefind/`: "2016-2019", "2016", "2024-01-2024-06", "2024-03", "2024-03-01-2024-03-16", "2024-03-05". */
  name: string;
  /** First and last day it covers, "YYYY-MM-DD". */
  from: string;
  to: string;
  /** Article pages in it. */
  pages: number;
}

/** The most article pages one part holds, unless a single day holds more. */
export const DEFAULT_PART_PAGES = 16000;

/** The newest part holds at most this fraction of `maxPages` (1/8): see docs/search.md for the measurements. */
const NEWEST_PART_SHARE = 8;

/** Reads SEARCH_PART_PAGES (the most article pages per part); the default when unset. */
export function parsePartPages(value: string | undefined): number {
  const text = value?.trim() ?? "";
  if (text === "") return DEFAULT_PART_PAGES;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`SEARCH_PART_PAGES must be a whole number of pages, 1 or more; got "${value}"`);
  }
  return n;
}

/** A block of the calendar: whole years, a range of months of one year, or a range of days of one month. */
type Block =
  | { kind: "years"; from: number; size: number }
  | { kind: "months"; year: number; from: number; to: number }
  | { kind: "days"; year: number; month: number; from: number; to: number };

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function firstDay(block: Block): string {
  if (block.kind === "years") return `${pad(block.from, 4)}-01-01`;
  if (block.kind === "months") return `${pad(block.year, 4)}-${pad(block.from)}-01`;
  return `${pad(block.year, 4)}-${pad(block.month)}-${pad(block.from)}`;
}

function lastDay(block: Block): string {
  if (block.kind === "years") return `${pad(block.from + block.size - 1, 4)}-12-31`;
  if (block.kind === "months") {
    return `${pad(block.year, 4)}-${pad(block.to)}-${pad(daysIn(block.year, block.to))}`;
  }
  return `${pad(block.year, 4)}-${pad(block.month)}-${pad(block.to)}`;
}

/** The two halves of a range, the first one the larger: 1–12 gives 1–6 and 7–12, 1–3 gives 1–2 and 3. */
function halves(from: number, to: number): [number, number][] {
  const middle = from + Math.ceil((to - from + 1) / 2) - 1;
  return [
    [from, middle],
    [middle + 1, to],
  ];
}

/** The blocks a block splits into; none for a single day. */
function children(block: Block): Block[] {
  if (block.kind === "years") {
    if (block.size > 1) {
      const size = block.size / 2;
      return [
        { kind: "years", from: block.from, size },
        { kind: "years", from: block.from + size, size },
      ];
    }
    return halves(1, 12).map(([from, to]) => ({ kind: "months", year: block.from, from, to }));
  }
  if (block.kind === "months") {
    if (block.from < block.to) {
      return halves(block.from, block.to).map(([from, to]) => ({ ...block, from, to }));
    }
    const month = block.from;
    return halves(1, daysIn(block.year, month)).map(([from, to]) => ({
      kind: "days",
      year: block.year,
      month,
      from,
      to,
    }));
  }
  if (block.from === block.to) return [];
  return halves(block.from, block.to).map(([from, to]) => ({ ...block, from, to }));
}

/** The largest block: 1,024 years, aligned to a multiple of 1,024, so that a small archive is one part. */
const TOP_YEARS = 1024;

/**
 * Cuts the article pages, given by their days, into parts of at most `maxPages` pages (a single
 * day with more is one part), newest first. The part of the newest day holds at most an eighth as
 * many: a reader's first search loads it, and a day's news indexes it again. When the newest day
 * moves into the next block, the blocks it left may join into one part again, indexed once. A build
 * of some years cannot tell whether its newest day is the archive's, and cuts every part alike. `years`, when given, clips the blocks to a range of
 * years (a build of ARCHIVE_YEARS indexes only its own), so no part crosses its edges. The part
 * names and ranges use the days that have articles: a block's folder is named for the first and
 * last of its days that hold pages, clipped to whole years, months or days as the block is.
 */
export function partitionSearchIndex(
  days: Iterable<ArticleDay>,
  maxPages: number,
  years?: { from: number; to: number },
): SearchPart[] {
  const counts = new Map<ArticleDay, number>();
  for (const day of days) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Not a day of an article address: "${day}"`);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const sorted = [...counts.keys()].sort();
  const newest = sorted[sorted.length - 1] ?? "";
  const pagesBetween = (from: string, to: string): number => {
    let n = 0;
    for (const day of sorted) if (day >= from && day <= to) n += counts.get(day)!;
    return n;
  };
  const tops = new Set(sorted.map((day) => Math.floor(Number(day.slice(0, 4)) / TOP_YEARS) * TOP_YEARS));
  const parts: SearchPart[] = [];
  const visit = (block: Block): void => {
    let from = firstDay(block);
    let to = lastDay(block);
    if (years && block.kind === "years") {
      from = from < `${pad(years.from, 4)}-01-01` ? `${pad(years.from, 4)}-01-01` : from;
      to = to > `${pad(years.to, 4)}-12-31` ? `${pad(years.to, 4)}-12-31` : to;
      if (from > to) return;
    }
    const pages = pagesBetween(from, to);
    if (pages === 0) return;
    const inner = children(block);
    // The part a first search loads and a rebuild indexes again, the newest, is the smallest.
    const limit =
      years === undefined && from <= newest && newest <= to
        ? Math.max(1, Math.floor(maxPages / NEWEST_PART_SHARE))
        : maxPages;
    if (pages <= limit || inner.length === 0) {
      parts.push(namedPart(block, from, to, sorted, pages));
      return;
    }
    for (const child of inner) visit(child);
  };
  for (const top of [...tops].sort((a, b) => a - b)) visit({ kind: "years", from: top, size: TOP_YEARS });
  return parts.reverse();
}

/** The part of `block` (its days clipped to `from`–`to`) named for the span of its days that hold pages. */
function namedPart(block: Block, from: string, to: string, sorted: string[], pages: number): SearchPart {
  const held = sorted.filter((day) => day >= from && day <= to);
  const first = held[0]!;
  const last = held[held.length - 1]!;
  if (block.kind === "years") {
    const a = first.slice(0, 4);
    const b = last.slice(0, 4);
    return { name: a === b ? a : `${a}-${b}`, from: `${a}-01-01`, to: `${b}-12-31`, pages };
  }
  if (block.kind === "months") {
    const a = first.slice(0, 7);
    const b = last.slice(0, 7);
    const end = `${b}-${pad(daysIn(Number(b.slice(0, 4)), Number(b.slice(5, 7))))}`;
    return { name: a === b ? a : `${a}-${b}`, from: `${a}-01`, to: end, pages };
  }
  return { name: first === last ? first : `${first}-${last}`, from: first, to: last, pages };
}

/** The glob, relative to the output folder, of the article pages of `part`'s days. */
export function partPageGlob(part: Pick<SearchPart, "from" | "to">): string {
  const alternatives = (values: string[]): string =>
    values.length === 1 ? values[0]! : `{${values.join(",")}}`;
  const range = (from: number, to: number, width: number): string[] =>
    Array.from({ length: to - from + 1 }, (_, i) => pad(from + i, width));
  const [fy, fm, fd] = part.from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = part.to.split("-").map(Number) as [number, number, number];
  const page = "*/index.html";
  if (fm === 1 && fd === 1 && tm === 12 && td === 31) {
    return `${alternatives(range(fy, ty, 4))}/[0-9][0-9]/[0-9][0-9]/${page}`;
  }
  if (fy !== ty)
    throw new Error(`A part of less than whole years lies in one year: ${part.from} to ${part.to}`);
  if (fd === 1 && td === daysIn(ty, tm)) {
    return `${pad(fy, 4)}/${alternatives(range(fm, tm, 2))}/[0-9][0-9]/${page}`;
  }
  if (fm !== tm)
    throw new Error(`A part of less than whole months lies in one month: ${part.from} to ${part.to}`);
  return `${pad(fy, 4)}/${pad(fm)}/${alternatives(range(fd, td, 2))}/${page}`;
}

/** True when `day` ("YYYY-MM-DD") lies in `part`. */
export function partHoldsDay(part: Pick<SearchPart, "from" | "to">, day: ArticleDay): boolean {
  return day >= part.from && day <= part.to;
}
