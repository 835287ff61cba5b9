import { describe, expect, it } from "vitest";
import {
  parsePartPages,
  partHoldsDay,
  partitionSearchIndex,
  partPageGlob,
  type SearchPart,
} from "../../../src/search/parts";

/** `n` articles on each of the given days. */
function articles(days: Record<string, number>): string[] {
  return Object.entries(days).flatMap(([day, n]) => Array.from({ length: n }, () => day));
}

/** `perYear` articles a year from `from` to `to`, spread over the months. */
function yearly(from: number, to: number, perYear: number): string[] {
  const days: string[] = [];
  for (let year = from; year <= to; year++) {
    for (let i = 0; i < perYear; i++) {
      days.push(`${year}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`);
    }
  }
  return days;
}

const names = (parts: SearchPart[]): string[] => parts.map((p) => p.name);

describe("partitionSearchIndex", () => {
  it("keeps a small archive in one part, named for its years", () => {
    const parts = partitionSearchIndex(articles({ "2014-03-04": 2, "2019-05-02": 1, "2025-01-09": 3 }), 100);
    expect(parts).toEqual([{ name: "2014-2025", from: "2014-01-01", to: "2025-12-31", pages: 6 }]);
  });

  it("splits along aligned blocks of years, newest part first, every part within the limit", () => {
    const parts = partitionSearchIndex(yearly(1996, 2025, 100), 1000);
    // The newest part, which a first search loads and a day's news indexes again, holds at most an eighth as many pages.
    expect(names(parts)).toEqual(["2025", "2024", "2016-2023", "2008-2015", "2000-2007", "1996-1999"]);
    expect(parts.every((p) => p.pages <= 1000)).toBe(true);
    expect(parts[0]!.pages).toBeLessThanOrEqual(125);
    expect(names(partitionSearchIndex(yearly(1996, 2025, 100), 500))).toEqual([
      "2025-07-2025-12",
      "2025-01-2025-06",
      "2024",
      "2020-2023",
      "2016-2019",
      "2012-2015",
      "2008-2011",
      "2004-2007",
      "2000-2003",
      "1996-1999",
    ]);
    expect(parts.reduce((sum, p) => sum + p.pages, 0)).toBe(3000);
  });

  it("splits a busy year into halves, quarters and months, and a busy month into days", () => {
    const parts = partitionSearchIndex(
      [...yearly(2023, 2023, 10), ...articles({ "2024-02-10": 30, "2024-11-01": 5, "2024-11-20": 5 })],
      12,
    );
    expect(names(parts)).toEqual(["2024-11-20", "2024-11-01", "2024-02-10", "2023"]);
    expect(parts.find((p) => p.name === "2024-02-10")).toMatchObject({ pages: 30 });
    expect(parts.find((p) => p.name === "2024-11-01")).toMatchObject({
      from: "2024-11-01",
      to: "2024-11-01",
    });
    expect(parts.find((p) => p.name === "2024-02-10")).toMatchObject({
      from: "2024-02-10",
      to: "2024-02-10",
    });
  });

  it("changes only the part of the days that changed when articles are added", () => {
    const before = partitionSearchIndex(yearly(1996, 2025, 100), 500);
    const after = partitionSearchIndex([...yearly(1996, 2025, 100), ...articles({ "2025-12-31": 5 })], 500);
    const changedParts = (parts: SearchPart[]) =>
      names(parts.filter((part) => !before.some((old) => JSON.stringify(old) === JSON.stringify(part))));
    expect(changedParts(after)).toEqual(["2025-07-2025-12"]);
    // A part that grows past the limit splits; the others stay as they were.
    const grown = partitionSearchIndex([...yearly(1996, 2025, 100), ...articles({ "2025-06-01": 450 })], 500);
    expect(names(grown)).toEqual([
      "2025-07-2025-12",
      "2025-04-2025-06",
      "2025-01-2025-03",
      ...names(before).slice(2),
    ]);
    expect(changedParts(grown)).toEqual(["2025-04-2025-06", "2025-01-2025-03"]);
  });

  it("keeps the parts of a build of some years inside them", () => {
    const parts = partitionSearchIndex(yearly(1996, 2025, 100), 999, { from: 2006, to: 2015 });
    expect(names(parts)).toEqual(["2008-2015", "2006-2007"]);
    expect(parts.every((p) => p.from >= "2006-01-01" && p.to <= "2015-12-31")).toBe(true);
    // Its newest part is cut like the others: the archive may go on past its years.
    expect(names(partitionSearchIndex(yearly(1996, 2025, 100), 1000, { from: 2016, to: 2025 }))).toEqual([
      "2016-2025",
    ]);
  });

  it("gives no part to an archive without articles", () => {
    expect(partitionSearchIndex([], 10)).toEqual([]);
  });

  it("refuses what is not a day", () => {
    expect(() => partitionSearchIndex(["2024-3-1"], 10)).toThrow(/Not a day/);
  });
});

describe("partPageGlob", () => {
  it("names the article pages of whole years, months or days", () => {
    expect(partPageGlob({ from: "2016-01-01", to: "2018-12-31" })).toBe(
      "{2016,2017,2018}/[0-9][0-9]/[0-9][0-9]/*/index.html",
    );
    expect(partPageGlob({ from: "2016-01-01", to: "2016-12-31" })).toBe(
      "2016/[0-9][0-9]/[0-9][0-9]/*/index.html",
    );
    expect(partPageGlob({ from: "2024-01-01", to: "2024-06-30" })).toBe(
      "2024/{01,02,03,04,05,06}/[0-9][0-9]/*/index.html",
    );
    expect(partPageGlob({ from: "2024-02-10", to: "2024-02-10" })).toBe("2024/02/10/*/index.html");
  });

  it("agrees with partHoldsDay", () => {
    expect(partHoldsDay({ from: "2024-01-01", to: "2024-06-30" }, "2024-06-30")).toBe(true);
    expect(partHoldsDay({ from: "2024-01-01", to: "2024-06-30" }, "2024-07-01")).toBe(false);
  });
});

describe("parsePartPages", () => {
  it("reads a whole number and refuses anything else", () => {
    expect(parsePartPages(undefined)).toBeGreaterThan(0);
    expect(parsePartPages("25")).toBe(25);
    expect(() => parsePartPages("0")).toThrow(/SEARCH_PART_PAGES/);
    expect(() => parsePartPages("many")).toThrow(/SEARCH_PART_PAGES/);
  });
});
