import { describe, expect, it } from "vitest";
import { calendarDayIn, scaffoldArticle, slugFromHeadline } from "../../../src/articles/scaffold";
import { validateArticleSource } from "../../../src/articles/validate-article";
import { createArticleSchema } from "../../../src/articles/schema/article";

describe("calendarDayIn", () => {
  it("gives the day it is in the site's timezone", () => {
    const instant = Date.UTC(2026, 10, 26, 23, 30);
    expect(calendarDayIn(instant, "UTC")).toBe("2026-11-26");
    expect(calendarDayIn(instant, "Asia/Tokyo")).toBe("2026-11-27");
    expect(calendarDayIn(instant, "America/New_York")).toBe("2026-11-26");
  });
});

describe("slugFromHeadline", () => {
  it("makes a slug of any headline, cut at a word when long", () => {
    expect(slugFromHeadline("Harbour: ferry #1 returns — “at last”")).toBe("harbour-ferry-1-returns-at-last");
    expect(slugFromHeadline("東京会議")).toMatch(/^[a-z0-9-]+$/);
    const long = slugFromHeadline("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^word(-word)*$/);
  });
});

describe("scaffoldArticle", () => {
  it("is a valid draft dated as asked, with the headline as written", () => {
    const text = scaffoldArticle({ title: 'Talks: "what next" #1', day: "2026-11-26" });
    const schema = createArticleSchema({ defaultLanguage: "en", timezone: "UTC" });
    const result = validateArticleSource(text, "content/articles/2026/11/talks.md", schema, {
      imageExists: () => false,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.data.title).toBe('Talks: "what next" #1');
    expect(result.article.data.published.written).toBe("2026-11-26");
    expect(result.article.data.draft).toBe(true);
  });

  it("shows every field of the schema, commented", () => {
    const text = scaffoldArticle({ title: "T", day: "2026-11-26" });
    const schema = createArticleSchema({ defaultLanguage: "en", timezone: "UTC" });
    for (const field of Object.keys(schema.shape)) {
      expect(text, field).toMatch(new RegExp(`^(# )?${field}:`, "m"));
    }
  });
});
