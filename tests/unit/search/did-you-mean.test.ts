import { describe, expect, it } from "vitest";
import { suggestQuery } from "../../../src/search/browser/did-you-mean";
import { bucketOf, wordsOf, wordFile } from "../../../src/search/words";

// Two parts of an English index, as their word lists give them.
const PARTS: Record<string, Record<string, number>> = {
  "/pagefind/2016/": { harbour: 4, harbours: 1, workers: 2, ferry: 3, fairy: 1, the: 9 },
  "/pagefind/2020/": { harbour: 2, hardware: 1, ferry: 1, tidewater: 5 },
};
const read = async (path: string): Promise<Record<string, number>> => {
  const part = Object.keys(PARTS).find((p) => path.startsWith(p))!;
  const bucket = Number(/(\d+)\.json$/.exec(path)![1]);
  expect(path).toMatch(/words\/en\/\d+\.json$/);
  return Object.fromEntries(Object.entries(PARTS[part]!).filter(([word]) => bucketOf(word) === bucket));
};
const parts = Object.keys(PARTS).map((path) => ({ path }));
const suggest = (query: string) => suggestQuery(query, parts, "en", read);

describe("suggestQuery", () => {
  it("replaces a word the index lacks by the closest one it holds", async () => {
    expect(await suggest("harbor")).toBe("harbour");
    expect(await suggest("Tidwater")).toBe("tidewater");
  });

  it("keeps the words the index holds, and replaces only the others", async () => {
    expect(await suggest("harbor workrs")).toBe("harbour workers");
    expect(await suggest("ferry workrs")).toBe("ferry workers");
  });

  it("prefers the word used most among equally close ones, counting every part", async () => {
    // "ferry" and "fairy" are both one edit from "farry"; "ferry" is used four times.
    expect(await suggest("farry")).toBe("ferry");
  });

  it("suggests nothing when every word is known, or nothing is close, or the word is short or a number", async () => {
    expect(await suggest("harbour")).toBeUndefined();
    expect(await suggest("zzzqqq")).toBeUndefined();
    expect(await suggest("th 1872")).toBeUndefined();
    expect(await suggest("旧港图书馆")).toBeUndefined();
  });
});

describe("the words lists keep", () => {
  it("are lower case alphabet words of three letters or more, from scripts written with spaces", () => {
    expect(wordsOf("The Harbour's 1872 lamp—lit at 9pm; Île-de-France, 旧港 سارة")).toEqual([
      "the",
      "harbour",
      "lamp",
      "lit",
      "île",
      "france",
      "سارة",
    ]);
    expect(wordFile("en", "harbour")).toBe(`words/en/${"h".codePointAt(0)! % 64}.json`);
  });
});
