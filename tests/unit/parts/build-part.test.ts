import { describe, expect, it } from "vitest";
import {
  buildsAllYearsPages,
  buildsSearchIndex,
  buildsYear,
  isYearPartFile,
  parseArchiveYears,
  partName,
  searchIndexListFile,
} from "../../../src/parts/build-part";

describe("parseArchiveYears", () => {
  it.each([
    [undefined, { kind: "whole" }],
    ["", { kind: "whole" }],
    ["  ", { kind: "whole" }],
    ["none", { kind: "all-years" }],
    ["2016", { kind: "years", from: 2016, to: 2016 }],
    ["1996-2005", { kind: "years", from: 1996, to: 2005 }],
    [" 1996-2005 ", { kind: "years", from: 1996, to: 2005 }],
  ])("%j → %j", (value, part) => {
    expect(parseArchiveYears(value)).toEqual(part);
  });

  it.each(["2005-1996", "96-05", "1996–2005", "1996..2005", "all", "1996,1997", "1996-"])(
    "refuses %j, saying what it takes",
    (value) => {
      expect(() => parseArchiveYears(value)).toThrow(
        `ARCHIVE_YEARS must be a year (2016), a range of years, earliest first (1996-2005), or "none" for the pages that span all years; got "${value}"`,
      );
    },
  );
});

describe("what a part builds", () => {
  const years = parseArchiveYears("1996-2005");
  const allYears = parseArchiveYears("none");
  const whole = parseArchiveYears(undefined);

  it("builds a year's pages in the whole site and in the part of its range only", () => {
    expect([1995, 1996, 2005, 2006].map((y) => buildsYear(years, y))).toEqual([false, true, true, false]);
    expect(buildsYear(whole, 1700)).toBe(true);
    expect(buildsYear(allYears, 2000)).toBe(false);
  });

  it("builds the pages spanning all years in the whole site and the all-years part", () => {
    expect([whole, years, allYears].map(buildsAllYearsPages)).toEqual([true, false, true]);
    expect([whole, years, allYears].map(buildsSearchIndex)).toEqual([true, true, false]);
  });

  it("names the parts and their search index folders", () => {
    expect([whole, years, allYears, parseArchiveYears("2016")].map(partName)).toEqual([
      "whole",
      "1996-2005",
      "all-years",
      "2016",
    ]);
    expect(searchIndexListFile(whole)).toBe("pagefind/indexes.json");
    expect(searchIndexListFile(years)).toBe("pagefind/indexes-1996-2005.json");
  });

  it("keeps in a year part only its years' pages, its index and the shared assets", () => {
    const part = { kind: "years", from: 1996, to: 2005 } as const;
    const kept = (file: string) => isYearPartFile(part, file, "_astro");
    expect(kept("1996/01/02/harbour/index.html")).toBe(true);
    expect(kept("archive/2005/12/page/2/index.html")).toBe(true);
    expect(kept("pagefind/1996-1999/pagefind.js")).toBe(true);
    expect(kept("pagefind/2004-2005/index/en_1.pf_index")).toBe(true);
    expect(kept("pagefind/indexes-1996-2005.json")).toBe(true);
    expect(kept("pagefind/pagefind-highlight.js")).toBe(true);
    expect(kept("_astro/global.abc123.css")).toBe(true);
    expect(kept("2006/01/02/harbour/index.html")).toBe(false);
    expect(kept("archive/index.html")).toBe(false);
    expect(kept("index.html")).toBe(false);
    expect(kept("rss.xml")).toBe(false);
    expect(kept("pagefind/2006-2015/pagefind.js")).toBe(false);
  });
});
