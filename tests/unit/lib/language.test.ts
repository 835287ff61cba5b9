import { describe, expect, it } from "vitest";
import { canonicalLanguage, siteWordsAttributes, textDirection } from "../../../src/lib/language";

describe("canonicalLanguage", () => {
  it.each([
    ["en", "en"],
    ["zh-hans", "zh-Hans"],
    ["EN-gb", "en-GB"],
    ["ar", "ar"],
    ["gsw", "gsw"],
    // Real codes that some Node.js builds have no display name for.
    ["apc", "apc"],
    ["hbo", "hbo"],
    ["bfi", "bfi"],
  ])("reads %s as %s", (tag, canonical) => {
    expect(canonicalLanguage(tag)).toBe(canonical);
  });

  it.each(["english", "french", "en_GB", "und", "not a tag!", ""])("refuses %j", (tag) => {
    expect(canonicalLanguage(tag)).toBeUndefined();
  });
});

describe("textDirection", () => {
  it.each([
    ["ar", "rtl"],
    ["he", "rtl"],
    ["fa", "rtl"],
    ["ur", "rtl"],
    ["en", "ltr"],
    ["en-GB", "ltr"],
    ["fr", "ltr"],
    ["zh-Hans", "ltr"],
    ["ja", "ltr"],
  ] as const)("%s is %s", (language, direction) => {
    expect(textDirection(language)).toBe(direction);
  });

  it("falls back to ltr for a tag it cannot read", () => {
    expect(textDirection("not a tag!")).toBe("ltr");
  });
});

describe("siteWordsAttributes", () => {
  it("marks the site's words with the site language and its direction inside other-language content", () => {
    expect(siteWordsAttributes("ar", "en")).toEqual({ lang: "en", dir: "ltr" });
    expect(siteWordsAttributes("en", "ar")).toEqual({ lang: "ar", dir: "rtl" });
  });

  it("adds nothing where the content is in the site language", () => {
    expect(siteWordsAttributes("en", "en")).toEqual({});
  });
});
