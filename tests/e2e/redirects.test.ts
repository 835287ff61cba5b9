import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { collectConsoleProblems, launchBrowser } from "../support/browser";

const siteUrl = inject("siteUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("old addresses in a real browser", () => {
  it("takes a reader from an article's old address to the article", async () => {
    const page = await browser.newPage();
    const problems = collectConsoleProblems(page);
    // The old page hands over at once: wait only for it to arrive, then for the article.
    await page.goto(new URL("news/2024/old-address.html", siteUrl).href, { waitUntil: "commit" });
    await page.waitForURL(/\/archive\/2024\/10\/02\/moved-story\/$/, { waitUntil: "load" });
    expect(await page.locator("h1").textContent()).toBe("A story that moved from an old address");
    await page.close();
    expect(problems).toEqual([]);
  });
});
