import { describe, expect, it } from "vitest";
import { normalizeBase, resolveSiteConfig } from "../../src/site.config";

describe("normalizeBase", () => {
  it.each([
    ["/", "/"],
    ["", "/"],
    ["archive", "/archive"],
    ["/archive/", "/archive"],
    ["//archive//", "/archive"],
    [" /news/archive/ ", "/news/archive"],
  ])("%j → %j", (input, base) => {
    expect(normalizeBase(input)).toBe(base);
  });
});

describe("resolveSiteConfig", () => {
  it("has the documented defaults", () => {
    expect(resolveSiteConfig({})).toMatchObject({
      url: "http://localhost:4321",
      base: "/",
      defaultLanguage: "en",
      locale: "en-GB",
      timezone: "UTC",
      pageSize: 10,
      articlesDir: "content/articles",
      urlManifest: "content/urls.txt",
    });
  });

  it("reads SITE_URL, BASE_PATH and ARTICLES_DIR overrides", () => {
    expect(
      resolveSiteConfig({
        SITE_URL: "https://news.example.org",
        BASE_PATH: "archive/",
        ARTICLES_DIR: "tests/fixtures/articles/valid",
      }),
    ).toMatchObject({
      url: "https://news.example.org",
      base: "/archive",
      articlesDir: "tests/fixtures/articles/valid",
    });
  });

  it("ignores empty overrides", () => {
    expect(resolveSiteConfig({ SITE_URL: "", BASE_PATH: "", ARTICLES_DIR: "" })).toMatchObject({
      url: "http://localhost:4321",
      base: "/",
      articlesDir: "content/articles",
    });
  });

  it("builds the whole site unless ARCHIVE_YEARS names a part", () => {
    expect(resolveSiteConfig({}).part).toEqual({ kind: "whole" });
    expect(resolveSiteConfig({ ARCHIVE_YEARS: "1996-2005" }).part).toEqual({
      kind: "years",
      from: 1996,
      to: 2005,
    });
    expect(resolveSiteConfig({ ARCHIVE_YEARS: "none" }).part).toEqual({ kind: "all-years" });
    expect(() => resolveSiteConfig({ ARCHIVE_YEARS: "2005-1996" })).toThrow(/ARCHIVE_YEARS must be a year/);
  });
});
