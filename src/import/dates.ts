// Dates as the formats write them, turned into the archive's written form: the day and time as
// the publisher wrote them, with their offset, so that the article keeps the calendar day it had.

const pad = (n: number) => String(n).padStart(2, "0");

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const WORDPRESS = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * A WordPress post's date: its local time (`wp:post_date`) with the site's offset, worked out
 * from the same moment in UTC (`wp:post_date_gmt`); the day alone when the UTC time is missing.
 */
export function fromWordPress(local: string, gmt: string): string | undefined {
  const l = WORDPRESS.exec(local.trim());
  if (!l || l[1] === "0000") return undefined;
  const [, y, mo, d, h, mi, s] = l;
  const g = WORDPRESS.exec(gmt.trim());
  if (!g || g[1] === "0000") return `${y}-${mo}-${d}`;
  const ms = (m: RegExpExecArray) => Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  const offset = Math.round((ms(l) - ms(g)) / 60_000);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${offsetText(offset)}`;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ZONES: Record<string, number> = {
  UT: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};
const RFC_822 =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?$/;

/** An RSS date ("Tue, 14 Jun 2016 09:30:00 +0800"), kept in its own offset. */
export function fromRfc822(text: string): string | undefined {
  const m = RFC_822.exec(text.trim());
  if (!m) return fromIso(text);
  const [, d, monthName, y, h, mi, s = "00", zone = "GMT"] = m;
  const month = MONTHS.indexOf(monthName!.toLowerCase()) + 1;
  if (month === 0) return undefined;
  const year = y!.length === 2 ? 2000 + Number(y) : Number(y);
  const offset = /^[+-]\d{4}$/.test(zone)
    ? (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3)))
    : ZONES[zone.toUpperCase()];
  if (offset === undefined) return undefined;
  return `${year}-${pad(month)}-${pad(Number(d))}T${pad(Number(h))}:${mi}:${s}${offsetText(offset)}`;
}

const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:\.\d+)?(Z|[+-]\d{4})?)?$/;
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO 8601 date or date-time, extended ("2016-06-14T09:30:00+08:00") or basic as NITF writes
 * it ("20160614T093000+0800"); a time without an offset keeps only its day, since the moment is unknown.
 */
export function fromIso(text: string): string | undefined {
  const trimmed = text.trim();
  const basic = ISO_BASIC.exec(trimmed);
  if (basic) {
    const [, y, mo, d, h, mi, s = "00", zone] = basic;
    const day = `${y}-${mo}-${d}`;
    if (h === undefined || zone === undefined) return day;
    const offset = zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return `${day}T${h}:${mi}:${s}${offset}`;
  }
  const iso = ISO.exec(trimmed);
  if (!iso) return undefined;
  const [, day, time, zone] = iso;
  if (time === undefined || zone === undefined) return day;
  const offset = zone === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${day}T${time.length === 5 ? `${time}:00` : time}${offset}`;
}

/** The calendar day of a written date: "2016-06-14T09:30:00+08:00" → "2016-06-14". */
export function dayOf(written: string): string {
  return written.slice(0, 10);
}
