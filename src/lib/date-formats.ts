import { timezoneOffsetMs, type WrittenDate } from "./dates";

/**
 * Machine-readable forms of a written date for feeds and structured data. A date-time keeps the
 * offset it was written with; a bare date is midnight in the site timezone, with that offset.
 */

/** Minutes east of UTC of the written date: its own offset, or the site timezone's at that midnight. */
export function offsetMinutes(value: WrittenDate, timezone: string): number {
  if (value.offset === undefined) return timezoneOffsetMs(value.epochMs, timezone) / 60_000;
  if (value.offset === "Z") return 0;
  const sign = value.offset.startsWith("-") ? -1 : 1;
  const [hours = 0, minutes = 0] = value.offset.slice(1).split(":").map(Number);
  return sign * (hours * 60 + minutes);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function formatOffset(minutes: number, separator: string): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

/** The wall-clock fields of the instant at the written offset. */
function wallClock(value: WrittenDate, timezone: string) {
  const offset = offsetMinutes(value, timezone);
  const local = new Date(value.epochMs + offset * 60_000);
  return { local, offset };
}

/** RFC 3339 with the written offset ("2016-06-14T23:30:00-05:00"), as Atom, JSON Feed and schema.org want. */
export function toRfc3339(value: WrittenDate, timezone: string): string {
  const { local, offset } = wallClock(value, timezone);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `${date}T${time}${offset === 0 ? "Z" : formatOffset(offset, ":")}`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 822 with a four-digit year and the written offset ("Tue, 14 Jun 2016 23:30:00 -0500"), as RSS 2.0 wants. */
export function toRfc822(value: WrittenDate, timezone: string): string {
  const { local, offset } = wallClock(value, timezone);
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `${DAYS[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${time} ${formatOffset(offset, "")}`;
}
