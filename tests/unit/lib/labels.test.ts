import { describe, expect, it } from "vitest";
import { LABEL_KINDS, getLabels, labelSlug } from "../../../src/lib/labels";

const article = {
  data: {
    topics: ["cybersecurity", "diplomacy"],
    byline: ["José Álvarez", "Mei Lin"],
    agency: "Associated Press",
    places: ["Beijing"],
    people: [],
    organizations: ["Office of Personnel Management"],
  },
};

describe("label kinds", () => {
  it("covers every browse folder of the contract once, each from its field", () => {
    expect(LABEL_KINDS.map((k) => `${k.kind}:${k.field}`)).toEqual([
      "topics:topics",
      "authors:byline",
      "agencies:agency",
      "places:places",
      "people:people",
      "organizations:organizations",
    ]);
  });

  it("reads an article's values of each kind, the single agency as a list", () => {
    const values = Object.fromEntries(LABEL_KINDS.map((k) => [k.kind, getLabels(article, k)]));
    expect(values).toEqual({
      topics: ["cybersecurity", "diplomacy"],
      authors: ["José Álvarez", "Mei Lin"],
      agencies: ["Associated Press"],
      places: ["Beijing"],
      people: [],
      organizations: ["Office of Personnel Management"],
    });
    const agencies = LABEL_KINDS.find((k) => k.kind === "agencies")!;
    expect(getLabels({ data: { ...article.data, agency: undefined } }, agencies)).toEqual([]);
  });

  it("slugs values by the contract's rule", () => {
    expect(labelSlug("José Álvarez")).toBe("jose-alvarez");
    expect(labelSlug("杭州")).toBe("hangzhou");
  });
});
