import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { axeViolations, useBrowserPage } from "../support/browser";

const siteUrl = inject("siteUrl");
const ARTICLE = "2015/03/09/night-ferry-returns/";
const browserPage = useBrowserPage();
let page: Page;
beforeEach(() => {
  page = browserPage.page();
});

describe("Cite this article in a real browser", () => {
  it("copies a citation with its button", async () => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(siteUrl).origin,
    });
    await page.goto(new URL(ARTICLE, siteUrl).href);
    await page.bringToFront();
    const apa = page.locator("#cite-text-apa");
    const button = page.locator('button[data-copy="cite-text-apa"]');
    expect(await button.getAttribute("aria-describedby")).toBe("cite-apa");
    expect(await button.isVisible()).toBe(true);
    await button.click();
    await expect.poll(() => button.textContent()).toBe("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe((await apa.textContent())?.trim());
    expect(copied).toMatch(/^Okafor, M\., & Ferreira, T\. \(2015, March 9\)\./);
    // Screen readers hear it too, through a live region.
    const status = page.getByRole("status").filter({ hasText: "citation" });
    expect(await status.textContent()).toBe("APA citation copied to the clipboard.");
  });

  it("says Copied on the last button used only, and is ready to copy again", async () => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(siteUrl).origin,
    });
    await page.goto(new URL(ARTICLE, siteUrl).href);
    await page.bringToFront();
    const apa = page.locator('button[data-copy="cite-text-apa"]');
    const bibtex = page.locator('button[data-copy="cite-text-bibtex"]');
    await apa.click();
    await expect.poll(() => apa.textContent()).toBe("Copied");
    await page.locator(".cite summary", { hasText: "BibTeX" }).click();
    await bibtex.click();
    await expect.poll(() => bibtex.textContent()).toBe("Copied");
    expect(await apa.textContent()).toBe("Copy");
    expect(await page.locator("[data-cite-status]").textContent()).toBe(
      "BibTeX citation copied to the clipboard.",
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^@misc\{okafor2015night,/);
    // The button goes back to "Copy" and the announcement is cleared, ready for the next copy.
    await page.waitForFunction(
      () =>
        document.querySelector('button[data-copy="cite-text-bibtex"]')?.textContent === "Copy" &&
        document.querySelector("[data-cite-status]")?.textContent === "",
    );
  });
});

describe("an article page with citations, photos and provenance", () => {
  it("has no accessibility violations, hostile text included", async () => {
    for (const article of [ARTICLE, "2013/07/04/feeds-hostile-text/"]) {
      await page.goto(new URL(article, siteUrl).href);
      expect(await axeViolations(page), article).toEqual([]);
    }
  });

  it("shows one citation style at a time, the chosen one whole, on a phone", async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(new URL(ARTICLE, siteUrl).href);
    const shown = () =>
      page
        .locator(".cite__text")
        .evaluateAll((texts) => texts.filter((text) => text.checkVisibility()).map((text) => text.id));
    expect(await shown()).toEqual(["cite-text-apa"]);
    const box = page.locator("section.cite");
    expect((await box.boundingBox())!.height).toBeLessThan(450);
    await page.locator(".cite summary", { hasText: "BibTeX" }).click();
    expect(await shown()).toEqual(["cite-text-bibtex"]);
    // Its long lines wrap inside the box instead of running past its edge, and it can still be reached.
    const bibtex = page.getByRole("region", { name: "BibTeX" });
    expect(await bibtex.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await bibtex.focus();
    expect(await bibtex.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.locator(".cite summary", { hasText: "MLA" }).click();
    expect(await shown()).toEqual(["cite-text-mla"]);
  });
});

describe("Cite this article without JavaScript", () => {
  const noScript = useBrowserPage({ javaScriptEnabled: false });

  it("shows the citations, one style at a time, but no copy button", async () => {
    const page = noScript.page();
    await page.goto(new URL(ARTICLE, siteUrl).href);
    expect(await page.locator("#cite-text-apa").isVisible()).toBe(true);
    await page.locator(".cite summary", { hasText: "MLA" }).click();
    expect(await page.locator("#cite-text-mla").isVisible()).toBe(true);
    expect(await page.locator("#cite-text-apa").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Copy" }).count()).toBe(0);
  });
});

describe("printing an article", () => {
  it("prints the article and its permanent address, without navigation, search or citations", async () => {
    await page.goto(new URL(ARTICLE, siteUrl).href);
    const address = page.locator(".article__permalink");
    expect(await address.isVisible()).toBe(false);
    await page.emulateMedia({ media: "print" });
    expect(await address.isVisible()).toBe(true);
    // The fixture site is built for https://archive.example.org/archive/, whatever serves it here.
    expect(await address.textContent()).toBe(
      `Permanent address: https://archive.example.org/archive/${ARTICLE}`,
    );
    for (const selector of [
      ".site-header",
      ".site-footer",
      "header form[role=search]",
      ".cite",
      ".skip-link",
      // Links on to other articles, related ones included, are for the screen.
      ".article-links",
      "#related-heading",
    ]) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    for (const selector of [
      "h1",
      ".byline",
      ".dateline",
      ".article__meta time",
      "figcaption",
      ".provenance",
    ]) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(true);
    }
    // The source's address is printed after its link.
    const after = await page.locator(".provenance a").evaluate((a) => getComputedStyle(a, "::after").content);
    expect(after).toMatch(/attr\(href\)|gazette\.example\.net/);
  });
});

describe("a photo the archive does not hold", () => {
  it("takes one compact line with its caption and credit, on a phone and on a wide screen", async () => {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 812 });
      await page.goto(new URL("2016/06/14/late-evening-filing/", siteUrl).href);
      const figure = page.locator("figure.figure--missing");
      expect(await figure.locator("img").count()).toBe(0);
      expect(await figure.textContent()).toMatch(
        /^\s*Photo not held by the archive\s+A photograph of the newsroom at night that the archive does not hold\.\s+Fixture Photo Desk\s*$/,
      );
      const { height } = (await figure.boundingBox())!;
      // A few lines of small type, never the box of a photo's shape (3:2, over 400 px in the column).
      expect(height, `at ${width} px`).toBeLessThan(width === 375 ? 110 : 60);
    }
  });
});

describe("an article's time", () => {
  it("reads as a newspaper prints it, the exact offset kept for machines", async () => {
    await page.goto(new URL("2016/06/14/late-evening-filing/", siteUrl).href);
    const time = page.locator("article header time").first();
    expect(await time.textContent()).toBe("14 June 2016, 23:30 UTC\u22125");
    expect(await time.getAttribute("datetime")).toBe("2016-06-14T23:30:00-05:00");
  });
});
