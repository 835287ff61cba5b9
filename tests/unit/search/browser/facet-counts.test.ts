import { describe, expect, it } from "vitest";
import type { SearchIndexEntry } from "../../../../src/parts/build-part";
import { createSearchIndexes } from "../../../../src/search/browser/pagefind-client";
import { countFacets, needsCounts, stageCounts } from "../../../../src/search/browser/facet-counts";
import { parseSearchState } from "../../../../src/search/state";
import type { FacetKey } from "../../../../src/search/filters";
import { fakePagefindModule, type FakePage } from "../../../support/fake-pagefind-browser";

const entry = (path: string, year: number): SearchIndexEntry => ({
  path,
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  years: [year, year],
  languages: { en: 2 },
});
const page = (url: string, title: string, topic: string, place: string): FakePage => ({
  url,
  title,
  date: url.slice(1, 11),
  filters: { topic: [topic], place: [place] },
});
const y2024 = entry("/pagefind/2024/", 2024);
const y2023 = entry("/pagefind/2023/", 2023);

async function setUp() {
  const { module, calls } = fakePagefindModule({
    [y2024.path]: [
      page("/2024/05/02/a/", "Harbour light", "Transport", "Kellsport"),
      page("/2024/06/02/b/", "Harbour fees", "Trade", "Kellsport"),
    ],
    [y2023.path]: [
      page("/2023/01/02/c/", "Harbour fire", "Fire", "Brenmouth"),
      page("/2023/02/02/d/", "Market day", "Trade", "Brenmouth"),
    ],
  });
  const indexes = createSearchIndexes(
    {
      readList: async () => ({ indexes: [y2024, y2023] }),
      loadPagefind: async () => module,
      asLanguage: (_language, create) => create(),
    },
    "highlight",
  );
  return { indexes, index: await indexes.language("en"), calls };
}

const view = (query: string) => parseSearchState(new URLSearchParams(query));
const open = (...keys: FacetKey[]) => new Set<FacetKey>(keys);

describe("filter counts", () => {
  it("counts only the open filters, each value with the other filters applied and its own not", async () => {
    const { indexes, index } = await setUp();
    const counts = await countFacets(
      indexes,
      index,
      [y2024, y2023],
      view("q=harbour&topic=Trade"),
      open("topic", "place"),
      undefined,
    );
    // The topic list shows what each topic would give for "harbour"; the places are counted
    // within the chosen topic.
    expect(counts).toEqual({
      topic: { Transport: 1, Trade: 1, Fire: 1 },
      place: { Kellsport: 1 },
    });
  });

  it("loads the value lists of the open filters that the search has not loaded", async () => {
    const { indexes, index, calls } = await setUp();
    await countFacets(indexes, index, [y2024], view("q=harbour"), open("place"), undefined);
    expect(calls.filter((call) => call.kind === "preload")).toEqual([
      { kind: "preload", filters: ["place"] },
    ]);
  });

  it("counts nothing already counted, and nothing when no filter is open", async () => {
    const { indexes, index } = await setUp();
    expect(await countFacets(indexes, index, [y2024], view(""), open(), undefined)).toEqual({});
    expect(
      await countFacets(indexes, index, [y2024], view(""), open("topic"), undefined, { topic: { Trade: 1 } }),
    ).toEqual({});
  });

  it("adds up the counts of the stages, and tells when a stage has not counted an open filter", () => {
    const stages = [
      { parts: [y2024], counts: { topic: { Trade: 1, Transport: 1 } } },
      { parts: [y2023], counts: { topic: { Trade: 1, Fire: 1 } } },
    ];
    expect(stageCounts(stages, open("topic"))).toEqual({ topic: { Trade: 2, Transport: 1, Fire: 1 } });
    expect(stageCounts(stages, open("topic", "place"))).toEqual({
      topic: { Trade: 2, Transport: 1, Fire: 1 },
    });
    expect(needsCounts(stages, open("topic"))).toBe(false);
    expect(needsCounts(stages, open("topic", "place"))).toBe(true);
  });
});
