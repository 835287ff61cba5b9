import { cached } from "./cached";

/**
 * Dates as editors write them. A `published` value keeps its calendar day and
 * clock time exactly as written; the instant is derived only for sorting.
 */

/** A date (and optional time with offset) as written in frontmatter. */
export interface WrittenDate {
  /** The value exactly as written, e.g. "2016-06-14T09:30:00+08:00". */
  written: string;
  /** The same moment in the form HTML's `<time datetime>` requires (upper-case T and Z, at most milliseconds). */
  datetime: string;
  /** The calendar day as written: "2016-06-14". */
  day: string;
  year: number;
  month: number;
  /** Day of the month, 1–31. */
  date: number;
  /** "09:30" when a time was written. */
  time?: string;
  /** "+08:00" or "Z" when a time was written. */
  offset?: string;
  /** Milliseconds since the epoch: the written instant, or midnight in the site timezone for a bare date. */
  epochMs: number;
}

const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/;

/** Why a written date was refused; the message says what is expected. */
export class DateFormatError extends Error {}

/**
 * Parses "YYYY-MM-DD" or an ISO 8601 date-time with an offset, keeping the day as written.
 * `timezone` places a bare date's midnight, for sorting only.
 */
export function parseWrittenDate(value: string, timezone: string): WrittenDate {
  const written = value.trim();
  const m = DATE_RE.exec(written);
  if (!m && /^\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}/.test(written)) {
    throw new DateFormatError(
      `"${written}" needs a T between the date and the time: ${written.replace(/\s+/, "T")}`,
    );
  }
  if (!m) {
    throw new DateFormatError(
      `"${written}" is not a date; write YYYY-MM-DD (2016-06-14) or a date-time with an offset (2016-06-14T09:30:00+08:00)`,
    );
  }
  const [, y, mo, d, hh, mm, ss, fraction, off] = m;
  const year = Number(y);
  const month = Number(mo);
  const date = Number(d);
  if (month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) {
    throw new DateFormatError(`"${written}" is not a day of the calendar`);
  }
  const day = `${y}-${mo}-${d}`;
  if (hh === undefined) {
    return {
      written,
      datetime: day,
      year,
      month,
      date,
      day,
      epochMs: zonedMidnight(year, month, date, timezone),
    };
  }
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) {
    throw new DateFormatError(`"${written}" has a time of day that does not exist`);
  }
  if (off === undefined) {
    throw new DateFormatError(
      `"${written}" has a time but no offset; add one, e.g. ${written}Z or ${written}+08:00`,
    );
  }
  const offset =
    off.toUpperCase() === "Z" ? "Z" : off.length === 5 ? `${off.slice(0, 3)}:${off.slice(3)}` : off;
  const datetime = `${day}T${hh}:${mm}:${ss ?? "00"}${(fraction ?? "").slice(0, 4)}${offset}`;
  const epochMs = Date.parse(datetime);
  if (Number.isNaN(epochMs)) {
    throw new DateFormatError(`"${written}" is not a valid date-time`);
  }
  return { written, datetime, day, year, month, date, time: `${hh}:${mm}`, offset, epochMs };
}

/** How many days month `month` (1–12) of `year` has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds east of UTC of `timezone` at the instant `epochMs`. */
export function timezoneOffsetMs(epochMs: number, timezone: string): number {
  const fmt = cached(
    offsetFormatters,
    timezone,
    () => new Intl.DateTimeFormat("en-US", { timeZone: timezone, timeZoneName: "longOffset" }),
  );
  const name = fmt.formatToParts(epochMs).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  const sign = m[1] === "-" ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

function zonedMidnight(year: number, month: number, date: number, timezone: string): number {
  const utc = Date.UTC(year, month - 1, date);
  // The offset at UTC midnight may differ from the one at local midnight on a day the clocks
  // change; a second look at the first guess settles it.
  const guess = utc - timezoneOffsetMs(utc, timezone);
  return utc - timezoneOffsetMs(guess, timezone);
}

/** True when `later` is not before `earlier`: by instant when both have a time, else by day. */
export function isNotBefore(later: WrittenDate, earlier: WrittenDate): boolean {
  if (later.time !== undefined && earlier.time !== undefined) return later.epochMs >= earlier.epochMs;
  return later.day >= earlier.day;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A UTC date formatter, made once per locale and options: a build formats every date many times.
 * `name` stands for the options, so that finding the formatter costs no more than a lookup.
 */
function utcFormat(locale: string, name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(
    formatters,
    `${locale} ${name}`,
    () => new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }),
  );
}

/** "June 14, 2016" in `locale`, always the day as written (never shifted by a timezone). */
export function formatDay(value: Pick<WrittenDate, "year" | "month" | "date">, locale: string): string {
  return utcFormat(locale, "day", { year: "numeric", month: "long", day: "numeric" }).format(
    Date.UTC(value.year, value.month - 1, value.date),
  );
}

/**
 * The day and clock time as written, read as a newspaper prints them: "14 June 2016, 09:30 UTC+8"
 * in en-GB, "June 14, 2016, 9:30 AM UTC+8" in en-US. The offset is the written one, shortened
 * ("UTC−5", "UTC+5:30", "UTC"); the exact value stays in the page's `<time datetime>`.
 */
export function formatWrittenDate(value: WrittenDate, locale: string): string {
  const day = formatDay(value, locale);
  if (value.time === undefined) return day;
  const [hours = 0, minutes = 0] = value.time.split(":").map(Number);
  const clock = utcFormat(locale, "time", { timeStyle: "short" }).format(
    Date.UTC(2000, 0, 1, hours, minutes),
  );
  return `${day}, ${clock} ${formatOffset(value.offset)}`;
}

/** "UTC", "UTC+8", "UTC−5", "UTC+5:30" for a written offset ("Z", "+08:00", "-0500"). */
function formatOffset(offset: string | undefined): string {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset ?? "");
  if (!match) return "UTC";
  const [, sign, hh, mm] = match;
  if (hh === "00" && mm === "00") return "UTC";
  // A true minus sign, as print has it.
  return `UTC${sign === "-" ? "\u2212" : "+"}${Number(hh)}${mm === "00" ? "" : `:${mm}`}`;
}

/** A period of the date archive in `locale`: "2016", "June 2016" or "14 June 2016". */
export function formatPeriod(period: { year: number; month?: number; day?: number }, locale: string): string {
  const { year, month, day } = period;
  if (month === undefined) return String(year);
  if (day !== undefined) return formatDay({ year, month, date: day }, locale);
  return utcFormat(locale, "month", { year: "numeric", month: "long" }).format(Date.UTC(year, month - 1, 1));
}

/** The name of a month in `locale`, "June"; `style` "short" gives "Jun". */
export function formatMonthName(month: number, locale: string, style: "long" | "short" = "long"): string {
  return utcFormat(locale, `month name ${style}`, { month: style }).format(Date.UTC(2000, month - 1, 1));
}

/** The names of the days of the week from `firstDay` (1 = Monday … 7 = Sunday), long and short. */
export function weekdayNames(locale: string, firstDay = 1): { long: string; short: string }[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const date = Date.UTC(2024, 0, 1 + ((firstDay - 1 + i) % 7));
    const format = (weekday: "long" | "short") =>
      utcFormat(locale, `weekday ${weekday}`, { weekday }).format(date);
    return { long: format("long"), short: format("short") };
  });
}

/** What an article's last change is read from: `published`, `updated` and the corrections' dates. */
export interface ChangeDates {
  published: WrittenDate;
  updated?: WrittenDate | undefined;
  corrections?: readonly { date: WrittenDate }[] | undefined;
}

/**
 * When an article last changed: the latest of `published`, `updated` and its corrections' dates,
 * so a correction made without `updated` still dates the article in feeds, sitemap and metadata.
 */
export function lastChanged({ published, updated, corrections = [] }: ChangeDates): WrittenDate {
  let latest = updated !== undefined && updated.epochMs > published.epochMs ? updated : published;
  for (const { date } of corrections) if (date.epochMs > latest.epochMs) latest = date;
  return latest;
}
