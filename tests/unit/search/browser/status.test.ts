import { describe, expect, it } from "vitest";
import { describe as describeView, describeSoFar } from "../../../../src/search/browser/status";
import { chooseLanguage } from "../../../../src/search/browser/controls";
import { withoutEmptyHighlight } from "../../../../src/search/browser/results";
import { parseSearchState } from "../../../../src/search/state";
import type { SearchIndexEntry } from "../../../../src/parts/build-part";

const numbers = new Intl.NumberFormat("en");
const view = (query: string) => parseSearchState(new URLSearchParams(query));
const part = (years: [number, number]): SearchIndexEntry => ({
  path: `/pagefind/${years.join("-")}/`,
  from: `${years[0]}-01-01`,
  to: `${years[1]}-12-31`,
  years,
  languages: { en: 1 },
});

describe("the status above the results", () => {
  it("says what was searched and how many results it found", () => {
    expect(describeView(numbers, view("q=harbour"), 1204)).toBe("1,204 results for “harbour”");
    expect(describeView(numbers, view("q=harbour"), 0)).toBe("No articles match “harbour”.");
    expect(describeView(numbers, view("topic=Fire"), 1)).toBe("1 article matches these filters");
    expect(describeView(numbers, view("sort=oldest"), 12)).toBe("12 articles in the archive, oldest first");
    // An archive in several languages counts the one searched.
    expect(describeView(numbers, view(""), 11, "English")).toBe("11 articles in English, newest first");
  });

  it("while parts remain, says which years have been searched", () => {
    const searched = [part([2020, 2025]), part([2016, 2019]), part([2012, 2013])];
    expect(describeSoFar(numbers, view("q=harbour"), 3, searched)).toBe(
      "3 results so far for “harbour” (searched 2012–2013, 2016–2025)…",
    );
    expect(describeSoFar(numbers, view("topic=Fire"), 1, searched.slice(0, 1), ".")).toBe(
      "1 article so far matches these filters (searched 2020–2025).",
    );
  });
});

describe("the language searched", () => {
  it("is the one asked for, else the reader's, else the site's, matching on the primary tag", () => {
    expect(chooseLanguage("de", ["en", "de"], ["en-GB"], "en")).toBe("de");
    expect(chooseLanguage(undefined, ["en", "de"], ["de-AT", "en"], "en")).toBe("de");
    expect(chooseLanguage(undefined, ["en", "fr"], ["ja"], "fr")).toBe("fr");
    expect(chooseLanguage("xx", ["nl"], [], "en")).toBe("nl");
  });
});

describe("a result's link", () => {
  it("carries the searched words and drops the empty highlight Pagefind adds to a filters-only search", () => {
    const from = "https://news.example/search/?topic=Fire";
    expect(withoutEmptyHighlight("/2020/01/02/a/?highlight=", "highlight", from)).toBe("/2020/01/02/a/");
    expect(withoutEmptyHighlight("/2020/01/02/a/?highlight=harbour&highlight=", "highlight", from)).toBe(
      "/2020/01/02/a/?highlight=harbour",
    );
  });
});
