import { describe, expect, it } from "vitest";
import type { SearchIndexEntry } from "../../../src/parts/build-part";
import { indexesFor, languagesOf, searchIndexEntry } from "../../../src/search/indexes";

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

describe("searchIndexEntry", () => {
  it("describes a part's index for the search page", () => {
    const part = { name: "1996-2005", from: "1996-01-01", to: "2005-12-31" };
    expect(
      searchIndexEntry(part, { en: { page_count: 40 }, ar: { page_count: 2 } }, "0123456789abcdef0123"),
    ).toEqual({
      path: "/pagefind/1996-2005/",
      from: "1996-01-01",
      to: "2005-12-31",
      years: [1996, 2005],
      languages: { en: 40, ar: 2 },
      hash: "0123456789abcdef",
    });
    expect(
      searchIndexEntry({ name: "2024-03", from: "2024-03-01", to: "2024-03-31" }, { en: { page_count: 3 } }),
    ).toEqual({
      path: "/pagefind/2024-03/",
      from: "2024-03-01",
      to: "2024-03-31",
      years: [2024, 2024],
      languages: { en: 3 },
    });
  });
});
