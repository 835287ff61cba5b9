import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { axeViolations, collectPageProblems, launchBrowser } from "../support/browser";

// The search index is written in parts, each a Pagefind bundle in a folder of its own under pagefind/.
const PAGEFIND_JS = /^\/archive\/pagefind\/(?:[^/]+\/)?pagefind\.js$/;
const INDEX_FILE = (kind: "fragment" | "filter"): RegExp => new RegExp(`/pagefind/(?:[^/]+/)?${kind}/`);

// The search fixture site (tests/fixtures/search/articles), two results a batch. Its articles,
// newest first; the draft ("An unfinished tidewater piece") must never appear.
const NIGHT_TRAINS = "Night trains return to the coast line"; // 2022, transport, Ines Carvalho
const DEBATE = "Candidates debate flood defences"; // 2021, elections + floods, Politics
const BARRIER = "Tidewater barrier holds through the storm"; // 2020, floods, Local, lead image
const MARKET = "Floodwater reaches the Oldmere market"; // 2020, floods, Local, lead image
const BYPASS = "Council votes on the Pellham bypass"; // 2019, transport + elections, Politics
const FERRY = "Ferry timetable changes at Oldmere"; // 2018, transport, Local
const GALES = "Coastal towns count the cost of the March gales"; // 2017, eleven places, nothing else
const LIBRARY = "旧港图书馆重新开放"; // 2021, zh-Hans

// What a result shows when browsed without words: the article's opening words.
const OPENINGS: Record<string, string> = {
  [NIGHT_TRAINS]:
    "The operator restored two night services along the coast, with a stop at the tidewater halt that closed in the spring.",
  [DEBATE]: "The three candidates for the Pellham seat argued over who would pay for higher river walls.",
  [BARRIER]:
    "The tidewater barrier closed at dawn and held back the surge for six hours. Engineers said the tidewater reached its highest mark since the barrier opened,…",
  [MARKET]:
    "Stallholders carried their crates to higher ground as the river rose over the cobbles of the square.",
  [GALES]:
    "Surveyors visited eleven harbours along the coast to list roofs, sea walls and boats damaged by the gales.",
};

const siteUrl = inject("searchSiteUrl");
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleProblems: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ locale: "en-GB" });
  page = await context.newPage();
  consoleProblems = await collectPageProblems(page);
});
afterEach(async () => {
  await context.close();
  expect(consoleProblems).toEqual([]);
});

/** Polls like expect.poll, with room for a busy machine: the first search loads Pagefind and its index. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const at = (path: string): string => new URL(path, siteUrl).href;
const status = () => page.locator("#search-status");
const titles = () => page.locator("#search-results .result__title a").allTextContents();
const searchAddress = () => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

/** Waits until the search page has announced a finished search, and returns the announcement. */
async function settled(): Promise<string> {
  await poll(async () => (await status().textContent()) ?? "").toMatch(/[^…]$/);
  return (await status().textContent()) ?? "";
}

async function openSearch(query: string): Promise<string> {
  await page.goto(at(`search/${query}`));
  return settled();
}

/** The checkbox labels of one filter, "value (count)". */
async function facet(name: string): Promise<string[]> {
  const set = page.locator("details.facet-group").filter({ has: page.locator("summary", { hasText: name }) });
  return set.locator("label").allTextContents();
}

/** Opens one filter's list, as a reader does, and waits for its values. */
async function openFacet(label: string): Promise<void> {
  await page.locator("#search-facets summary", { hasText: label }).click();
  await poll(async () => (await facet(label)).length).toBeGreaterThan(0);
}

describe("searching", () => {
  it("finds the articles with the words, best match first, with marked excerpts, and shows more on demand", async () => {
    expect(await openSearch("?q=tidewater")).toBe("4 results for “tidewater”");
    expect(await titles()).toEqual([BARRIER, expect.any(String)]);
    const first = page.locator("#search-results > li").first();
    expect(await first.locator(".result__meta").textContent()).toBe(
      "30 September 2020 · Pellham · By Amara Osei",
    );
    expect(
      (await first.locator(".result__excerpt mark").allTextContents()).map((m) => m.toLowerCase()),
    ).toContain("tidewater");
    const thumb = first.locator("img.result__thumb");
    expect(await thumb.getAttribute("alt")).toBe("");
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);

    await page.getByRole("button", { name: "Show more results" }).click();
    await poll(titles).toHaveLength(4);
    expect([...(await titles())].sort()).toEqual([BARRIER, BYPASS, FERRY, NIGHT_TRAINS].sort());
    expect(searchAddress()).toBe("/archive/search/?q=tidewater&lang=en&page=2");
    expect(await page.getByRole("button", { name: "Show more results" }).isHidden()).toBe(true);
    // Only the article with a lead image among them shows a thumbnail.
    expect(await page.locator("#search-results img").count()).toBe(1);
  });

  it("excerpts the story's own words: never the headline, byline, agency, dateline or date line", async () => {
    const META =
      /Amara Osei|Ines Carvalho|Tomasz Wójcik|Coastline News|Northbay Press|\b(19|20)\d\d\b|UTC|\bBy\b/;
    for (const words of ["tidewater", "Oldmere", "Pellham", "flood", "coast", "Wójcik"]) {
      await openSearch(`?q=${encodeURIComponent(words)}&page=3`);
      const shown = await page.locator("#search-results > li").evaluateAll((items) =>
        items.map((item) => ({
          title: item.querySelector(".result__title")?.textContent ?? "",
          excerpt: item.querySelector(".result__excerpt")?.textContent ?? "",
        })),
      );
      expect(shown.length, words).toBeGreaterThan(0);
      for (const { title, excerpt } of shown) {
        expect(excerpt, `${words}: ${title}`).not.toMatch(META);
        expect(excerpt, `${words}: ${title}`).not.toContain(title);
        expect(excerpt.length, `${words}: ${title}`).toBeGreaterThan(20);
      }
    }
    // A reporter is still found by name; the result shows the story, not the byline.
    await openSearch("?q=Osei");
    const barrier = page.locator("#search-results > li").filter({ hasText: BARRIER });
    expect(await barrier.locator(".result__excerpt").textContent()).toBe(OPENINGS[BARRIER]);
  });

  it("adds each batch once, however quickly “Show more results” is pressed", async () => {
    expect(await openSearch("?q=tidewater")).toBe("4 results for “tidewater”");
    await page.locator("#search-more").evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await poll(() => page.locator("#search-more").isHidden()).toBe(true);
    await page.waitForLoadState("networkidle");
    expect([...(await titles())].sort()).toEqual([BARRIER, BYPASS, FERRY, NIGHT_TRAINS].sort());
    expect(searchAddress()).toBe("/archive/search/?q=tidewater&lang=en&page=2");
  });

  it("never finds or counts a draft", async () => {
    expect(await openSearch("?q=unfinished")).toBe("No articles match “unfinished”.");
    expect(await openSearch("?q=tidewater&page=3")).toBe("4 results for “tidewater”");
    expect(await titles()).not.toContain("An unfinished tidewater piece");
    expect(await openSearch("")).toBe("7 articles in English, newest first");
    await openFacet("Byline");
    await openFacet("Topic");
    expect(await facet("Byline")).toContain("Ines Carvalho (3)");
    expect((await facet("Topic")).sort()).toEqual(["elections (2)", "floods (3)", "transport (3)"]);
  });
});

describe("filters", () => {
  const cases: [string, string, string[]][] = [
    ["topic", "floods", [DEBATE, BARRIER, MARKET]],
    ["year", "2020", [BARRIER, MARKET]],
    ["byline", "Ines Carvalho", [NIGHT_TRAINS, BYPASS, FERRY]],
    ["agency", "Northbay Press", [NIGHT_TRAINS, MARKET, FERRY]],
    ["place", "Pellham", [DEBATE, BARRIER, BYPASS]],
    ["section", "Politics", [DEBATE, BYPASS]],
  ];
  for (const [key, value, expected] of cases) {
    it(`browses by ${key} without words, newest first`, async () => {
      const query = new URLSearchParams({ [key]: value, page: "2" });
      expect(await openSearch(`?${query}`)).toBe(
        `${expected.length} ${expected.length === 1 ? "article matches" : "articles match"} these filters`,
      );
      expect(await titles()).toEqual(expected);
      // With no words to excerpt around, a result shows the article's opening words, not its header again.
      expect(await page.locator("#search-results .result__excerpt").first().textContent()).toBe(
        OPENINGS[expected[0]!],
      );
      expect(await page.getByRole("checkbox", { name: `${value} (${expected.length})` }).isChecked()).toBe(
        true,
      );
      // Without words there is nothing to mark on the article.
      const href = await page.getByRole("link", { name: expected[0]! }).getAttribute("href");
      expect(href).toMatch(/^\/archive\/\d{4}\/\d{2}\/\d{2}\/[a-z-]+\/$/);
    });
  }

  it("combines values of one filter with OR and different filters with AND, counting what each would give", async () => {
    await openSearch("");
    await openFacet("Topic");
    await openFacet("Byline");
    await openFacet("Section");
    await page.getByRole("checkbox", { name: "floods (3)" }).check();
    await poll(searchAddress).toBe("/archive/search/?lang=en&topic=floods");
    expect(await settled()).toBe("3 articles match these filters");
    // Another topic adds its articles; the other filters count within the chosen topics.
    expect(await facet("Topic")).toEqual(["floods (3)", "transport (3)", "elections (2)"]);
    expect(await facet("Byline")).toEqual(["Amara Osei (2)", "Tomasz Wójcik (1)"]);
    await page.getByRole("checkbox", { name: "elections (2)" }).check();
    await poll(searchAddress).toBe("/archive/search/?lang=en&topic=floods&topic=elections");
    expect(await settled()).toBe("4 articles match these filters");
    await page.getByRole("checkbox", { name: "Local (2)" }).check();
    await poll(searchAddress).toBe("/archive/search/?lang=en&topic=floods&topic=elections&section=Local");
    expect(await settled()).toBe("2 articles match these filters");
    expect(await titles()).toEqual([BARRIER, MARKET]);
  });

  it("shows the most frequent values of a long filter until all are asked for, and never hides a chosen one", async () => {
    await openSearch("");
    await openFacet("Place");
    const place = page.getByRole("group", { name: "Place" });
    expect(await facet("Place")).toHaveLength(10);
    expect((await facet("Place")).slice(0, 3)).toEqual(["Oldmere (3)", "Pellham (3)", "Ardley (1)"]);
    const toggle = place.getByRole("button", { name: "Show all 14" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    expect(await facet("Place")).toHaveLength(14);
    const fewer = place.getByRole("button", { name: "Show fewer" });
    expect(await fewer.getAttribute("aria-expanded")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Show fewer");
    await page.getByRole("checkbox", { name: "Kettleby (1)" }).check();
    await poll(searchAddress).toBe("/archive/search/?lang=en&place=Kettleby");
    expect(await settled()).toBe("1 article matches these filters");
    expect(await titles()).toEqual([GALES]);
    await place.getByRole("button", { name: "Show fewer" }).click();
    expect(await facet("Place")).toHaveLength(11);
    expect(await page.getByRole("checkbox", { name: "Kettleby (1)" }).isChecked()).toBe(true);
  });

  it("narrows a search by words", async () => {
    expect(await openSearch("?q=tidewater&topic=transport&page=2")).toBe("3 results for “tidewater”");
    expect([...(await titles())].sort()).toEqual([BYPASS, FERRY, NIGHT_TRAINS].sort());
    expect(await facet("Topic")).toEqual(["transport (3)", "elections (1)", "floods (1)"]);
  });
});

describe("did you mean", () => {
  it("offers the index's closest word for one it lacks, and searches it when followed", async () => {
    expect(await openSearch("?q=tidwater")).toBe("No articles match “tidwater”.");
    const offer = page.locator("#search-suggestion");
    expect(await offer.textContent()).toBe("Did you mean tidewater?");
    await offer.getByRole("link", { name: "tidewater" }).click();
    await poll(searchAddress).toBe("/archive/search/?q=tidewater&lang=en");
    expect(await settled()).toBe("4 results for “tidewater”");
    expect(await offer.isHidden()).toBe(true);
  });

  it("offers nothing for known words or words with nothing close", async () => {
    expect(await openSearch("?q=ferry")).toMatch(/^\d+ results? for “ferry”$/);
    expect(await page.locator("#search-suggestion").isHidden()).toBe(true);
    expect(await openSearch("?q=qqqzzzx")).toBe("No articles match “qqqzzzx”.");
    expect(await page.locator("#search-suggestion").isHidden()).toBe(true);
  });
});

describe("date range", () => {
  it("keeps the articles written from one day to another, both included, and clears with Any date", async () => {
    expect(await openSearch("?from=2019-07-19&to=2020-09-29")).toBe("2 articles match these filters");
    expect(await titles()).toEqual([MARKET, BYPASS]);
    expect(await page.getByLabel("From").inputValue()).toBe("2019-07-19");
    expect(await page.getByLabel("To", { exact: true }).inputValue()).toBe("2020-09-29");
    // The years counted are those of the range.
    await openFacet("Year");
    expect(await facet("Year")).toEqual(["2020 (1)", "2019 (1)"]);
    await page.getByLabel("To", { exact: true }).fill("2022-12-31");
    await poll(searchAddress).toBe("/archive/search/?lang=en&from=2019-07-19&to=2022-12-31");
    expect(await settled()).toBe("5 articles match these filters");
    // Two a batch: the newest of the five.
    expect(await titles()).toEqual([NIGHT_TRAINS, DEBATE]);
    await page.getByRole("button", { name: "Any date" }).click();
    await poll(searchAddress).toBe("/archive/search/?lang=en");
    expect(await settled()).toBe("7 articles in English, newest first");
    expect(await page.getByLabel("From").inputValue()).toBe("");
    expect(await page.getByRole("button", { name: "Any date" }).isHidden()).toBe(true);
  });

  it("narrows words to a range, and finds nothing outside the archive's days", async () => {
    expect(await openSearch("?q=tidewater&from=2020-01-01")).toBe("2 results for “tidewater”");
    expect([...(await titles())].sort()).toEqual([BARRIER, NIGHT_TRAINS].sort());
    expect(await openSearch("?q=tidewater&to=1999-12-31")).toBe("No articles match “tidewater”.");
  });
});

describe("order", () => {
  it("sorts by date either way, newest first by default without words", async () => {
    await openSearch("?q=tidewater&page=2");
    await page.getByLabel("Sort by").selectOption("newest");
    await poll(searchAddress).toBe("/archive/search/?q=tidewater&lang=en&sort=newest");
    expect(await settled()).toBe("4 results for “tidewater”");
    await page.getByRole("button", { name: "Show more results" }).click();
    await poll(titles).toEqual([NIGHT_TRAINS, BARRIER, BYPASS, FERRY]);
    await page.getByLabel("Sort by").selectOption("oldest");
    await poll(searchAddress).toBe("/archive/search/?q=tidewater&lang=en&sort=oldest");
    await settled();
    await page.getByRole("button", { name: "Show more results" }).click();
    await poll(titles).toEqual([FERRY, BYPASS, BARRIER, NIGHT_TRAINS]);

    expect(await openSearch("?sort=oldest&page=4")).toBe("7 articles in English, oldest first");
    expect(await titles()).toEqual([GALES, FERRY, BYPASS, MARKET, BARRIER, DEBATE, NIGHT_TRAINS]);
    expect(await openSearch("?page=4")).toBe("7 articles in English, newest first");
    expect(await titles()).toEqual([NIGHT_TRAINS, DEBATE, BARRIER, MARKET, BYPASS, FERRY, GALES]);
    expect(await page.getByLabel("Sort by").inputValue()).toBe("newest");
    expect(await page.locator('#search-sort option[value="relevance"]').isDisabled()).toBe(true);
  });
});

describe("before anything is asked", () => {
  /** What each listed result shows: link, address, facts, excerpt and thumbnail. */
  const shown = (from: Page) =>
    from.locator("#search-results > li").evaluateAll((items) =>
      items.map((item) => ({
        title: item.querySelector(".result__title a")?.textContent,
        href: item.querySelector(".result__title a")?.getAttribute("href"),
        meta: item.querySelector(".result__meta")?.textContent,
        excerpt: item.querySelector(".result__excerpt")?.textContent,
        thumb: item.querySelector("img")?.getAttribute("src") ?? null,
      })),
    );

  it("lists the newest articles without asking the index, as the index would list them", async () => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    expect(await openSearch("")).toBe("7 articles in English, newest first");
    await page.waitForLoadState("networkidle");
    expect(await titles()).toEqual([NIGHT_TRAINS, DEBATE]);
    expect(searchAddress()).toBe("/archive/search/?lang=en");
    // The index shows a result from its fragment files; none was needed.
    expect(requested.filter((path) => INDEX_FILE("fragment").test(path))).toEqual([]);
    const written = await shown(page);
    expect(written[1]!.excerpt).toBe(OPENINGS[DEBATE]);

    // "Show more" asks the index, which shows the same two first and the next two.
    await page.getByRole("button", { name: "Show more results" }).click();
    await poll(titles).toEqual([NIGHT_TRAINS, DEBATE, BARRIER, MARKET]);
    expect(searchAddress()).toBe("/archive/search/?lang=en&page=2");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(BARRIER);
    expect((await shown(page)).slice(0, 2)).toEqual(written);
    expect(requested.some((path) => PAGEFIND_JS.test(path))).toBe(true);
  });

  it("is the same list for a reader without JavaScript", async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
    const reader = await noScript.newPage();
    await reader.goto(at("search/"));
    const expected = await shown(reader);
    expect(await reader.locator("#search-status").textContent()).toBe("7 articles in English, newest first");
    await noScript.close();
    expect(await openSearch("?page=2")).toBe("7 articles in English, newest first");
    expect((await shown(page)).slice(0, 2)).toEqual(expected);
  });

  it("loads the index meanwhile, so that a first search does not wait for it", async () => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await openSearch("");
    await poll(() => requested.filter((path) => /\.pf_meta$|\/wasm\.en\.pagefind$/.test(path)).length).toBe(
      2,
    );
    expect(await titles()).toEqual([NIGHT_TRAINS, DEBATE]);
    expect(await status().textContent()).toBe("7 articles in English, newest first");
  });
});

describe("the address", () => {
  it("reproduces the same view when reloaded or shared", async () => {
    await openSearch("");
    await page.locator("#page-search-q").fill("tidewater");
    await page.keyboard.press("Enter");
    await poll(searchAddress).toBe("/archive/search/?q=tidewater&lang=en");
    await settled();
    await openFacet("Topic");
    await page.getByRole("checkbox", { name: "transport (3)" }).check();
    await poll(searchAddress).toBe("/archive/search/?q=tidewater&lang=en&topic=transport");
    await settled();
    await page.getByLabel("Sort by").selectOption("oldest");
    await poll(searchAddress).toBe("/archive/search/?q=tidewater&lang=en&topic=transport&sort=oldest");
    await settled();
    await page.getByRole("button", { name: "Show more results" }).click();
    await poll(searchAddress).toBe("/archive/search/?q=tidewater&lang=en&topic=transport&sort=oldest&page=2");
    await poll(titles).toEqual([FERRY, BYPASS, NIGHT_TRAINS]);

    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await poll(() => other.locator("#search-status").textContent()).toBe("3 results for “tidewater”");
    expect(await other.locator("#search-results .result__title a").allTextContents()).toEqual([
      FERRY,
      BYPASS,
      NIGHT_TRAINS,
    ]);
    expect(await other.locator("#page-search-q").inputValue()).toBe("tidewater");
    expect(await other.getByLabel("Sort by").inputValue()).toBe("oldest");
    expect(await other.getByRole("checkbox", { name: "transport (3)" }).isChecked()).toBe(true);
    await other.close();
  });

  it("goes back and forward through earlier views", async () => {
    await openSearch("?q=tidewater");
    // The history list and bookmarks name the search.
    expect(await page.title()).toMatch(/^“tidewater” – Search · /);
    await openFacet("Topic");
    await page.getByRole("checkbox", { name: "transport (3)" }).check();
    await poll(searchAddress).toBe("/archive/search/?q=tidewater&lang=en&topic=transport");
    expect(await settled()).toBe("3 results for “tidewater”");
    await page.goBack();
    await poll(searchAddress).toBe("/archive/search/?q=tidewater&lang=en");
    await poll(() => status().textContent()).toBe("4 results for “tidewater”");
    expect(await page.getByRole("checkbox", { name: "transport (3)" }).isChecked()).toBe(false);
    await page.goForward();
    await poll(() => status().textContent()).toBe("3 results for “tidewater”");
    expect(await page.getByRole("checkbox", { name: "transport (3)" }).isChecked()).toBe(true);
  });

  it("keeps the open filter lists through a reload and Back", async () => {
    const bylineOpen = () =>
      page.locator('details[data-facet="byline"]').evaluate((group: HTMLDetailsElement) => group.open);
    expect(await openSearch("?q=tidewater")).toBe("4 results for “tidewater”");
    await openFacet("Byline");
    await page.reload();
    expect(await settled()).toBe("4 results for “tidewater”");
    await poll(() => facet("Byline")).toEqual(["Ines Carvalho (3)", "Amara Osei (1)", "Tomasz Wójcik (1)"]);

    await openFacet("Topic");
    await page.getByRole("checkbox", { name: "transport (3)" }).check();
    await poll(searchAddress).toBe("/archive/search/?q=tidewater&lang=en&topic=transport");
    expect(await settled()).toBe("3 results for “tidewater”");
    await page.locator("#search-facets summary", { hasText: "Byline" }).click();
    expect(await bylineOpen()).toBe(false);
    // The list's closing is recorded from its toggle event, a moment after the click.
    await poll(() =>
      page.evaluate(() =>
        (history.state as { openFacets?: string[] } | null)?.openFacets?.includes("byline"),
      ),
    ).toBe(false);
    await page.goBack();
    await poll(() => status().textContent()).toBe("4 results for “tidewater”");
    expect(await bylineOpen()).toBe(true);
    await page.goForward();
    await poll(() => status().textContent()).toBe("3 results for “tidewater”");
    expect(await bylineOpen()).toBe(false);
  });
});

describe("arriving at an article from a result", () => {
  it("marks the searched word in the article and scrolls to the first one", async () => {
    await page.setViewportSize({ width: 360, height: 360 });
    await openSearch("?q=tidewater&sort=oldest");
    await page.getByRole("link", { name: FERRY }).click();
    await page.waitForURL(/\/archive\/2018\/03\/04\/ferry-timetable\/\?highlight=tidewater$/);
    const marks = page.locator("article mark.search-highlight");
    await poll(() => marks.count()).toBe(1);
    expect(await marks.first().textContent()).toBe("tidewater");
    await poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const box = await marks.first().boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 360).toBe(true);
  });

  it("loads nothing of search on an article page until it is used", async () => {
    const requests: string[] = [];
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(at("2018/03/04/ferry-timetable/"));
    await page.waitForLoadState("networkidle");
    expect(requests.filter((path) => path.includes("pagefind"))).toEqual([]);
    expect(await page.locator("mark").count()).toBe(0);
  });
});

describe("cost", () => {
  it("downloads at most 200 KB (gzip) for a first search, and at most 2 KB of script before", async () => {
    const sizes = new Map<string, number>();
    page.on("response", async (response) => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      sizes.set(new URL(response.url()).pathname, gzipSync(body).length);
    });
    await page.goto(at("2018/03/04/ferry-timetable/"));
    await page.waitForLoadState("networkidle");
    const scripts = [...sizes].filter(([path]) => path.endsWith(".js"));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toBeLessThanOrEqual(2048);
    sizes.clear();
    await page.getByRole("searchbox", { name: "Search the archive" }).fill("tidewater");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=tidewater(&lang=en)?$/);
    await settled();
    await page.waitForLoadState("networkidle");
    expect([...sizes.keys()].some((path) => PAGEFIND_JS.test(path))).toBe(true);
    // The filters' value lists load when a filter is opened, not with the first search.
    expect([...sizes.keys()].filter((path) => INDEX_FILE("filter").test(path))).toEqual([]);
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    expect(total).toBeLessThanOrEqual(200 * 1024);
  });
});

describe("on a phone", () => {
  it("shows the first result whole on the first screen, one search box, the sort and filters folded away", async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await openSearch("?q=tidewater&sort=newest")).toBe("4 results for “tidewater”");
    expect(await page.locator("input[type=search]").count()).toBe(1);
    const first = (await page.locator("#search-results > li").first().boundingBox())!;
    expect(first.y + first.height).toBeLessThanOrEqual(812);
    const refine = page.locator("#search-refine > summary");
    expect(await refine.textContent()).toMatch(/^\s*Sort and filter\s*$/);
    expect(await page.locator("#search-sort").isVisible()).toBe(false);
    await refine.click();
    expect(await page.locator("#search-sort").inputValue()).toBe("newest");
    await openFacet("Topic");
    await page.locator("#search-facets label", { hasText: "floods" }).click();
    await poll(() => refine.textContent()).toMatch(/Sort and filter \(1 chosen\)/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("keeps the sort and filters open beside the results on a wide screen", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openSearch("?q=tidewater");
    expect(await page.locator("#search-refine > summary").isVisible()).toBe(false);
    expect(await page.locator("#search-sort").isVisible()).toBe(true);
    expect(await page.locator("#search-facets summary", { hasText: "Topic" }).isVisible()).toBe(true);
  });
});

describe("keyboard and assistive technology", () => {
  it("reaches the box with /, moves through results with arrows, and keeps focus in place", async () => {
    await page.goto(at("2018/03/04/ferry-timetable/"));
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search-q");
    await page.keyboard.type("tidewater");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/archive\/search\/\?q=tidewater(&lang=en)?$/);
    await settled();
    await page.keyboard.press("/");
    const focused = () =>
      page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.id);
    expect(await focused()).toBe("page-search-q");
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe(BARRIER);
    await page.keyboard.press("ArrowDown");
    const second = await focused();
    expect(second).not.toBe(BARRIER);
    await page.keyboard.press("ArrowUp");
    expect(await focused()).toBe(BARRIER);
    await page.keyboard.press("End");
    expect(await focused()).toBe(second);
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("Show more results");
    await page.keyboard.press("Enter");
    await poll(titles).toHaveLength(4);
    // Focus moves to the first new result, not to the top of the page.
    expect(await focused()).toBe((await titles())[2]);

    await page.locator("#search-facets summary", { hasText: "Topic" }).focus();
    await page.keyboard.press("Enter");
    const box = page.getByRole("checkbox", { name: "transport (3)" });
    await poll(() => box.count()).toBe(1);
    await box.focus();
    await page.keyboard.press("Space");
    await poll(searchAddress).toBe("/archive/search/?q=tidewater&lang=en&topic=transport");
    await settled();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe("transport");
  });

  it("keeps focus on a result when Back changes the results under it", async () => {
    expect(await openSearch("?q=tidewater")).toBe("4 results for “tidewater”");
    await openFacet("Topic");
    await page.getByRole("checkbox", { name: "transport (3)" }).check();
    await poll(searchAddress).toBe("/archive/search/?q=tidewater&lang=en&topic=transport");
    expect(await settled()).toBe("3 results for “tidewater”");
    await page.locator("#search-results .result__title a").first().focus();
    await page.goBack();
    await poll(() => status().textContent()).toBe("4 results for “tidewater”");
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(BARRIER);
  });

  it("has no accessibility violations with results and filters shown", async () => {
    await openSearch("?q=tidewater&topic=transport");
    expect(await page.getByRole("heading", { name: "Browse the archive" }).isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByRole("list", { name: "Search results" }).getByRole("link").count()).toBe(2);
  });
});

describe("languages", () => {
  it("finds a Chinese article by a Chinese word in the Chinese index, and offers it from the English one", async () => {
    expect(await openSearch("?q=%E5%9B%BE%E4%B9%A6%E9%A6%86")).toBe("No articles match “图书馆”.");
    const offer = page.locator("#search-elsewhere").getByRole("link");
    await poll(() => offer.count()).toBe(1);
    expect(await page.locator("#search-elsewhere").textContent()).toBe(
      "Found in other languages: 简体中文 (1 result)",
    );
    await offer.click();
    await page.waitForURL(/\?q=%E5%9B%BE%E4%B9%A6%E9%A6%86&lang=zh-hans$/);
    expect(await settled()).toBe("1 result for “图书馆”");
    expect(await titles()).toEqual([LIBRARY]);
    const link = page.getByRole("link", { name: LIBRARY });
    expect(await link.getAttribute("lang")).toBe("zh-hans");
    // The site's words stay in the site's language; the dateline and byline are the article's.
    const meta = page.locator("#search-results .result__meta");
    expect(await meta.textContent()).toBe("8 August 2021 · 旧港 · By 林晓");
    expect(
      await meta
        .locator("[lang]")
        .evaluateAll((spans) => spans.map((s) => [s.textContent, s.getAttribute("lang")])),
    ).toEqual([
      ["旧港", "zh-hans"],
      ["林晓", "zh-hans"],
    ]);
    expect(await page.getByLabel("Language").inputValue()).toBe("zh-hans");

    await page.getByLabel("Language").selectOption("en");
    await poll(searchAddress).toBe("/archive/search/?q=%E5%9B%BE%E4%B9%A6%E9%A6%86&lang=en");
    expect(await settled()).toBe("No articles match “图书馆”.");
  });

  it("counts the archive's articles by language, and offers the others from the empty search page", async () => {
    // Written with the page, before any script: the same words the search script writes.
    const written = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
    const plain = await written.newPage();
    await plain.goto(at("search/"));
    expect(await plain.locator("#search-status").textContent()).toBe("7 articles in English, newest first");
    expect(await plain.locator("#search-elsewhere").textContent()).toMatch(
      /^\s*Also in the archive: 简体中文 \(1 article\)\s*$/,
    );
    await written.close();
    expect(await openSearch("?sort=oldest")).toBe("7 articles in English, oldest first");
    await poll(() => page.locator("#search-elsewhere").textContent()).toBe(
      "Also in the archive: 简体中文 (1 article)",
    );
    await page.locator("#search-elsewhere").getByRole("link", { name: "简体中文" }).click();
    await poll(searchAddress).toBe("/archive/search/?lang=zh-hans&sort=oldest");
    expect(await settled()).toBe("1 article in Simplified Chinese, oldest first");
    expect(await titles()).toEqual([LIBRARY]);
  });

  it("says which other languages have matches too when this one has some", async () => {
    expect(await openSearch("?q=pellham")).toBe("4 results for “pellham”");
    await poll(() => page.locator("#search-elsewhere").textContent()).toBe(
      "Also found in other languages: 简体中文 (1 result)",
    );
    expect(await page.locator("#search-elsewhere").getByRole("link").getAttribute("href")).toBe(
      "/archive/search/?q=pellham&lang=zh-hans",
    );
  });

  it("names the language in the address, so a shared link shows the same results to every reader", async () => {
    expect(await openSearch("?q=tidewater")).toBe("4 results for “tidewater”");
    await poll(searchAddress).toBe("/archive/search/?q=tidewater&lang=en");
    const chinese = await browser.newContext({ locale: "zh-CN" });
    const reader = await chinese.newPage();
    await reader.goto(page.url());
    await poll(() => reader.locator("#search-status").textContent()).toBe("4 results for “tidewater”");
    expect(await reader.locator("#search-results .result__title a").count()).toBe(2);
    await chinese.close();
  });

  it("searches the reader's language when the address names none", async () => {
    const chinese = await browser.newContext({ locale: "zh-CN" });
    const reader = await chinese.newPage();
    await reader.goto(at("search/?q=%E8%AF%BB%E8%80%85"));
    await poll(() => reader.locator("#search-status").textContent()).toBe("1 result for “读者”");
    expect(new URL(reader.url()).searchParams.get("lang")).toBe("zh-hans");
    await chinese.close();
  });
});

describe("when the search index cannot be loaded", () => {
  it("says so and offers the browse pages instead", async () => {
    await page.route("**/pagefind/**", (route) => route.abort());
    await page.goto(at("search/?q=tidewater"));
    await poll(() => status().textContent()).toBe(
      "Search could not be loaded. Please reload the page to try again.",
    );
    expect(await page.getByRole("heading", { name: "Browse the archive" }).isVisible()).toBe(true);
    expect(
      await page.locator("#search-browse").getByRole("link", { name: "Topics" }).getAttribute("href"),
    ).toBe("/archive/topics/");
    // The room kept for filters and results while searching is given back: the links are on screen.
    expect(await page.locator("#search-facets").boundingBox()).toBeNull();
    const links = await page.locator("#search-browse").boundingBox();
    expect(links!.y).toBeLessThan(page.viewportSize()!.height);
    // The failed request and the error it raised are logged, as they should be.
    expect(consoleProblems.splice(0).length).toBeGreaterThan(0);
  });
});

describe("without JavaScript", () => {
  it("submits the search form to the search page, which offers the browse pages", async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const reader = await noScript.newPage();
    await reader.goto(at("2018/03/04/ferry-timetable/"));
    await reader.getByRole("searchbox", { name: "Search the archive" }).fill("tidewater");
    await reader.keyboard.press("Enter");
    await reader.waitForURL(/\/archive\/search\/\?q=tidewater$/);
    expect(await reader.getByRole("heading", { name: "Browse the archive" }).isVisible()).toBe(true);
    const browse = reader.locator("#search-browse");
    expect(await browse.getByRole("link", { name: "Topics" }).getAttribute("href")).toBe("/archive/topics/");
    expect(await browse.getByRole("link", { name: "Authors" }).getAttribute("href")).toBe(
      "/archive/authors/",
    );
    await browse.getByRole("link", { name: "Archive by date" }).click();
    await reader.waitForURL(/\/archive\/archive\/$/);
    expect(await reader.locator("h1").textContent()).toBe("Archive by date");
    await noScript.close();
  });
});
