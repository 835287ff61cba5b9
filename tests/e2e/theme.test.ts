import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { axeViolations, useBrowserPage } from "../support/browser";

const siteUrl = inject("siteUrl");
const ARTICLE = new URL("2015/03/09/night-ferry-returns/", siteUrl).href;
const TOGGLE = "button[data-theme-toggle]";

/** Whether the page's background, as painted, is a dark one. */
async function looksDark(page: Page): Promise<boolean> {
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
  if (r === undefined || g === undefined || b === undefined) throw new Error(`no colour: ${background}`);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

/**
 * Serves the page script empty, so that only the inline theme script in <head> can set the theme:
 * what the reader sees at the first paint, before any deferred script has run.
 */
async function withoutPageScript(page: Page): Promise<void> {
  await page.route(/\/_astro\/.*\.js$/, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "" }),
  );
}

describe("with the system set to dark", () => {
  const browserPage = useBrowserPage({ colorScheme: "dark" });
  let page: Page;
  beforeEach(() => {
    page = browserPage.page();
  });

  it("paints dark from the start, without the switch being touched", async () => {
    await withoutPageScript(page);
    await page.goto(ARTICLE);
    expect(await theme(page)).toBe("dark");
    expect(await looksDark(page)).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("dark");
    // The switch already takes its place, so the header does not move when the page script runs.
    expect(await page.locator(TOGGLE).isVisible()).toBe(true);
  });

  it("switches to light with the button, and stays light after a reload with no dark flash", async () => {
    await page.goto(ARTICLE);
    const toggle = page.locator(TOGGLE);
    expect(await toggle.isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Dark theme" }).getAttribute("aria-pressed")).toBe("true");
    await toggle.click();
    expect(await theme(page)).toBe("light");
    expect(await looksDark(page)).toBe(false);
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    expect(await page.evaluate(() => localStorage.getItem("theme"))).toBe("light");
    // Only the inline script in <head> runs now: the theme is set before the body is painted.
    await withoutPageScript(page);
    await page.reload();
    expect(await theme(page)).toBe("light");
    expect(await looksDark(page)).toBe(false);
    // And on another page of the site.
    await page.goto(new URL("archive/", siteUrl).href);
    expect(await looksDark(page)).toBe(false);
  });

  it("keeps every kind of page readable in the dark theme (axe, contrast included)", async () => {
    for (const path of [
      "",
      "2019/05/02/harbour-light-returns/",
      "2021/02/08/corrected-report/",
      "2023/05/17/arabic-bulletin/",
      "archive/2016/06/",
      "topics/",
      "search/?q=ferry",
      "no-such-page/",
    ]) {
      await page.goto(new URL(path, siteUrl).href);
      if (path.startsWith("search/")) await page.locator(".result").first().waitFor();
      expect(await theme(page), path).toBe("dark");
      expect(await axeViolations(page), path).toEqual([]);
    }
    // The browser logs the 404 page's own status; nothing else may be logged.
    expect(browserPage.problems().splice(0)).toEqual([
      "error: Failed to load resource: the server responded with a status of 404 (Not Found)",
    ]);
  });

  it("prints black on white, also when the dark theme is chosen", async () => {
    await page.goto(ARTICLE);
    await page.emulateMedia({ media: "print" });
    expect(await looksDark(page)).toBe(false);
    // Grey text too: the dek is in the muted colour, which must be the paper's, not the dark theme's.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".article__dek")!).color)).toBe(
      "rgb(51, 51, 51)",
    );
  });
});

describe("with the system set to light", () => {
  const browserPage = useBrowserPage({ colorScheme: "light" });
  let page: Page;
  beforeEach(() => {
    page = browserPage.page();
  });

  it("follows a change of the system setting while nothing is chosen, and the choice once made", async () => {
    await page.goto(ARTICLE);
    const toggle = page.locator(TOGGLE);
    expect(await theme(page)).toBe("light");
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => theme(page)).toBe("dark");
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(() => theme(page)).toBe("light");
    await toggle.click();
    expect(await theme(page)).toBe("dark");
    expect(await page.evaluate(() => localStorage.getItem("theme"))).toBe("dark");
    await page.emulateMedia({ colorScheme: "light" });
    expect(await theme(page)).toBe("dark");
    await withoutPageScript(page);
    await page.reload();
    expect(await theme(page)).toBe("dark");
    expect(await looksDark(page)).toBe(true);
  });

  it("ignores a stored value that is not a theme", async () => {
    await page.goto(ARTICLE);
    await page.evaluate(() => localStorage.setItem("theme", "sepia"));
    await page.reload();
    expect(await theme(page)).toBe("light");
  });

  it("works without storage, following the system and switching the page it is on", async () => {
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("Storage is disabled", "SecurityError");
        },
      });
    });
    await page.goto(ARTICLE);
    expect(await theme(page)).toBe("light");
    await page.locator(TOGGLE).click();
    expect(await theme(page)).toBe("dark");
    expect(await looksDark(page)).toBe(true);
  });
});

describe("without JavaScript", () => {
  for (const colorScheme of ["dark", "light"] as const) {
    describe(`with the system set to ${colorScheme}`, () => {
      const browserPage = useBrowserPage({ colorScheme, javaScriptEnabled: false });

      it(`follows the system (${colorScheme}) and shows no switch that could not work`, async () => {
        const page = browserPage.page();
        await page.goto(ARTICLE);
        expect(await page.locator(TOGGLE).count()).toBe(1);
        expect(await page.locator(TOGGLE).isVisible()).toBe(false);
        expect(await looksDark(page)).toBe(colorScheme === "dark");
        await page.emulateMedia({ media: "print" });
        expect(await looksDark(page)).toBe(false);
        expect(await page.locator(".article__dek").evaluate((dek) => getComputedStyle(dek).color)).toBe(
          "rgb(51, 51, 51)",
        );
      });
    });
  }
});
