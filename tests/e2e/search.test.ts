import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { useBrowserPage } from "../support/browser";

const siteUrl = inject("siteUrl");
const browserPage = useBrowserPage();
let page: Page;
beforeEach(() => {
  page = browserPage.page();
});

describe("search in a real browser", () => {
  it("searches from the header box on an article page and follows the result to the article", async () => {
    await page.goto(new URL("2021/02/08/corrected-report/", siteUrl).href);
    await page.getByRole("searchbox", { name: "Search the archive" }).first().fill("quokkalight");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/archive\/search\/\?q=quokkalight(&lang=en)?$/);
    const status = page.locator("#search-status");
    await expect.poll(() => status.textContent()).toBe("1 result for “quokkalight”");
    const results = page.locator("#search-results > li");
    expect(await results.count()).toBe(1);
    const link = results.first().getByRole("link");
    expect(await link.textContent()).toBe("A story filed late in the evening, New York time");
    expect(await results.first().locator("mark").first().textContent()).toBe("quokkalight");
    expect(await results.first().locator(".result__meta").textContent()).toContain("14 June 2016");
    await link.click();
    await page.waitForURL(/\/archive\/2016\/06\/14\/late-evening-filing\/\?highlight=quokkalight$/);
    expect(await page.locator("h1").textContent()).toBe("A story filed late in the evening, New York time");
  });

  it("says so when nothing matches, and never finds a draft", async () => {
    await page.goto(new URL("search/?q=zanzibarquokka", siteUrl).href);
    await expect
      .poll(() => page.locator("#search-status").textContent())
      .toBe("No articles match “zanzibarquokka”.");
    expect(await page.locator("#search-results > li").count()).toBe(0);
  });

  it("shows the query in the search page's box", async () => {
    await page.goto(new URL("search/?q=harbour", siteUrl).href);
    await expect
      .poll(() => page.locator("#search-status").textContent())
      .toMatch(/^\d+ results? for “harbour”$/);
    expect(await page.locator("#page-search-q").inputValue()).toBe("harbour");
  });
});

describe("pages in a real browser", () => {
  it("load without console errors and reach the article from the home page by links", async () => {
    await page.goto(siteUrl);
    expect(await page.locator("h1").textContent()).toBe("Latest articles");
    await page.getByRole("link", { name: "Older" }).click();
    await page.waitForURL(/\/archive\/page\/2\/$/);
    await page.getByRole("link", { name: "Older" }).click();
    await page.waitForURL(/\/archive\/page\/3\/$/);
    await page.getByRole("link", { name: "The harbour light returns" }).click();
    await page.waitForURL(/\/archive\/2019\/05\/02\/harbour-light-returns\/$/);
    const img = page.getByRole("img", { name: "A white lighthouse with red bands on a rocky point." });
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0))
      .toBe(true);
  });

  it("answers an unknown address with the 404 page", async () => {
    const response = await page.goto(new URL("no/such/page/", siteUrl).href);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    // The browser logs the document's own 404 status; nothing else may be logged.
    expect(browserPage.problems().splice(0)).toEqual([
      "error: Failed to load resource: the server responded with a status of 404 (Not Found)",
    ]);
  });
});
