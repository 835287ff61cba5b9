import { describe, expect, it } from "vitest";
import type { SearchIndexEntry } from "../../../src/lib/build-part";
import { indexesFor, languagesOf, yearSlices } from "../../../src/lib/search-indexes";

const early: SearchIndexEntry = {
  path: "/pagefind/1996-1998/",
  from: "1996-01-01",
  to: "1998-12-31",
  years: [1996, 1998],
  languages: { en: 5 },
};
const late: SearchIndexEntry = {
  path: "/pagefind/1999-2000/",
  from: "1999-01-01",
  to: "2000-12-31",
  years: [1999, 2000],
  languages: { en: 3, ar: 1 },
};
// An index list written before the parts had days.
const whole = { path: "/pagefind/", languages: { en: 8 } } as unknown as SearchIndexEntry;

describe("languagesOf", () => {
  it("adds up each language's pages over the indexes", () => {
    expect(languagesOf([late, early])).toEqual({ en: { page_count: 8 }, ar: { page_count: 1 } });
  });
});

describe("indexesFor", () => {
  it("keeps the indexes holding pages in the language", () => {
    expect(indexesFor([late, early], "ar")).toEqual([late]);
    expect(indexesFor([late, early], "en")).toEqual([late, early]);
  });

  it("falls back to the first index, so a search can still start", () => {
    expect(indexesFor([late, early], "fr")).toEqual([late]);
  });
});

describe("yearSlices", () => {
  it("searches the newest part's years first for newest first, the oldest's for oldest first", () => {
    expect(yearSlices([early, late], "desc", [])).toEqual([
      ["1999", "2000"],
      ["1996", "1997", "1998"],
    ]);
    expect(yearSlices([late, early], "asc", [])).toEqual([
      ["1996", "1997", "1998"],
      ["1999", "2000"],
    ]);
  });

  it("keeps the years the reader chose, and skips a part without any", () => {
    expect(yearSlices([early, late], "desc", ["1997", "2000"])).toEqual([["2000"], ["1997"]]);
    expect(yearSlices([early, late], "desc", ["1997"])).toEqual([["1997"]]);
  });

  it("needs no slices for a single index or the whole site's", () => {
    expect(yearSlices([late], "desc", [])).toBeUndefined();
    expect(yearSlices([whole], "asc", [])).toBeUndefined();
  });
});
