import { describe, expect, it } from "vitest";
import { searchFilterValues } from "../../../src/lib/search-filters";

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
