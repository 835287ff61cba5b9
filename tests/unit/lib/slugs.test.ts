import { describe, expect, it } from "vitest";
import { SLUG_PATTERN, isValidSlug, slugFromFilePath, slugifyName } from "../../../src/lib/slugs";

describe("slugifyName", () => {
  it.each([
    ["José Álvarez", "jose-alvarez"],
    ["  Port Ellery  Harbour ", "port-ellery-harbour"],
    ["Ørsted & Co", "orsted-and-co"],
    ["O'Brien", "o-brien"],
    ["Zürich", "zurich"],
    ["杭州", "hangzhou"],
    ["北京 Olympics", "beijing-olympics"],
    ["Москва", "moskva"],
    ["C++", "c"],
    ["DeepMind", "deepmind"],
    ["Office of Personnel Management", "office-of-personnel-management"],
  ])("turns %j into %j", (name, slug) => {
    expect(slugifyName(name)).toBe(slug);
    expect(isValidSlug(slugifyName(name))).toBe(true);
  });

  it("gives an empty string when nothing usable is left", () => {
    expect(slugifyName("!!!")).toBe("");
  });
});

describe("isValidSlug", () => {
  it.each(["jose-alvarez", "2016-talks", "a", "x9"])("accepts %j", (slug) => {
    expect(isValidSlug(slug)).toBe(true);
  });

  it.each(["", "Jose", "josé", "a--b", "-a", "a-", "a_b", "a b", "a/b"])("refuses %j", (slug) => {
    expect(isValidSlug(slug)).toBe(false);
  });

  it("is the same rule as SLUG_PATTERN", () => {
    expect(SLUG_PATTERN.test("harbour-bridge")).toBe(true);
    expect(SLUG_PATTERN.test("Harbour-Bridge")).toBe(false);
  });
});

describe("slugFromFilePath", () => {
  it("is the file name without .md, whatever folder the file is in", () => {
    expect(slugFromFilePath("content/articles/2016/06/harbour-bridge.md")).toBe("harbour-bridge");
    expect(slugFromFilePath("harbour-bridge.md")).toBe("harbour-bridge");
    expect(slugFromFilePath("content\\articles\\2016\\harbour-bridge.md")).toBe("harbour-bridge");
  });

  it("removes the extension case-insensitively and only at the end", () => {
    expect(slugFromFilePath("content/articles/Story.MD")).toBe("Story");
    expect(slugFromFilePath("content/articles/notes.md.bak")).toBe("notes.md.bak");
  });

  it("keeps an invalid file name as is, for the validator to report", () => {
    expect(slugFromFilePath("content/articles/Harbour_Strike_Ends.md")).toBe("Harbour_Strike_Ends");
  });
});
