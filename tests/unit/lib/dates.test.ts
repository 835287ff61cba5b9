import { describe, expect, it } from "vitest";
import {
  DateFormatError,
  formatDay,
  formatMonthName,
  formatPeriod,
  formatWrittenDate,
  isNotBefore,
  parseWrittenDate,
  timezoneOffsetMs,
  weekdayNames,
} from "../../../src/lib/dates";

const HOUR = 3_600_000;

/** The message of the DateFormatError thrown for `value`, or fails the test. */
function refusal(value: string, timezone = "UTC"): string {
  try {
    parseWrittenDate(value, timezone);
  } catch (error) {
    expect(error).toBeInstanceOf(DateFormatError);
    return (error as DateFormatError).message;
  }
  throw new Error(`expected "${value}" to be refused`);
}

describe("parseWrittenDate: what an editor may write", () => {
  it("reads a date-only value as that calendar day, midnight UTC in a UTC site", () => {
    const parsed = parseWrittenDate("2016-06-14", "UTC");
    expect(parsed).toEqual({
      written: "2016-06-14",
      datetime: "2016-06-14",
      day: "2016-06-14",
      year: 2016,
      month: 6,
      date: 14,
      epochMs: Date.UTC(2016, 5, 14),
    });
    expect(parsed).not.toHaveProperty("time");
    expect(parsed).not.toHaveProperty("offset");
  });

  it("reads a date-time with an offset, keeping the clock time and offset as written", () => {
    expect(parseWrittenDate("2016-06-14T09:30:00+08:00", "UTC")).toEqual({
      written: "2016-06-14T09:30:00+08:00",
      datetime: "2016-06-14T09:30:00+08:00",
      day: "2016-06-14",
      year: 2016,
      month: 6,
      date: 14,
      time: "09:30",
      offset: "+08:00",
      epochMs: Date.UTC(2016, 5, 14, 1, 30),
    });
  });

  it("keeps 2016-06-14T23:30:00-05:00 on 14 June 2016 although the instant is 15 June in UTC", () => {
    const parsed = parseWrittenDate("2016-06-14T23:30:00-05:00", "UTC");
    expect(parsed.day).toBe("2016-06-14");
    expect([parsed.year, parsed.month, parsed.date]).toEqual([2016, 6, 14]);
    expect(parsed.epochMs).toBe(Date.UTC(2016, 5, 15, 4, 30));
    expect(formatDay(parsed, "en-GB")).toBe("14 June 2016");
    expect(formatWrittenDate(parsed, "en-GB")).toBe("14 June 2016, 23:30 UTC\u22125");
  });

  it("keeps the written day whatever the site timezone is", () => {
    const tokyo = parseWrittenDate("2016-06-14T23:30:00-05:00", "Asia/Tokyo");
    const honolulu = parseWrittenDate("2016-06-14T00:10:00+09:00", "Pacific/Honolulu");
    expect(tokyo.day).toBe("2016-06-14");
    expect(honolulu.day).toBe("2016-06-14");
    expect(formatDay(honolulu, "en-GB")).toBe("14 June 2016");
  });

  it("accepts Z (either case), compact offsets, minutes-only times and fractions of a second", () => {
    expect(parseWrittenDate("2016-06-14T09:30:00Z", "UTC").offset).toBe("Z");
    expect(parseWrittenDate("2016-06-14t09:30:00z", "UTC").offset).toBe("Z");
    const compact = parseWrittenDate("2016-06-14T09:30+0800", "UTC");
    expect(compact.offset).toBe("+08:00");
    expect(compact.time).toBe("09:30");
    expect(compact.epochMs).toBe(Date.UTC(2016, 5, 14, 1, 30));
    expect(parseWrittenDate("2016-06-14T09:30:15.250Z", "UTC").epochMs).toBe(
      Date.UTC(2016, 5, 14, 9, 30, 15, 250),
    );
  });

  it("gives a datetime valid in HTML's <time datetime> whatever the spelling", () => {
    expect(parseWrittenDate("2016-06-14t09:30:00z", "UTC").datetime).toBe("2016-06-14T09:30:00Z");
    expect(parseWrittenDate("2016-06-14T09:30+0800", "UTC").datetime).toBe("2016-06-14T09:30:00+08:00");
    expect(parseWrittenDate("2020-01-08T10:00:00.12345Z", "UTC").datetime).toBe("2020-01-08T10:00:00.123Z");
    expect(parseWrittenDate("2016-06-14", "UTC").datetime).toBe("2016-06-14");
    // The written value itself is kept for display.
    expect(parseWrittenDate("2016-06-14t09:30:00z", "UTC").written).toBe("2016-06-14t09:30:00z");
  });

  it("trims surrounding whitespace from what was written", () => {
    expect(parseWrittenDate("  2016-06-14 ", "UTC").written).toBe("2016-06-14");
  });

  it("accepts 29 February in a leap year only", () => {
    expect(parseWrittenDate("2020-02-29", "UTC").day).toBe("2020-02-29");
    expect(refusal("2021-02-29")).toBe('"2021-02-29" is not a day of the calendar');
  });

  it.each(["2016-13-01", "2016-00-10", "2016-04-31", "2016-06-00"])(
    "refuses the non-existent day %s",
    (value) => {
      expect(refusal(value)).toBe(`"${value}" is not a day of the calendar`);
    },
  );

  it("refuses a time without an offset and suggests adding one", () => {
    const message = refusal("2016-06-14T09:30:00");
    expect(message).toContain("has a time but no offset");
    expect(message).toContain("2016-06-14T09:30:00Z");
    expect(message).toContain("2016-06-14T09:30:00+08:00");
  });

  it.each(["2016-06-14T24:00:00Z", "2016-06-14T09:60:00Z", "2016-06-14T09:30:61Z"])(
    "refuses the impossible clock time %s",
    (value) => {
      expect(refusal(value)).toBe(`"${value}" has a time of day that does not exist`);
    },
  );

  it("refuses an offset that no clock has", () => {
    expect(refusal("2016-06-14T09:30:00+25:00")).toBe('"2016-06-14T09:30:00+25:00" is not a valid date-time');
  });

  it("asks for the T when a space separates the date and the time", () => {
    expect(refusal("2016-06-14 09:30:00+08:00")).toBe(
      '"2016-06-14 09:30:00+08:00" needs a T between the date and the time: 2016-06-14T09:30:00+08:00',
    );
  });

  it.each(["14/06/2016", "June 14, 2016", "2016-6-14", ""])(
    "refuses %j with the formats it expects",
    (value) => {
      const message = refusal(value);
      expect(message).toContain("is not a date");
      expect(message).toContain("YYYY-MM-DD (2016-06-14)");
      expect(message).toContain("2016-06-14T09:30:00+08:00");
    },
  );
});

describe("epochMs: the instant, used only for sorting", () => {
  it("orders written instants across offsets, not by the written day", () => {
    const lateEvening = parseWrittenDate("2016-06-14T23:30:00-05:00", "UTC");
    const earlyMorning = parseWrittenDate("2016-06-15T03:00:00Z", "UTC");
    const beijingMorning = parseWrittenDate("2016-06-14T09:30:00+08:00", "UTC");
    expect(beijingMorning.epochMs).toBeLessThan(earlyMorning.epochMs);
    expect(earlyMorning.epochMs).toBeLessThan(lateEvening.epochMs);
  });

  it("places a date-only value at midnight in the site timezone", () => {
    expect(parseWrittenDate("2016-06-14", "UTC").epochMs).toBe(Date.UTC(2016, 5, 14));
    // Tokyo is UTC+9: local midnight is 15:00 UTC the day before.
    expect(parseWrittenDate("2016-06-14", "Asia/Tokyo").epochMs).toBe(Date.UTC(2016, 5, 13, 15));
    // New York is on summer time (UTC-4) in June, standard time (UTC-5) in January.
    expect(parseWrittenDate("2016-06-14", "America/New_York").epochMs).toBe(Date.UTC(2016, 5, 14, 4));
    expect(parseWrittenDate("2016-01-14", "America/New_York").epochMs).toBe(Date.UTC(2016, 0, 14, 5));
    // Half-hour offsets work too.
    expect(parseWrittenDate("2016-06-14", "Asia/Kolkata").epochMs).toBe(Date.UTC(2016, 5, 13, 18, 30));
  });

  it("does not move the written day of a date-only value in any timezone", () => {
    expect(parseWrittenDate("2016-06-14", "Asia/Tokyo").day).toBe("2016-06-14");
    expect(parseWrittenDate("2016-06-14", "Pacific/Honolulu").date).toBe(14);
  });

  it("places a date-only value at local midnight on a daylight-saving change day (Australia/Sydney)", () => {
    // Summer time starts at 02:00 on 6 October 2024; midnight is still at +10:00.
    expect(parseWrittenDate("2024-10-06", "Australia/Sydney").epochMs).toBe(
      Date.parse("2024-10-06T00:00:00+10:00"),
    );
    // Summer time ends at 03:00 on 7 April 2024; midnight is still at +11:00.
    expect(parseWrittenDate("2024-04-07", "Australia/Sydney").epochMs).toBe(
      Date.parse("2024-04-07T00:00:00+11:00"),
    );
  });
});

describe("timezoneOffsetMs", () => {
  it("gives the offset east of UTC at an instant, including daylight saving", () => {
    expect(timezoneOffsetMs(Date.UTC(2016, 0, 1), "UTC")).toBe(0);
    expect(timezoneOffsetMs(Date.UTC(2016, 0, 1), "Asia/Tokyo")).toBe(9 * HOUR);
    expect(timezoneOffsetMs(Date.UTC(2016, 0, 1), "Asia/Kolkata")).toBe(5.5 * HOUR);
    expect(timezoneOffsetMs(Date.UTC(2016, 0, 15), "America/New_York")).toBe(-5 * HOUR);
    expect(timezoneOffsetMs(Date.UTC(2016, 6, 15), "America/New_York")).toBe(-4 * HOUR);
  });
});

describe("isNotBefore", () => {
  const at = (value: string) => parseWrittenDate(value, "UTC");

  it("compares instants when both values have a time", () => {
    const published = at("2016-06-14T23:30:00-05:00"); // 04:30 UTC on 15 June
    expect(isNotBefore(at("2016-06-15T04:30:00Z"), published)).toBe(true);
    expect(isNotBefore(at("2016-06-15T05:00:00Z"), published)).toBe(true);
    expect(isNotBefore(at("2016-06-15T01:00:00Z"), published)).toBe(false);
  });

  it("compares written days when either value is a bare date", () => {
    const published = at("2016-06-14T23:30:00-05:00");
    expect(isNotBefore(at("2016-06-14"), published)).toBe(true);
    expect(isNotBefore(at("2016-06-15"), published)).toBe(true);
    expect(isNotBefore(at("2016-06-13"), published)).toBe(false);
    expect(isNotBefore(at("2016-06-14T08:00:00+08:00"), at("2016-06-14"))).toBe(true);
    expect(isNotBefore(at("2016-06-13T23:00:00Z"), at("2016-06-14"))).toBe(false);
  });
});

describe("formatDay and formatWrittenDate", () => {
  it("formats the written day in the site locale", () => {
    const day = parseWrittenDate("2016-06-04", "UTC");
    expect(formatDay(day, "en-GB")).toBe("4 June 2016");
    expect(formatDay(day, "en-US")).toBe("June 4, 2016");
    expect(formatWrittenDate(day, "en-GB")).toBe("4 June 2016");
  });

  it("shows a written time as the locale reads a clock, with its offset shortened, and Z as UTC", () => {
    const at = (written: string, locale = "en-GB") =>
      formatWrittenDate(parseWrittenDate(written, "UTC"), locale);
    expect(at("2016-06-14T09:30:00+08:00")).toBe("14 June 2016, 09:30 UTC+8");
    // Intl puts a narrow no-break space before "PM".
    expect(at("2016-06-14T22:45:00-04:00", "en-US")).toMatch(/^June 14, 2016, 10:45\sPM UTC\u22124$/);
    expect(at("2016-06-14T09:30:00+05:30")).toBe("14 June 2016, 09:30 UTC+5:30");
    expect(at("2016-06-14T09:30:00Z")).toBe("14 June 2016, 09:30 UTC");
    expect(at("2016-06-14T09:30:00+00:00")).toBe("14 June 2016, 09:30 UTC");
  });
});

describe("period names", () => {
  it("names a year, a month and a day in the locale", () => {
    expect(formatPeriod({ year: 2016 }, "en-GB")).toBe("2016");
    expect(formatPeriod({ year: 2016, month: 6 }, "en-GB")).toBe("June 2016");
    expect(formatPeriod({ year: 2016, month: 6, day: 14 }, "en-GB")).toBe("14 June 2016");
    expect(formatPeriod({ year: 2016, month: 6, day: 14 }, "en-US")).toBe("June 14, 2016");
  });

  it("names months and weekdays, weeks from the given first day", () => {
    expect(formatMonthName(6, "en-GB")).toBe("June");
    expect(formatMonthName(9, "en-GB", "short")).toBe("Sept");
    expect(weekdayNames("en-GB").map((d) => d.short)).toEqual([
      "Mon",
      "Tue",
      "Wed",
      "Thu",
      "Fri",
      "Sat",
      "Sun",
    ]);
    expect(weekdayNames("en-GB", 7)[0]).toEqual({ long: "Sunday", short: "Sun" });
  });
});
