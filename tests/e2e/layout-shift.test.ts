import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { useBrowserPage } from "../support/browser";

const siteUrl = inject("siteUrl");
// A phone, where the sort and filters fold away above the results: what Lighthouse's mobile audit measures.
const browserPage = useBrowserPage({ viewport: { width: 412, height: 823 }, locale: "en-GB" });
let page: Page;
beforeEach(() => {
  page = browserPage.page();
});

/** Waits until the search script has shown the filters (folded away on a phone). */
async function filtersShown(): Promise<void> {
  await page.waitForFunction(() => document.querySelector<HTMLElement>("#search-facets")?.hidden === false);
}

/** The layout shifts the page has had so far, with the elements that moved. */
function layoutShifts(): Promise<{ value: number; moved: string[] }[]> {
  return page.evaluate(() => (window as unknown as { shifts: { value: number; moved: string[] }[] }).shifts);
}

/** Records the value of every layout shift from the next page's start. */
async function recordShiftValues(): Promise<void> {
  await page.addInitScript(() => {
    const shifts: { value: number }[] = [];
    (window as unknown as { shifts: typeof shifts }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number }[]) shifts.push(entry);
    }).observe({ type: "layout-shift", buffered: true });
  });
}

describe("the search page on a phone", () => {
  it("moves nothing on screen while the options, filters and results appear", async () => {
    await page.addInitScript(() => {
      const shifts: { value: number; moved: string[] }[] = [];
      (window as unknown as { shifts: typeof shifts }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          sources: { node?: Node | null }[];
        }[]) {
          const moved = entry.sources.map((s) =>
            s.node instanceof Element ? s.node.outerHTML.slice(0, 80) : "?",
          );
          shifts.push({ value: entry.value, moved });
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(new URL("search/?q=ferry", siteUrl).href);
    await page.locator("#search-results .result").first().waitFor();
    await filtersShown();
    expect(await layoutShifts()).toEqual([]);
  });

  it("moves nothing on screen while the index loads under the newest articles", async () => {
    await recordShiftValues();
    const pagefindLoaded = page.waitForRequest(/\.pf_meta$/);
    await page.goto(new URL("search/", siteUrl).href);
    await filtersShown();
    await pagefindLoaded;
    await page.waitForLoadState("networkidle");
    expect(await page.locator("#search-results .result").count()).toBeGreaterThan(0);
    expect((await layoutShifts()).map((shift) => shift.value)).toEqual([]);
  });
});

// Beside the lead article on a wide screen, out of the grid's flow; on a phone it comes after the
// first two articles, below the first screen on a list of the usual length (not the fixture's two).
describe("the home page on a wide screen", () => {
  it('moves nothing while "On this day" appears beside the lead article', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.clock.setFixedTime(new Date(2026, 5, 14, 9, 0));
    await recordShiftValues();
    await page.goto(siteUrl);
    await page.getByRole("region", { name: "On this day" }).waitFor();
    expect((await layoutShifts()).map((shift) => shift.value)).toEqual([]);
  });
});
