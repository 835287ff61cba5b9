import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, useBrowserPage } from "../support/browser";
import { PAGE_TYPES, type PageType } from "../support/page-types";

const siteUrls = { main: inject("siteUrl"), search: inject("searchSiteUrl") };
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** The ways a reader sees the site: light, dark by the system setting, dark by the theme switch. */
const THEMES: { name: string; theme: "light" | "dark"; context: BrowserContextOptions; stored?: string }[] = [
  { name: "light", theme: "light", context: { colorScheme: "light" } },
  { name: "dark by the system setting", theme: "dark", context: { colorScheme: "dark" } },
  { name: "dark chosen on the site", theme: "dark", context: { colorScheme: "light" }, stored: "dark" },
];

/** Opens a page type and brings it to the state a reader sees: search results in, a filter open. */
async function open(page: Page, { path, family, site = "main" }: PageType): Promise<void> {
  await page.goto(new URL(path.slice(1), siteUrls[site]).href, { waitUntil: "load" });
  if (family === "redirect") {
    // An old address leads on to the article; the gate checks where the reader lands.
    await page.waitForURL((url) => !url.pathname.endsWith(".html"));
    await page.waitForLoadState("load");
  }
  if (family === "search" && path.includes("?q=")) {
    await poll(() => page.locator("#search-status").textContent()).toMatch(/^\d+ results? for/);
    // On a phone the sort and filters are folded away first.
    const refine = page.locator("#search-refine > summary");
    if (await refine.isVisible()) await refine.click();
    await page.locator("#search-facets summary").first().click();
    await poll(() => page.locator("#search-facets details[open] label").count()).toBeGreaterThan(0);
  }
  if (family === "home") {
    // "On this day" fills in from the day's file; wait for it to settle so axe sees the final page.
    await page.waitForLoadState("networkidle");
  }
}

for (const { name, theme, context, stored } of THEMES) {
  describe(`every page type, ${name}`, () => {
    // Fails each test on a console error or warning, a failed request or a policy violation.
    const browserPage = useBrowserPage(context);

    it.each(PAGE_TYPES.map((type) => [type.name, type] as const))(
      "%s: no accessibility violations, nothing logged, nothing missing",
      async (_name, type) => {
        const page = browserPage.page();
        if (stored) await page.addInitScript((value) => localStorage.setItem("theme", value), stored);
        await open(page, type);
        // With the theme switch in place, the page says which theme it shows.
        if ((await page.locator("[data-theme-toggle]").count()) > 0) {
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        }
        expect(await axeViolations(page)).toEqual([]);
      },
    );
  });
}

describe("every page type on a 320 px screen", () => {
  const browserPage = useBrowserPage({ viewport: { width: 320, height: 640 } });

  it.each(PAGE_TYPES.map((type) => [type.name, type] as const))(
    "%s: nothing wider than the screen, so nothing scrolls sideways",
    async (_name, type) => {
      const page = browserPage.page();
      await open(page, type);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    },
  );
});
