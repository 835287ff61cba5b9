import { describe, expect, inject, it } from "vitest";
import { useBrowserPage } from "../support/browser";

// The fixture article that uses every construct of GitHub-flavoured Markdown the archive renders.
const RICH = new URL("2024/11/05/ferry-figures-explained/", inject("siteUrl")).href;

describe("a body with every Markdown construct, in a real browser", () => {
  // Fails each test on a console message, a failed request or a policy violation.
  const phone = useBrowserPage({ viewport: { width: 320, height: 640 } });

  it("keeps each table column's alignment", async () => {
    const page = phone.page();
    await page.goto(RICH);
    const alignOf = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((cell) => getComputedStyle(cell).textAlign);
    expect(await alignOf("td.align-right")).toBe("right");
    expect(await alignOf("td.align-center")).toBe("center");
    expect(await alignOf("td.align-left")).toBe("left");
  });

  it("shows the body photo with its caption and credit, in copies sized for the screen", async () => {
    const page = phone.page();
    await page.goto(RICH);
    const figure = page.locator(".article__body figure.figure");
    await figure.scrollIntoViewIfNeeded();
    expect(await figure.locator(".figure__caption").textContent()).toBe(
      "The morning ferry at the Kellsport pier, the day the timetable was published.",
    );
    expect(await figure.locator(".figure__credit").textContent()).toBe("Fixture Studio/Kellsport Desk");
    const image = figure.locator("img");
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    // On a 320 px screen the browser picks the smallest copy, not the full photo.
    const copies = await image.evaluate((img: HTMLImageElement) => [img.currentSrc, img.srcset]);
    const smallest = /(\S+) 480w/.exec(copies[1]!)?.[1];
    expect(smallest).toMatch(/\.webp$/);
    expect(copies[0]).toBe(new URL(smallest!, RICH).href);
  });

  it("scrolls a wide table and code block in their own box, with a shadow at the edge, never the page", async () => {
    const page = phone.page();
    await page.goto(RICH);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    for (const selector of [".article__body .scroll-box", ".article__body pre"]) {
      const box = page.locator(selector).first();
      expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      // The cue is a background shadow at the edges; the keyboard can scroll the box.
      expect(await box.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain("radial-gradient");
      await box.focus();
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    }
  });

  it("shows an embed as a card with its words and a link, loading nothing from elsewhere", async () => {
    const page = phone.page();
    const elsewhere: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).origin !== new URL(RICH).origin) elsewhere.push(request.url());
    });
    await page.goto(RICH, { waitUntil: "networkidle" });
    const card = page.locator("figure.embed");
    expect(await card.locator("blockquote").textContent()).toContain("walks through the winter timetable");
    expect(await card.getByRole("link").getAttribute("href")).toBe(
      "https://video.example.org/kellsport/winter-timetable",
    );
    expect(await page.locator(".article__body iframe, .article__body script").count()).toBe(0);
    expect(elsewhere).toEqual([]);
  });
});
