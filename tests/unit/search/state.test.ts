import { describe, expect, it } from "vitest";
import {
  effectiveSort,
  emptySelection,
  MAX_PAGES,
  pagefindFilters,
  pagefindSort,
  parseSearchState,
  searchStateParams,
} from "../../../src/search/state";

const parse = (query: string) => parseSearchState(new URLSearchParams(query));

describe("parseSearchState", () => {
  it("reads words, filters, order, page and language from the address", () => {
    const state = parse(
      "q=+tidewater+&topic=floods&topic=elections&year=2020&sort=oldest&page=3&lang=zh-Hans",
    );
    expect(state).toEqual({
      query: "tidewater",
      filters: { ...emptySelection(), topic: ["floods", "elections"], year: ["2020"] },
      sort: "oldest",
      pages: 3,
      language: "zh-hans",
      from: undefined,
      to: undefined,
    });
  });

  it("reads a date range, either end open, turned round when given backwards", () => {
    expect(parse("from=2016-01-01&to=2016-06-30")).toMatchObject({ from: "2016-01-01", to: "2016-06-30" });
    expect(parse("to=2016-01-01&from=2024-12-31")).toMatchObject({ from: "2016-01-01", to: "2024-12-31" });
    expect(parse("from=2016-02-30&to=June")).toMatchObject({ from: undefined, to: undefined });
    expect(parse("to=2019-05-02")).toMatchObject({ from: undefined, to: "2019-05-02" });
  });

  it("takes author as another name for byline, and drops empty and repeated values", () => {
    expect(parse("author=Ines+Carvalho&byline=Ines+Carvalho&place=").filters).toEqual({
      ...emptySelection(),
      byline: ["Ines Carvalho"],
    });
  });

  it("ignores an unknown order, a page that is not a whole number above 1, and unknown keys", () => {
    expect(parse("sort=random&page=-2&colour=red")).toEqual({
      query: "",
      filters: emptySelection(),
      sort: undefined,
      pages: 1,
      language: undefined,
      from: undefined,
      to: undefined,
    });
    expect(parse("page=2.5").pages).toBe(1);
    expect(parse("page=100000").pages).toBe(MAX_PAGES);
  });
});

describe("searchStateParams", () => {
  it("writes a fixed order without defaults, so that one view has one address", () => {
    const state = parse("page=2&sort=newest&year=2020&topic=floods&q=tidewater");
    expect(searchStateParams(state).toString()).toBe("q=tidewater&topic=floods&year=2020&sort=newest&page=2");
    expect(searchStateParams(parse("q=tidewater&sort=relevance&page=1")).toString()).toBe("q=tidewater");
    expect(searchStateParams(parse("sort=newest")).toString()).toBe("");
  });

  it("round-trips every state it writes", () => {
    for (const query of [
      "q=a+b&lang=ar&byline=%D8%B3&sort=oldest",
      "topic=x&topic=y&from=2016-01-01&to=2016-12-31&page=4",
      "",
    ]) {
      const state = parse(query);
      expect(parse(searchStateParams(state).toString())).toEqual(state);
    }
  });
});

describe("orders and filters for Pagefind", () => {
  it("ranks by relevance when there are words, else newest first", () => {
    expect(effectiveSort({ query: "x", sort: undefined })).toBe("relevance");
    expect(effectiveSort({ query: "", sort: undefined })).toBe("newest");
    expect(effectiveSort({ query: "", sort: "relevance" })).toBe("newest");
    expect(effectiveSort({ query: "", sort: "oldest" })).toBe("oldest");
    expect(pagefindSort("relevance")).toEqual({});
    expect(pagefindSort("newest")).toEqual({ date: "desc" });
    expect(pagefindSort("oldest")).toEqual({ date: "asc" });
  });

  it("combines values of one filter with any, and leaves out the one being counted", () => {
    const view = {
      filters: { ...emptySelection(), topic: ["floods", "elections"], section: ["Local"] },
      from: undefined,
      to: undefined,
    };
    const span = { from: "2014-01-01", to: "2024-12-31" };
    expect(pagefindFilters(view, span)).toEqual({
      topic: { any: ["floods", "elections"] },
      section: { any: ["Local"] },
    });
    expect(pagefindFilters(view, span, "topic")).toEqual({ section: { any: ["Local"] } });
  });

  it("adds a date range as whole years or single days, kept when a filter is counted", () => {
    const view = { filters: { ...emptySelection(), year: ["2016"] }, from: "2015-12-30", to: "2017-01-01" };
    const range = {
      any: [{ year: { any: ["2016"] } }, { day: { any: ["2015-12-30", "2015-12-31", "2017-01-01"] } }],
    };
    const span = { from: "2014-01-01", to: "2024-12-31" };
    expect(pagefindFilters(view, span)).toEqual({ year: { any: ["2016"] }, ...range });
    expect(pagefindFilters(view, span, "year")).toEqual(range);
  });
});
