/**
 * What "Go to a date" on /archive/ knows without asking the server: for every month with articles,
 * which of its days have some, as a bit mask in base 36 ("2016-06:2001" …). One entry per month,
 * so the list stays small however many articles the archive holds.
 */

/** The days with articles of each month, written for the page. */
export function encodeArchiveDays(
  months: readonly { year: number; month: number; days: readonly number[] }[],
): string {
  return months
    .map(({ year, month, days }) => {
      const mask = days.reduce((bits, day) => bits | (1 << (day - 1)), 0) >>> 0;
      return `${year}-${String(month).padStart(2, "0")}:${mask.toString(36)}`;
    })
    .join(" ");
}

/** Where a date leads in the archive: its day's page, else its month's, else its year's, else nowhere. */
export function pathForDate(
  encoded: string,
  date: string,
): { year: string; month?: string; day?: string } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [, year = "", month = "", day = ""] = match;
  const entries = new Map(
    encoded
      .split(" ")
      .filter(Boolean)
      .map((entry) => entry.split(":") as [string, string]),
  );
  const mask = entries.get(`${year}-${month}`);
  if (mask !== undefined) {
    return (parseInt(mask, 36) >>> (Number(day) - 1)) & 1 ? { year, month, day } : { year, month };
  }
  return [...entries.keys()].some((key) => key.startsWith(`${year}-`)) ? { year } : undefined;
}
