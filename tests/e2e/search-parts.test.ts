import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { useBrowserPage } from "../support/browser";

// The search fixture archive (2017–2022) built whole, and built in parts (2017–2019, 2020–2022 and
// the pages spanning all years) then merged with `npm run merge`: the merged site's search page
// merges the two parts' indexes, and a reader must see what the whole site shows.
const wholeUrl = inject("searchSiteUrl");
const partsUrl = inject("partsSiteUrl");
const smallPartsUrl = inject("smallPartsSiteUrl");
const browserPage = useBrowserPage({ locale: "en-GB" });
let page: Page;
beforeEach(() => {
  page = browserPage.page();
});

interface View {
  status: string;
  titles: string[];
  dates: string[];
}

/** Opens the search page of `site` at `query` and reads what it shows once the search is done. */
async function view(site: string, query: string): Promise<View> {
  await page.goto(new URL(`search/${query}`, site).href);
  const status = page.locator("#search-status");
  await expect.poll(async () => (await status.textContent()) ?? "", { timeout: 15_000 }).toMatch(/[^…]$/);
  return {
    status: (await status.textContent()) ?? "",
    titles: await page.locator("#search-results .result__title a").allTextContents(),
    dates: (await page.locator("#search-results .result__meta").allTextContents()).map(
      (meta) => meta.split(" · ")[0] ?? "",
    ),
  };
}

/** Views whose order is exact across parts: date orders, and filters without words. */
const ORDERED_VIEWS = [
  "?page=4",
  "?sort=oldest&page=4",
  "?q=tidewater&sort=newest&page=3",
  "?q=tidewater&sort=oldest&page=3",
  "?year=2018&year=2021&sort=oldest&page=4",
  "?topic=transport&page=4",
  "?from=2019-07-19&to=2021-05-05&page=4",
];

/** Opens the Year filter of the search shown and reads its values with their counts. */
async function yearCounts(): Promise<string[]> {
  await page.locator("#search-facets summary", { hasText: "Year" }).click();
  const labels = page
    .locator("details.facet-group")
    .filter({ has: page.locator("summary", { hasText: "Year" }) })
    .locator("label");
  await expect.poll(() => labels.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return labels.allTextContents();
}

describe("search over a site built in parts", () => {
  it("loads one index per range of years", async () => {
    // Read without opening it as a page, which would also ask for a favicon the fixture lacks.
    const response = await page.request.get(new URL("pagefind/indexes.json", partsUrl).href);
    const { indexes } = (await response.json()) as { indexes: { path: string }[] };
    expect(indexes.map((index) => index.path)).toEqual(["/pagefind/2020-2022/", "/pagefind/2017-2019/"]);
  });

  it("finds articles of every part, as the whole site does", async () => {
    const merged = await view(partsUrl, "?q=tidewater&page=3");
    const whole = await view(wholeUrl, "?q=tidewater&page=3");
    expect(merged.status).toBe(whole.status);
    expect([...merged.titles].sort()).toEqual([...whole.titles].sort());
    const years = merged.dates.map((date) => Number(date.slice(-4)));
    expect(years.some((year) => year <= 2019)).toBe(true);
    expect(years.some((year) => year >= 2020)).toBe(true);
  });

  it.each(ORDERED_VIEWS)("lists %s in the same order as the whole site, across the parts", async (query) => {
    const merged = await view(partsUrl, query);
    expect(merged.titles.length).toBeGreaterThan(1);
    expect(merged).toEqual(await view(wholeUrl, query));
  });

  it("counts each filter's values over every part", async () => {
    const counts = async (site: string) => {
      await view(site, "?q=tidewater");
      return yearCounts();
    };
    const merged = await counts(partsUrl);
    expect(merged.length).toBeGreaterThan(1);
    expect(merged).toEqual(await counts(wholeUrl));
  });

  it("shows the newest part's results first, says which years were searched, and adds the rest below them", async () => {
    // The older part's files are held back until the first results are read.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/pagefind/2017-2019/**", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(new URL("search/?q=tidewater&page=3", partsUrl).href);
    const status = page.locator("#search-status");
    await expect
      .poll(async () => (await status.textContent()) ?? "", { timeout: 15_000 })
      .toMatch(/^\d+ results? so far for “tidewater” \(searched 2020–2022\)…$/);
    const first = await page.locator("#search-results .result__title a").allTextContents();
    release();
    await expect.poll(async () => (await status.textContent()) ?? "", { timeout: 15_000 }).toMatch(/[^…]$/);
    const all = await page.locator("#search-results .result__title a").allTextContents();
    // What was shown first stays first, in the same order; the older part's results follow.
    expect(all.slice(0, first.length)).toEqual(first);
    expect(all.length).toBeGreaterThan(first.length);
    const final = await status.textContent();
    expect((await view(wholeUrl, "?q=tidewater&page=3")).status).toBe(final);
  });

  it("keeps the results found when an older part cannot be loaded, and says which years they are from", async () => {
    await page.route("**/pagefind/2017-2019/**", (route) => route.abort());
    await page.goto(new URL("search/?q=tidewater", partsUrl).href);
    await expect
      .poll(async () => (await page.locator("#search-status").textContent()) ?? "", { timeout: 15_000 })
      .toMatch(
        /^\d+ results? so far for “tidewater” \(searched 2020–2022\)\. The other years could not be searched\. Please reload the page to try again\.$/,
      );
    expect(await page.locator("#search-results .result__title a").count()).toBeGreaterThan(0);
    // The failed requests and the error they raised are logged, as they should be.
    expect(browserPage.problems().splice(0).length).toBeGreaterThan(0);
  });

  it("marks the filter counts as partial until every part is searched", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/pagefind/2017-2019/**", async (route) => {
      await held;
      await route.continue();
    });
    // The chosen topic keeps its list open, so it is counted from the first stage on.
    await page.goto(new URL("search/?topic=transport", partsUrl).href);
    const labels = page
      .locator("details.facet-group")
      .filter({ has: page.locator("summary", { hasText: "Topic" }) })
      .locator("label");
    await expect
      .poll(() => labels.allTextContents(), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/^transport \(\d+\+\)$/));
    release();
    await expect
      .poll(async () => (await page.locator("#search-status").textContent()) ?? "", { timeout: 15_000 })
      .toMatch(/[^…]$/);
    const merged = await labels.allTextContents();
    expect(merged.every((label) => !label.includes("+"))).toBe(true);
    await view(wholeUrl, "?topic=transport");
    expect(merged).toEqual(await labels.allTextContents());
  });

  it.each(["?year=2018", "?year=2018&sort=newest", "?q=tidewater&year=2021"])(
    "asks only the parts holding the years chosen for %s",
    async (query) => {
      const requested: string[] = [];
      page.on("request", (request) => requested.push(new URL(request.url()).pathname));
      const merged = await view(partsUrl, query);
      await page.waitForLoadState("networkidle");
      const chosen = query.includes("2018") ? "2017-2019" : "2020-2022";
      const other = chosen === "2017-2019" ? "2020-2022" : "2017-2019";
      const index = requested.filter((path) => path.includes("/pagefind/"));
      expect(index.some((path) => path.includes(`/pagefind/${chosen}/`))).toBe(true);
      expect(index.filter((path) => path.includes(`/pagefind/${other}/`))).toEqual([]);
      expect(merged).toEqual(await view(wholeUrl, query));
    },
  );
});

// The same archive indexed whole with one article page per part: a part per article day, some
// inside one year, searched in several stages (one part, then two, then four …).
describe("search over an index of many small parts", () => {
  it("has several parts, newest first, some inside one year", async () => {
    const response = await page.request.get(new URL("pagefind/indexes.json", smallPartsUrl).href);
    const { indexes } = (await response.json()) as {
      indexes: { from: string; to: string; years: number[] }[];
    };
    expect(indexes.length).toBeGreaterThan(3);
    expect(indexes.map(({ from }) => from)).toEqual(
      indexes
        .map(({ from }) => from)
        .sort()
        .reverse(),
    );
    expect(indexes.some(({ years: [from, to] }) => from === to)).toBe(true);
  });

  it.each(ORDERED_VIEWS)("lists %s in the same order as the whole site", async (query) => {
    const small = await view(smallPartsUrl, query);
    expect(small.titles.length).toBeGreaterThan(1);
    expect(small).toEqual(await view(wholeUrl, query));
  });

  it("finds the same results by relevance and counts the filters as the whole site does", async () => {
    const read = async (site: string) => {
      const shown = await view(site, "?q=tidewater&page=3");
      return { status: shown.status, titles: [...shown.titles].sort(), years: await yearCounts() };
    };
    expect(await read(smallPartsUrl)).toEqual(await read(wholeUrl));
  });

  it("loads only the parts that hold days of a date range", async () => {
    const response = await page.request.get(new URL("pagefind/indexes.json", smallPartsUrl).href);
    const { indexes } = (await response.json()) as { indexes: { path: string; from: string; to: string }[] };
    const needed = indexes.filter(({ from, to }) => to >= "2020-01-01" && from <= "2020-12-31");
    expect(needed.length).toBeLessThan(indexes.length);
    const loaded = new Set<string>();
    page.on("request", (request) => {
      const part = /\/pagefind\/([^/]+)\/pagefind\.en[^/]*\.pf_meta/.exec(request.url())?.[1];
      if (part) loaded.add(part);
    });
    const shown = await view(smallPartsUrl, "?from=2020-01-01&to=2020-12-31");
    expect(shown.status).toBe("2 articles match these filters");
    expect(shown.dates).toEqual(["30 September 2020", "11 January 2020"]);
    expect([...loaded].sort()).toEqual(needed.map(({ path }) => path.split("/").at(-2)).sort());
  });
});
