import { describe, expect, it } from "vitest";
import { parseWrittenDate } from "../../../src/lib/dates";
import { keepPerYear, onThisDayEntry, pickEarlierYears, todayKeys } from "../../../src/archive/on-this-day";

const entry = (year: number, title = `Story of ${year}`) => ({
  title,
  href: `/${year}/06/14/story/`,
  year,
  date: `14 June ${year}`,
  lang: "en",
  dir: "ltr" as const,
});

describe("on this day", () => {
  it("names the files of the reader's day, leap-day articles on 28 February of other years", () => {
    expect(todayKeys(new Date(2026, 5, 14, 23, 59))).toEqual(["06-14"]);
    expect(todayKeys(new Date(2028, 1, 29))).toEqual(["02-29"]);
    expect(todayKeys(new Date(2028, 1, 28))).toEqual(["02-28"]);
    expect(todayKeys(new Date(2027, 1, 28))).toEqual(["02-28", "02-29"]);
  });

  it("shows only earlier years than today's, newest first, at most the limit", () => {
    const entries = [entry(2026), entry(2025), entry(2019), entry(2016)];
    expect(pickEarlierYears(entries, new Date(2026, 5, 14)).map((e) => e.year)).toEqual([2025, 2019, 2016]);
    expect(pickEarlierYears(entries, new Date(2026, 5, 14), 2).map((e) => e.year)).toEqual([2025, 2019]);
    expect(pickEarlierYears(entries, new Date(2016, 5, 14))).toEqual([]);
  });

  it("keeps a busy day's file small: a few articles of each year", () => {
    const day = (year: number, n: number) => ({
      id: `${year}-${n}`,
      data: { published: parseWrittenDate(`${year}-06-14`, "UTC") },
    });
    const kept = keepPerYear([day(2020, 1), day(2020, 2), day(2020, 3), day(2020, 4), day(2019, 1)], 3);
    expect(kept.map((a) => a.id)).toEqual(["2020-1", "2020-2", "2020-3", "2019-1"]);
  });

  it("gives a right-to-left title its direction", () => {
    const article = {
      data: { title: "نشرة", published: parseWrittenDate("2023-05-17", "UTC"), language: "ar" },
    };
    expect(onThisDayEntry(article, { locale: "en-GB", href: "/x/" }).dir).toBe("rtl");
  });

  it("describes an article by its title, address, year, day in the site's words and language", () => {
    const article = {
      data: {
        title: "Talks",
        published: parseWrittenDate("2016-06-14T23:30:00-05:00", "UTC"),
        language: "zh-Hans",
      },
    };
    expect(onThisDayEntry(article, { locale: "en-GB", href: "/archive/2016/06/14/talks/" })).toEqual({
      title: "Talks",
      href: "/archive/2016/06/14/talks/",
      year: 2016,
      date: "14 June 2016",
      lang: "zh-Hans",
      dir: "ltr",
    });
  });
});
