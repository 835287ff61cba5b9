import { describe, expect, it } from "vitest";
import { dayRangeFilter, dayValue, overlaps, parseDay, spanOf } from "../../../src/search/date-range";

const span = { from: "2013-07-04", to: "2024-10-20" };

describe("parseDay", () => {
  it("takes real days written YYYY-MM-DD only", () => {
    expect(parseDay("2016-06-14")).toBe("2016-06-14");
    expect(parseDay(" 2024-02-29 ")).toBe("2024-02-29");
    expect(parseDay("2023-02-29")).toBeUndefined();
    expect(parseDay("2016-6-14")).toBeUndefined();
    expect(parseDay("14/06/2016")).toBeUndefined();
    expect(parseDay(null)).toBeUndefined();
  });
});

describe("dayRangeFilter", () => {
  it("is nothing for a range open at both ends", () => {
    expect(dayRangeFilter({}, span)).toBeUndefined();
  });

  it("names the days of a range inside one year", () => {
    expect(dayRangeFilter({ from: "2016-06-13", to: "2016-06-15" }, span)).toEqual({
      any: [{ day: { any: ["2016-06-13", "2016-06-14", "2016-06-15"] } }],
    });
  });

  it("names whole years as years and the edges as days, across a month's and a leap year's end", () => {
    const filter = dayRangeFilter({ from: "2015-12-31", to: "2020-03-01" }, span)!;
    expect(filter.any[0]).toEqual({ year: { any: ["2016", "2017", "2018", "2019"] } });
    const days = filter.any[1]!.day!.any;
    expect(days[0]).toBe("2015-12-31");
    expect(days.slice(1, 3)).toEqual(["2020-01-01", "2020-01-02"]);
    expect(days.slice(-3)).toEqual(["2020-02-28", "2020-02-29", "2020-03-01"]);
    expect(days).toHaveLength(1 + 31 + 29 + 1);
  });

  it("closes an open end at the first or last day the index holds", () => {
    expect(dayRangeFilter({ from: "2024-10-19" }, span)).toEqual({
      any: [{ day: { any: ["2024-10-19", "2024-10-20"] } }],
    });
    const before = dayRangeFilter({ to: "2014-12-31" }, span)!;
    expect(before.any[0]).toEqual({ year: { any: ["2014"] } });
    expect(before.any[1]!.day!.any[0]).toBe("2013-07-04");
  });

  it("matches no day for a range outside the archive", () => {
    expect(dayRangeFilter({ from: "1990-01-01", to: "1990-12-31" }, span)).toEqual({
      any: [{ day: { any: ["0000-00-00"] } }],
    });
  });
});

describe("the parts a range needs", () => {
  it("spans the parts' days and tells which share a day with a range", () => {
    const parts = [
      { from: "2016-01-01", to: "2019-12-31" },
      { from: "2020-01-01", to: "2024-06-30" },
    ];
    expect(spanOf(parts)).toEqual({ from: "2016-01-01", to: "2024-06-30" });
    expect(spanOf([])).toBeUndefined();
    expect(parts.map((p) => overlaps(p, { from: "2019-12-31" }))).toEqual([true, true]);
    expect(parts.map((p) => overlaps(p, { from: "2020-01-01", to: "2020-01-01" }))).toEqual([false, true]);
    expect(parts.map((p) => overlaps(p, {}))).toEqual([true, true]);
  });

  it("writes an article's day as its address does", () => {
    expect(dayValue({ year: 2016, month: 6, date: 4 })).toBe("2016-06-04");
  });
});
