import { monthDayKey } from "./browse";
import { formatDay, type WrittenDate } from "../lib/dates";
import { textDirection } from "../lib/language";

/** What the home page's "On this day" list shows of one article. */
export interface OnThisDayEntry {
  title: string;
  href: string;
  year: number;
  /** The day as the site writes it: "14 June 2016". */
  date: string;
  lang: string;
  dir: "ltr" | "rtl";
}

/** The entry of an article in its day's file. */
export function onThisDayEntry(
  article: { data: { title: string; published: WrittenDate; language: string } },
  { locale, href }: { locale: string; href: string },
): OnThisDayEntry {
  const { title, published, language } = article.data;
  return {
    title,
    href,
    year: published.year,
    date: formatDay(published, locale),
    lang: language,
    dir: textDirection(language),
  };
}

/** Most articles of one year kept in a day's file: a busy day must not make the file heavy. */
const PER_YEAR = 3;

/** The articles a day's file keeps: newest first, at most `perYear` from each year. */
export function keepPerYear<T extends { data: { published: WrittenDate } }>(
  articles: readonly T[],
  perYear = PER_YEAR,
): T[] {
  const kept = new Map<number, number>();
  return articles.filter((article) => {
    const n = kept.get(article.data.published.year) ?? 0;
    kept.set(article.data.published.year, n + 1);
    return n < perYear;
  });
}

/**
 * Most entries the home page shows: the box sits beside the lead article on a wide screen, whose
 * height is reserved for it.
 */
const SHOWN = 3;

/** The entries of earlier years than `today`'s, newest first, at most `limit`. */
export function pickEarlierYears(
  entries: readonly OnThisDayEntry[],
  today: Date,
  limit = SHOWN,
): OnThisDayEntry[] {
  return entries.filter((entry) => entry.year < today.getFullYear()).slice(0, limit);
}

/**
 * The days of the year whose files the reader's `today` shows: "06-14" for 14 June, and on 28
 * February of a common year also "02-29", so that leap-day articles are not seen only every
 * four years.
 */
export function todayKeys(today: Date): string[] {
  const key = monthDayKey(today.getMonth() + 1, today.getDate());
  const leap = new Date(today.getFullYear(), 1, 29).getMonth() === 1;
  return key === "02-28" && !leap ? [key, "02-29"] : [key];
}
