import { describe, expect, it } from "vitest";
import type { SearchIndexEntry } from "../../../../src/parts/build-part";
import { createSearchIndexes, type SearchIndexSource } from "../../../../src/search/browser/pagefind-client";
import { fakePagefindModule, type FakePage } from "../../../support/fake-pagefind-browser";

function part(
  path: string,
  years: [number, number],
  languages: Record<string, number>,
  hash?: string,
): SearchIndexEntry {
  return {
    path,
    from: `${years[0]}-01-01`,
    to: `${years[1]}-12-31`,
    years,
    languages,
    ...(hash !== undefined && { hash }),
  };
}

const page = (url: string, title: string, date: string, topic: string): FakePage => ({
  url,
  title,
  date,
  filters: { topic: [topic] },
});

const late = part("/pagefind/2020-2025/", [2020, 2025], { en: 2, de: 1 }, "aaaa");
const early = part("/pagefind/2010-2019/", [2010, 2019], { en: 2 }, "bbbb");
const PAGES = {
  "/pagefind/2020-2025/": [
    page("/2024/harbour/", "Harbour light returns", "2024-05-02", "Transport"),
    page("/2021/ferry/", "Ferry timetable", "2021-03-01", "Transport"),
  ],
  "/pagefind/2010-2019/": [
    page("/2018/harbour-fire/", "Fire at the old harbour", "2018-07-09", "Fire"),
    page("/2012/market/", "Market day", "2012-10-10", "Trade"),
  ],
};

function indexesOver(list: SearchIndexEntry[]) {
  const { module, calls } = fakePagefindModule(PAGES);
  const loaded: string[] = [];
  const languages: string[] = [];
  let reads = 0;
  const source: SearchIndexSource = {
    readList: async () => {
      reads += 1;
      return { indexes: list };
    },
    loadPagefind: async (url) => {
      loaded.push(url);
      return module;
    },
    asLanguage: (language, create) => {
      languages.push(language);
      return create();
    },
  };
  return { indexes: createSearchIndexes(source, "highlight"), calls, loaded, languages, reads: () => reads };
}

const urls = async (response: Promise<{ results: { data(): Promise<{ url: string }> }[] }>) =>
  Promise.all((await response).results.map(async (result) => (await result.data()).url));

describe("the search page's indexes", () => {
  it("reads the list once and counts every language's pages across the parts", async () => {
    const { indexes, reads } = indexesOver([late, early]);
    expect(await indexes.languages()).toEqual({ en: { page_count: 4 }, de: { page_count: 1 } });
    expect((await indexes.language("de")).parts).toEqual([late]);
    expect(reads()).toBe(1);
  });

  it("refuses an empty index list", async () => {
    const { indexes } = indexesOver([]);
    await expect(indexes.languages()).rejects.toThrow("The search index list is empty");
  });

  it("loads Pagefind once, from the first part a search needs, and merges no part before it is needed", async () => {
    const { indexes, calls, loaded, languages } = indexesOver([late, early]);
    const en = await indexes.language("en");
    expect(await urls(indexes.search(en, [late], "harbour", {}))).toEqual(["/2024/harbour/"]);
    expect(loaded).toEqual(["/pagefind/2020-2025/pagefind.js"]);
    // Pagefind reads the language from the document when an instance is created.
    expect(languages).toEqual(["en"]);
    expect(calls[0]).toEqual({
      kind: "create",
      basePath: "/pagefind/2020-2025/",
      options: {
        baseUrl: "/",
        highlightParam: "highlight",
        metaCacheTag: "aaaa",
        mergeFilter: { _part: late.path },
      },
    });
    expect(calls.filter((call) => call.kind === "merge")).toEqual([]);
    await indexes.search(en, [late, early], "harbour", {});
    await indexes.search(en, [early], "harbour", {});
    expect(
      calls.filter((call) => call.kind === "merge").map((call) => call.kind === "merge" && call.path),
    ).toEqual(["/pagefind/2010-2019/"]);
    expect(calls.filter((call) => call.kind === "create")).toHaveLength(1);
  });

  it("limits a search to the parts asked for, and ranks them together by relevance", async () => {
    const { indexes, calls } = indexesOver([late, early]);
    const en = await indexes.language("en");
    await indexes.search(en, [late, early], "harbour", {});
    const limited = await urls(indexes.search(en, [early], "harbour", {}));
    expect(limited).toEqual(["/2018/harbour-fire/"]);
    expect(await urls(indexes.search(en, [late, early], "harbour", {}))).toEqual([
      "/2024/harbour/",
      "/2018/harbour-fire/",
    ]);
    const searched = calls.filter((call) => call.kind === "search");
    expect(searched.at(-1)).toMatchObject({
      options: { filters: { _part: { any: [late.path, early.path] } } },
    });
  });

  it("in date order, searches each part in turn and keeps their results one part after another", async () => {
    const { indexes, calls } = indexesOver([late, early]);
    const en = await indexes.language("en");
    const before = calls.length;
    const response = indexes.search(en, [early, late], null, { sort: { date: "asc" } });
    expect(await urls(response)).toEqual([
      "/2012/market/",
      "/2018/harbour-fire/",
      "/2021/ferry/",
      "/2024/harbour/",
    ]);
    expect(calls.slice(before).filter((call) => call.kind === "search")).toHaveLength(2);
  });

  it("adds up the filter counts of the parts, leaving out the part filter", async () => {
    const { indexes } = indexesOver([late, early]);
    const en = await indexes.language("en");
    const { filters } = await indexes.search(en, [late, early], null, { sort: { date: "desc" } });
    expect(filters).toEqual({ topic: { Transport: 2, Fire: 1, Trade: 1 } });
  });

  it("gives a site with one index no part filter", async () => {
    const { indexes, calls } = indexesOver([part("/pagefind/", [2010, 2025], { en: 4 })]);
    const en = await indexes.language("en");
    await indexes.search(en, en.parts, null, {});
    expect(calls[0]).toEqual({
      kind: "create",
      basePath: "/pagefind/",
      options: { baseUrl: "/", highlightParam: "highlight" },
    });
    expect(calls[1]).toEqual({ kind: "search", term: null, options: {} });
  });
});
