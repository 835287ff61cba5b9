import { describe, expect, it } from "vitest";
import { fromIso, fromRfc822, fromWordPress } from "../../../src/import/dates";

describe("dates as the formats write them", () => {
  it("gives a WordPress post its site's offset, from its local and UTC times", () => {
    expect(fromWordPress("2016-06-14 23:30:00", "2016-06-15 04:30:00")).toBe("2016-06-14T23:30:00-05:00");
    expect(fromWordPress("2016-06-14 09:30:00", "2016-06-14 01:30:00")).toBe("2016-06-14T09:30:00+08:00");
    expect(fromWordPress("2016-06-14 09:30:00", "2016-06-14 04:00:00")).toBe("2016-06-14T09:30:00+05:30");
    // A draft's UTC time is empty: the day alone.
    expect(fromWordPress("2016-07-01 10:00:00", "0000-00-00 00:00:00")).toBe("2016-07-01");
    expect(fromWordPress("0000-00-00 00:00:00", "0000-00-00 00:00:00")).toBeUndefined();
  });

  it("keeps an RSS date in its own offset", () => {
    expect(fromRfc822("Tue, 15 Oct 2024 07:45:00 +0100")).toBe("2024-10-15T07:45:00+01:00");
    expect(fromRfc822("Fri, 01 Nov 2024 12:00:00 GMT")).toBe("2024-11-01T12:00:00+00:00");
    expect(fromRfc822("1 Nov 2024 08:00 EST")).toBe("2024-11-01T08:00:00-05:00");
    expect(fromRfc822("2024-11-01T08:00:00Z")).toBe("2024-11-01T08:00:00Z");
    expect(fromRfc822("yesterday")).toBeUndefined();
  });

  it("reads ISO 8601 extended and basic (NITF), and keeps only the day of a time without an offset", () => {
    expect(fromIso("2016-06-14T09:30:00+08:00")).toBe("2016-06-14T09:30:00+08:00");
    expect(fromIso("2016-06-14T09:30:00.123Z")).toBe("2016-06-14T09:30:00Z");
    expect(fromIso("20190520T181500+0100")).toBe("2019-05-20T18:15:00+01:00");
    expect(fromIso("20190520")).toBe("2019-05-20");
    expect(fromIso("2019-05-20T18:15:00")).toBe("2019-05-20");
    expect(fromIso("May 20")).toBeUndefined();
  });
});
