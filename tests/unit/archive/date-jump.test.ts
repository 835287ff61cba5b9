import { describe, expect, it } from "vitest";
import { encodeArchiveDays, pathForDate } from "../../../src/archive/date-jump";

const encoded = encodeArchiveDays([
  { year: 2016, month: 6, days: [3, 14] },
  { year: 2016, month: 7, days: [31] },
  { year: 2019, month: 5, days: [1, 2] },
]);

describe("Go to a date", () => {
  it("writes one short entry a month", () => {
    expect(encoded.split(" ")).toHaveLength(3);
    expect(encoded).toMatch(/^2016-06:\w+ 2016-07:\w+ 2019-05:\w+$/);
  });

  it("leads to the day when it has articles, else its month, else its year", () => {
    expect(pathForDate(encoded, "2016-06-14")).toEqual({ year: "2016", month: "06", day: "14" });
    expect(pathForDate(encoded, "2016-07-31")).toEqual({ year: "2016", month: "07", day: "31" });
    expect(pathForDate(encoded, "2016-06-20")).toEqual({ year: "2016", month: "06" });
    expect(pathForDate(encoded, "2016-12-25")).toEqual({ year: "2016" });
  });

  it("leads nowhere for a year without articles or a value that is not a date", () => {
    expect(pathForDate(encoded, "2017-03-01")).toBeUndefined();
    expect(pathForDate(encoded, "")).toBeUndefined();
    expect(pathForDate(encoded, "June 2016")).toBeUndefined();
  });
});
