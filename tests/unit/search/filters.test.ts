import { describe, expect, it } from "vitest";
import { limitFacetValues, listFacetValues, searchFilterValues } from "../../../src/search/filters";

describe("searchFilterValues", () => {
  it("lists every topic, the year, every byline name, the agency and every place, as written", () => {
    expect(
      searchFilterValues({
        topics: ["floods", "Local politics"],
        byline: ["José Álvarez", "林晓"],
        agency: "Northbay Press",
        places: ["Oldmere"],
        published: { year: 2020 },
      }),
    ).toEqual([
      ["topic", "floods"],
      ["topic", "Local politics"],
      ["year", "2020"],
      ["byline", "José Álvarez"],
      ["byline", "林晓"],
      ["agency", "Northbay Press"],
      ["place", "Oldmere"],
    ]);
  });

  it("gives an article without labels only its year", () => {
    expect(searchFilterValues({ topics: [], byline: [], places: [], published: { year: 1999 } })).toEqual([
      ["year", "1999"],
    ]);
  });
});

describe("listFacetValues", () => {
  it("offers values that give results, most frequent first, then by name, and keeps selected ones", () => {
    expect(
      listFacetValues("topic", { floods: 3, elections: 2, Transport: 3, ghosts: 0, bees: 0 }, [
        "bees",
        "unknown",
      ]),
    ).toEqual([
      ["floods", 3],
      ["Transport", 3],
      ["elections", 2],
      ["bees", 0],
      ["unknown", 0],
    ]);
  });

  it("lists years newest first, whatever their counts", () => {
    expect(listFacetValues("year", { "2019": 5, "2021": 1, "2020": 2 }, [])).toEqual([
      ["2021", 1],
      ["2020", 2],
      ["2019", 5],
    ]);
  });
});

describe("limitFacetValues", () => {
  it("keeps the first values and any selected value beyond them", () => {
    const values: [string, number][] = [
      ["a", 5],
      ["b", 4],
      ["c", 3],
      ["d", 2],
    ];
    expect(limitFacetValues(values, [], 2)).toEqual([
      ["a", 5],
      ["b", 4],
    ]);
    expect(limitFacetValues(values, ["d"], 2)).toEqual([
      ["a", 5],
      ["b", 4],
      ["d", 2],
    ]);
  });
});
