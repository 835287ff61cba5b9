import { describe, expect, it } from "vitest";
import type { SearchIndexEntry } from "../../../src/parts/build-part";
import {
  PART_FILTER,
  addCounts,
  addResults,
  batches,
  partsForYears,
  planStages,
  searchOrder,
  yearsSearched,
} from "../../../src/search/progress";

function part(from: string, to: string): SearchIndexEntry {
  return {
    path: `/pagefind/${from}-${to}/`,
    from,
    to,
    years: [Number(from.slice(0, 4)), Number(to.slice(0, 4))],
    languages: { en: 10 },
  };
}

// A busy 2025 split by months, a year, and a range of thin early years; newest first, as listed.
const late2025 = part("2025-07-01", "2025-12-31");
const early2025 = part("2025-01-01", "2025-06-30");
const y2024 = part("2024-01-01", "2024-12-31");
const y2020s = part("2020-01-01", "2023-12-31");
const y2016s = part("2016-01-01", "2019-12-31");
const listed = [late2025, early2025, y2024, y2020s, y2016s];

describe("partsForYears", () => {
  it("keeps every part when no year is chosen", () => {
    expect(partsForYears(listed, [])).toEqual(listed);
  });

  it("keeps only the parts holding a chosen year, a split year's every part", () => {
    expect(partsForYears(listed, ["2018"])).toEqual([y2016s]);
    expect(partsForYears(listed, ["2025", "2021"])).toEqual([late2025, early2025, y2020s]);
    expect(partsForYears(listed, ["1990"])).toEqual([]);
  });
});

describe("searchOrder", () => {
  it("asks the newest part first, by relevance and newest first, and the oldest first for oldest first", () => {
    const shuffled = [y2020s, late2025, y2016s, y2024, early2025];
    expect(searchOrder(shuffled, "relevance")).toEqual(listed);
    expect(searchOrder(shuffled, "newest")).toEqual(listed);
    expect(searchOrder(shuffled, "oldest")).toEqual([...listed].reverse());
  });
});

describe("batches", () => {
  it("asks one part first, then batches each twice the one before", () => {
    expect(batches([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([[1], [2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(batches([1])).toEqual([[1]]);
    expect(batches([])).toEqual([]);
  });
});

describe("planStages", () => {
  it("puts the newest part alone in the first stage and every part in exactly one stage", () => {
    const stages = planStages(listed, "relevance", []);
    expect(stages[0]).toEqual([late2025]);
    expect(stages.flat()).toEqual(listed);
  });

  it("asks only the parts of the chosen years, in date order", () => {
    expect(planStages(listed, "oldest", ["2025", "2018"])).toEqual([[y2016s], [early2025, late2025]]);
    expect(planStages(listed, "newest", ["1990"])).toEqual([]);
  });

  it("asks only the parts that share a day with the date range", () => {
    expect(planStages(listed, "newest", [], { from: "2024-12-31", to: "2025-01-01" })).toEqual([
      [early2025],
      [y2024],
    ]);
    expect(planStages(listed, "oldest", [], { to: "2020-01-01" })).toEqual([[y2016s], [y2020s]]);
    expect(planStages(listed, "newest", ["2016"], { from: "2024-01-01" })).toEqual([]);
  });
});

describe("addResults", () => {
  const r = (id: string, score: number) => ({ id, score });

  it("never moves the results shown: by relevance the rest and the new ones are ranked by score below them", () => {
    const first = [r("a", 9), r("b", 5), r("c", 1)];
    const next = addResults(first, 2, [r("x", 8), r("y", 2)], "relevance");
    expect(next.map(({ id }) => id)).toEqual(["a", "b", "x", "y", "c"]);
    // Once everything shown, the new ones only follow.
    expect(addResults(next, 5, [r("z", 100)], "relevance").map(({ id }) => id)).toEqual([
      "a",
      "b",
      "x",
      "y",
      "c",
      "z",
    ]);
  });

  it("keeps a date order exact: a later stage's part holds only older (or newer) articles, so it follows", () => {
    // In a date order Pagefind's score is a position in its own part, meaningless across parts.
    const first = [r("2025-10", 40), r("2025-08", 12)];
    const next = addResults(first, 1, [r("2024-05", 99), r("2024-01", 3)], "newest");
    expect(next.map(({ id }) => id)).toEqual(["2025-10", "2025-08", "2024-05", "2024-01"]);
  });

  it("does not change the lists it is given", () => {
    const first = [r("a", 1), r("b", 2)];
    addResults(first, 0, [r("c", 3)], "relevance");
    expect(first.map(({ id }) => id)).toEqual(["a", "b"]);
  });
});

describe("addCounts", () => {
  it("adds each value's counts over the stages, leaving the part filter out", () => {
    expect(
      addCounts(
        { year: { "2025": 4 }, topic: { harbour: 2, rail: 0 }, [PART_FILTER]: { "/pagefind/2025/": 4 } },
        { year: { "2024": 3 }, topic: { harbour: 1, ferries: 5 } },
        {},
      ),
    ).toEqual({ year: { "2025": 4, "2024": 3 }, topic: { harbour: 3, rail: 0, ferries: 5 } });
  });

  it("does not change the counts it is given", () => {
    const one = { topic: { harbour: 2 } };
    addCounts(one, { topic: { harbour: 1 } });
    expect(one).toEqual({ topic: { harbour: 2 } });
  });
});

describe("yearsSearched", () => {
  it("names the years searched as runs of consecutive years", () => {
    expect(yearsSearched([late2025])).toBe("2025");
    expect(yearsSearched([late2025, early2025, y2024])).toBe("2024–2025");
    expect(yearsSearched([late2025, y2016s])).toBe("2016–2019, 2025");
    expect(yearsSearched(listed)).toBe("2016–2025");
  });
});
