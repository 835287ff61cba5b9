import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { useBrowserPage } from "../support/browser";

const siteUrl = inject("siteUrl");
const browserPage = useBrowserPage();
let page: Page;
beforeEach(() => {
  page = browserPage.page();
});

/** Follows a link and waits for the page it leads to. */
async function follow(link: ReturnType<Page["getByRole"]>, url: RegExp) {
  await link.click();
  await page.waitForURL(url);
}

describe("browsing in a real browser", () => {
  it("walks from the home page to a year, a month, a day and an article using only links", async () => {
    await page.goto(siteUrl);
    const site = page.getByRole("navigation", { name: "Site" });
    await follow(site.getByRole("link", { name: "Archive" }), /\/archive\/archive\/$/);
    await follow(page.getByRole("link", { name: "2016", exact: true }), /\/archive\/archive\/2016\/$/);
    await follow(
      page.getByRole("link", { name: "June 2016", exact: true }),
      /\/archive\/archive\/2016\/06\/$/,
    );
    expect(await page.locator("h1").textContent()).toBe("June 2016");
    await follow(
      page.getByRole("link", { name: "14 June 2016: 2 articles" }),
      /\/archive\/archive\/2016\/06\/14\/$/,
    );
    await follow(
      page.getByRole("link", { name: "Morning briefing from the ferry office" }),
      /\/archive\/2016\/06\/14\/morning-briefing\/$/,
    );
    expect(await page.locator("h1").textContent()).toBe("Morning briefing from the ferry office");
  });

  it("goes from the section above a headline to the section's page, which lists the article", async () => {
    await page.goto(new URL("2016/06/14/late-evening-filing/", siteUrl).href);
    await follow(
      page.locator(".article__section").getByRole("link", { name: "World" }),
      /\/archive\/sections\/world\/$/,
    );
    expect(await page.locator("h1").textContent()).toContain("World");
    expect(
      await page.getByRole("link", { name: "A story filed late in the evening, New York time" }).count(),
    ).toBe(1);
    await follow(page.getByRole("link", { name: "Sections" }).first(), /\/archive\/sections\/$/);
    expect(await page.getByRole("link", { name: "World" }).count()).toBeGreaterThan(0);
  });

  it("goes from an article to its topic and its author, and on to the next page of a topic", async () => {
    await page.goto(new URL("2016/06/14/late-evening-filing/", siteUrl).href);
    await follow(page.getByRole("link", { name: "testing", exact: true }), /\/archive\/topics\/testing\/$/);
    expect(await page.locator(".pagination [aria-current]").textContent()).toBe("Page 1 of 3");
    await follow(page.getByRole("link", { name: "Older" }), /\/archive\/topics\/testing\/2\/$/);
    await page.goto(new URL("2016/06/14/morning-briefing/", siteUrl).href);
    await follow(page.getByRole("link", { name: "José Álvarez" }), /\/archive\/authors\/jose-alvarez\/$/);
    expect(await page.locator(".card-list > li").count()).toBe(2);
  });
});

describe("on this day", () => {
  it("lists articles from earlier years on the reader's day", async () => {
    await page.clock.setFixedTime(new Date(2026, 5, 14, 9, 0));
    await page.goto(siteUrl);
    const section = page.getByRole("region", { name: "On this day" });
    await section.waitFor();
    const items = section.getByRole("listitem");
    expect(await items.allTextContents()).toEqual([
      "A story filed late in the evening, New York time 14 June 2016",
      "Morning briefing from the ferry office 14 June 2016",
    ]);
    await follow(
      section.getByRole("link", { name: "Morning briefing from the ferry office" }),
      /\/archive\/2016\/06\/14\/morning-briefing\/$/,
    );
  });

  it("sits beside the lead article on a wide screen, and after the first two on a phone", async () => {
    await page.clock.setFixedTime(new Date(2026, 5, 14, 9, 0));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(siteUrl);
    const section = page.getByRole("region", { name: "On this day" });
    await section.waitFor();
    const box = (await section.boundingBox())!;
    const lead = (await page.locator(".card-list > li").first().boundingBox())!;
    const second = (await page.locator(".card-list > li").nth(1).boundingBox())!;
    // In the first screen, at the lead's side, and ending before the next article.
    expect(box.y + box.height).toBeLessThan(800);
    expect(box.y).toBeGreaterThanOrEqual(lead.y);
    expect(box.x).toBeGreaterThan(lead.x + lead.width / 2);
    expect(box.y + box.height).toBeLessThanOrEqual(second.y);
    await page.setViewportSize({ width: 375, height: 812 });
    const items = await page
      .locator(".card-list > li")
      .evaluateAll((lis) => lis.map((li) => li.classList.contains("on-this-day")));
    expect(items.indexOf(true)).toBe(2);
    expect(await section.evaluate((el) => getComputedStyle(el.parentElement!).position)).toBe("static");
  });

  it("keeps a right-to-left title in its own direction", async () => {
    await page.clock.setFixedTime(new Date(2026, 4, 17, 9, 0));
    await page.goto(siteUrl);
    const link = page.getByRole("region", { name: "On this day" }).getByRole("link");
    await link.waitFor();
    expect(
      await link.evaluate((a: HTMLAnchorElement) => [a.lang, a.dir, getComputedStyle(a).direction]),
    ).toEqual(["ar", "rtl", "rtl"]);
  });

  it("stays hidden on a day without earlier articles", async () => {
    await page.clock.setFixedTime(new Date(2026, 5, 15, 9, 0));
    const loaded = page.waitForResponse(/on-this-day\/06-15\.json$/);
    await page.goto(siteUrl);
    expect((await loaded).status()).toBe(200);
    expect(await page.locator("section.on-this-day").isHidden()).toBe(true);
  });
});

describe("lists of articles", () => {
  it("show a small photo beside an article that has one, and none beside the others", async () => {
    await page.goto(new URL("archive/2019/05/", siteUrl).href);
    const item = page.locator(".card-list > li", { hasText: "Harbour light" }).first();
    const thumb = item.locator("img.card__thumb");
    expect(await thumb.getAttribute("alt")).toBe("");
    await thumb.scrollIntoViewIfNeeded();
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    const box = (await thumb.boundingBox())!;
    expect([Math.round(box.width), Math.round(box.height)]).toEqual([80, 80]);
    await page.goto(new URL("archive/2016/06/", siteUrl).href);
    expect(await page.locator(".card").count()).toBeGreaterThan(0);
    expect(await page.locator(".card-list img").count()).toBe(0);
  });
});

describe("the date archive", () => {
  it("goes to the day asked for, else its month, else says the year has nothing", async () => {
    await page.goto(new URL("archive/", siteUrl).href);
    const day = page.getByLabel("Go to a date");
    expect(await day.getAttribute("min")).toBe("2013-07-04");
    await day.fill("2016-06-14");
    await page.getByRole("button", { name: "Go" }).click();
    await page.waitForURL(/\/archive\/archive\/2016\/06\/14\/$/);
    await page.goBack();
    await page.getByLabel("Go to a date").fill("2016-06-20");
    await page.getByRole("button", { name: "Go" }).click();
    await page.waitForURL(/\/archive\/archive\/2016\/06\/$/);
    await page.goBack();
    await page.getByLabel("Go to a date").fill("2017-03-01");
    await page.getByRole("button", { name: "Go" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("The archive has no articles from 2017.");
  });

  it("leads from a timeline bar to its year, and from the year's calendars to a month and a day", async () => {
    await page.goto(new URL("archive/", siteUrl).href);
    await follow(page.getByRole("link", { name: "2016: 3 articles" }), /\/archive\/archive\/2016\/$/);
    expect(await page.locator("table.calendar--small").count()).toBe(12);
    const june = page.locator("table.calendar--small", { has: page.getByRole("link", { name: "June" }) });
    expect(await june.locator(".calendar__count").textContent()).toBe("3 articles");
    await follow(
      june.getByRole("link", { name: "14 June 2016: 2 articles" }),
      /\/archive\/archive\/2016\/06\/14\/$/,
    );
    await page.goBack();
    await follow(
      page.getByRole("link", { name: "June 2016: 3 articles" }),
      /\/archive\/archive\/2016\/06\/$/,
    );
  });
});
