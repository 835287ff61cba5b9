import { describe, expect, it } from "vitest";
import { offsetMinutes, toRfc3339, toRfc822 } from "../../../src/lib/date-formats";
import { parseWrittenDate } from "../../../src/lib/dates";

const d = (value: string, timezone = "UTC") => parseWrittenDate(value, timezone);

describe("toRfc3339", () => {
  it("keeps the offset a date-time was written with", () => {
    expect(toRfc3339(d("2016-06-14T23:30:00-05:00"), "UTC")).toBe("2016-06-14T23:30:00-05:00");
    expect(toRfc3339(d("2015-03-09T08:15+05:30"), "UTC")).toBe("2015-03-09T08:15:00+05:30");
    expect(toRfc3339(d("2013-07-04T12:00:00z"), "UTC")).toBe("2013-07-04T12:00:00Z");
  });

  it("puts a bare date at midnight in the site timezone, with that day's offset", () => {
    expect(toRfc3339(d("2019-05-02"), "UTC")).toBe("2019-05-02T00:00:00Z");
    expect(toRfc3339(d("2019-05-02", "Europe/London"), "Europe/London")).toBe("2019-05-02T00:00:00+01:00");
    expect(toRfc3339(d("2019-01-02", "America/New_York"), "America/New_York")).toBe(
      "2019-01-02T00:00:00-05:00",
    );
  });
});

describe("toRfc822", () => {
  it("writes RSS dates with a four-digit year, an English day and month, and the written offset", () => {
    expect(toRfc822(d("2016-06-14T23:30:00-05:00"), "UTC")).toBe("Tue, 14 Jun 2016 23:30:00 -0500");
    expect(toRfc822(d("2015-03-09T08:15:00+05:30"), "UTC")).toBe("Mon, 09 Mar 2015 08:15:00 +0530");
    expect(toRfc822(d("2014-11-20"), "UTC")).toBe("Thu, 20 Nov 2014 00:00:00 +0000");
  });
});

describe("offsetMinutes", () => {
  it("reads a written offset, else the timezone's", () => {
    expect(offsetMinutes(d("2016-06-14T23:30:00-05:30"), "UTC")).toBe(-330);
    expect(offsetMinutes(d("2016-06-14", "Asia/Tokyo"), "Asia/Tokyo")).toBe(540);
  });
});
