import { daysInMonth, type WrittenDate } from "../lib/dates";
import { cached } from "../lib/cached";

/** What the date archive and the related-article rules read from an article. */
export interface DatedArticle {
  data: {
    published: WrittenDate;
    topics: readonly string[];
    people: readonly string[];
    places: readonly string[];
  };
}

/** One day of the archive that has articles. */
export interface DayGroup<T> {
  year: number;
  month: number;
  day: number;
  articles: T[];
}

/** One month that has articles: its days and all its articles. */
export interface MonthGroup<T> {
  year: number;
  month: number;
  days: DayGroup<T>[];
  articles: T[];
}

/** One year that has articles. */
export interface YearGroup<T> {
  year: number;
  months: MonthGroup<T>[];
  /** All its articles, in the given order. */
  articles: T[];
  count: number;
}

/**
 * Groups articles by the day written in `published`, oldest period first; within a period the
 * articles keep the given order (newest first when the archive list is). Empty periods do not
 * appear.
 */
export function groupByDate<T extends DatedArticle>(articles: readonly T[]): YearGroup<T>[] {
  const years = new Map<number, Map<number, { articles: T[]; days: Map<number, T[]> }>>();
  const ofYear = new Map<number, T[]>();
  for (const article of articles) {
    const { year, month, date } = article.data.published;
    const yearArticles = ofYear.get(year) ?? [];
    ofYear.set(year, yearArticles);
    yearArticles.push(article);
    const months = years.get(year) ?? new Map<number, { articles: T[]; days: Map<number, T[]> }>();
    years.set(year, months);
    const monthGroup = months.get(month) ?? { articles: [], days: new Map<number, T[]>() };
    months.set(month, monthGroup);
    monthGroup.articles.push(article);
    const day = monthGroup.days.get(date) ?? [];
    monthGroup.days.set(date, day);
    day.push(article);
  }
  const ascending = <V>(map: Map<number, V>) => [...map].sort(([a], [b]) => a - b);
  return ascending(years).map(([year, months]) => {
    const monthGroups = ascending(months).map(([month, group]) => ({
      year,
      month,
      days: ascending(group.days).map(([day, list]) => ({ year, month, day, articles: list })),
      articles: group.articles,
    }));
    const yearArticles = ofYear.get(year) ?? [];
    return { year, months: monthGroups, articles: yearArticles, count: yearArticles.length };
  });
}

/** The items before and after `index` in a list: the neighbouring non-empty periods. */
export function neighboursOf<T>(list: readonly T[], index: number): { previous?: T; next?: T } {
  const previous = index > 0 ? list[index - 1] : undefined;
  const next = list[index + 1];
  return { ...(previous !== undefined && { previous }), ...(next !== undefined && { next }) };
}

/** A cell of a month calendar: a day of the month, or a blank before the 1st or after the last day. */
export type CalendarCell = number | null;

/**
 * The weeks of a month as rows of seven cells, starting on `firstDay` (1 = Monday … 7 = Sunday,
 * as Intl's week info numbers them).
 */
export function monthCalendar(year: number, month: number, firstDay = 1): CalendarCell[][] {
  const length = daysInMonth(year, month);
  // getUTCDay: 0 = Sunday; as Intl numbers days: 7 = Sunday.
  const weekdayOfFirst = new Date(Date.UTC(year, month - 1, 1)).getUTCDay() || 7;
  const lead = (weekdayOfFirst - firstDay + 7) % 7;
  const cells: CalendarCell[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length }, (_, i) => i + 1),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** The first day of the week where `locale` is read (1 = Monday … 7 = Sunday); Monday when unknown. */
export function firstDayOfWeek(locale: string): number {
  return cached(firstDays, locale, () => findFirstDay(locale));
}

const firstDays = new Map<string, number>();

function findFirstDay(locale: string): number {
  const info = new Intl.Locale(locale) as Intl.Locale & {
    getWeekInfo?: () => { firstDay: number };
    weekInfo?: { firstDay: number };
  };
  return info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay ?? 1;
}

/** Most related articles shown on an article page. */
const RELATED_LIMIT = 5;

/**
 * Above this many articles, a label's candidates are its articles nearest in time to the one
 * being matched, not all of them: a topic shared by half the archive would otherwise make the
 * whole computation quadratic. Smaller labels (most people and places) are read in full, and
 * every candidate is then scored on all the labels it shares, not only those that found it.
 */
const WINDOW = 64;

/**
 * For every article, up to `limit` others sharing the most topics, people and places; ties go
 * to the closest in time, then to the newer. Computed once for the whole archive: each label's
 * articles are sorted by time once and only neighbours within a bounded window become
 * candidates.
 */
export function findRelated<T extends DatedArticle>(
  articles: readonly T[],
  limit = RELATED_LIMIT,
): Map<T, T[]> {
  const keysOf = articles.map(
    (article) =>
      new Set([
        ...article.data.topics.map((t) => `t:${t}`),
        ...article.data.people.map((p) => `p:${p}`),
        ...article.data.places.map((p) => `l:${p}`),
      ]),
  );
  const groups = new Map<string, number[]>();
  keysOf.forEach((keys, i) => {
    for (const key of keys) {
      const members = groups.get(key) ?? [];
      groups.set(key, members);
      members.push(i);
    }
  });
  const time = articles.map((article) => article.data.published.epochMs);
  // Each article's place in the time-sorted list of every label it has.
  const placesOf = articles.map(() => [] as { members: number[]; at: number }[]);
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.sort((a, b) => time[a]! - time[b]! || a - b);
    members.forEach((i, at) => placesOf[i]!.push({ members, at }));
  }

  const related = new Map<T, T[]>();
  articles.forEach((article, i) => {
    const candidates = new Set<number>();
    for (const { members, at } of placesOf[i]!) {
      const whole = members.length <= WINDOW;
      const from = whole ? 0 : Math.max(0, at - WINDOW / 2);
      const to = whole ? members.length : Math.min(members.length, at + WINDOW / 2 + 1);
      for (let k = from; k < to; k++) if (members[k] !== i) candidates.add(members[k]!);
    }
    const keys = keysOf[i]!;
    const scored = [...candidates].map((j) => {
      let shared = 0;
      for (const key of keysOf[j]!) if (keys.has(key)) shared++;
      return { j, shared, distance: Math.abs(time[j]! - time[i]!) };
    });
    related.set(
      article,
      topByRank(
        scored,
        limit,
        (a, b) => b.shared - a.shared || a.distance - b.distance || time[b.j]! - time[a.j]! || a.j - b.j,
      ).map(({ j }) => articles[j]!),
    );
  });
  return related;
}

/** The first `limit` items of `items` in `compare` order, without sorting them all. */
function topByRank<T>(items: readonly T[], limit: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === limit && compare(item, top[limit - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && compare(item, top[at - 1]!) < 0) at--;
    top.splice(at, 0, item);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** "06-14": the month and day of a date, the key of the "on this day" lists. */
export function monthDayKey(month: number, day: number): string {
  return `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Every month-day of a leap year, "01-01" … "12-31", including "02-29". */
export function allMonthDays(): string[] {
  return Array.from({ length: 12 }, (_, m) =>
    Array.from({ length: daysInMonth(2024, m + 1) }, (_, d) => monthDayKey(m + 1, d + 1)),
  ).flat();
}

/** Articles by the month and day of `published`, every month-day present, in the given order. */
export function groupByMonthDay<T extends DatedArticle>(articles: readonly T[]): Map<string, T[]> {
  const groups = new Map(allMonthDays().map((key) => [key, [] as T[]]));
  for (const article of articles) {
    const { month, date } = article.data.published;
    groups.get(monthDayKey(month, date))!.push(article);
  }
  return groups;
}

/** Every year from the first to the last that has articles, gaps included, for a timeline. */
export function yearRange(years: readonly { year: number }[]): number[] {
  if (years.length === 0) return [];
  const first = Math.min(...years.map((y) => y.year));
  const last = Math.max(...years.map((y) => y.year));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
