import { describe, expect, it } from "vitest";
import { countArticles, listParts, summarize } from "../../../src/lib/format";

const joinNames = (names: string[], locale: string) =>
  listParts(names, locale)
    .map((part) => part.value)
    .join("");

describe("listParts joined", () => {
  it("joins one, two and three names for reading in en-GB", () => {
    expect(joinNames(["Marta Quill"], "en-GB")).toBe("Marta Quill");
    expect(joinNames(["Marta Quill", "Tomás Ferreira"], "en-GB")).toBe("Marta Quill and Tomás Ferreira");
    expect(joinNames(["Marta Quill", "Tomás Ferreira", "Odile Brandt"], "en-GB")).toBe(
      "Marta Quill, Tomás Ferreira and Odile Brandt",
    );
  });

  it("follows the locale's list style", () => {
    expect(joinNames(["A. Quill", "B. Ferreira", "C. Brandt"], "en-US")).toBe(
      "A. Quill, B. Ferreira, and C. Brandt",
    );
    expect(joinNames(["A. Quill", "B. Ferreira"], "fr")).toBe("A. Quill et B. Ferreira");
  });

  it("gives an empty string for no names", () => {
    expect(joinNames([], "en-GB")).toBe("");
  });
});

describe("summarize", () => {
  const SENTENCE = "The council voted on Tuesday to fund a new lifeboat station for the harbour.";

  it("prefers the dek over the body", () => {
    expect(summarize("Engineers finished early.", "The body says something else.")).toBe(
      "Engineers finished early.",
    );
  });

  it("falls back to the body's opening words, without Markdown or HTML", () => {
    const body =
      "## Vote\n\nThe **council** met with the [harbour board](https://harbour.example.org) and ![a photo](./a.jpg) <em>agreed</em> a plan.\n\n> A quote.";
    expect(summarize(undefined, body)).toBe(
      "Vote The council met with the harbour board and agreed a plan. A quote.",
    );
  });

  it("collapses whitespace and returns short text unchanged", () => {
    expect(summarize("  Two\n lines  of\ttext ", undefined)).toBe("Two lines of text");
    expect(summarize(SENTENCE, undefined)).toBe(SENTENCE);
    expect(summarize(SENTENCE, undefined, SENTENCE.length)).toBe(SENTENCE);
  });

  it("cuts long text on a word boundary and adds an ellipsis, within the limit", () => {
    const summary = summarize(SENTENCE, undefined, 42);
    expect(summary).toBe("The council voted on Tuesday to fund a…");
    expect(summary.length).toBeLessThanOrEqual(42);
  });

  it("keeps to the default 160 characters", () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    const summary = summarize(undefined, long);
    expect(summary.length).toBeLessThanOrEqual(160);
    expect(summary.endsWith("…")).toBe(true);
    expect(long.startsWith(summary.slice(0, -1))).toBe(true);
    expect(long.charAt(summary.length - 1)).toBe(" ");
  });

  it("gives an empty string when there is neither dek nor body", () => {
    expect(summarize(undefined, undefined)).toBe("");
  });
});

describe("countArticles", () => {
  it("says article or articles, with the locale's digits grouping", () => {
    expect(countArticles(1, "en-GB")).toBe("1 article");
    expect(countArticles(0, "en-GB")).toBe("0 articles");
    expect(countArticles(1204, "en-GB")).toBe("1,204 articles");
  });
});

describe("listParts", () => {
  it("tells the names from the words that join them", () => {
    expect(listParts(["سارة الخطيب", "Ann Lee", "Bo Chen"], "en-GB")).toEqual([
      { type: "name", value: "سارة الخطيب" },
      { type: "text", value: ", " },
      { type: "name", value: "Ann Lee" },
      { type: "text", value: " and " },
      { type: "name", value: "Bo Chen" },
    ]);
  });
});
