import { describe, expect, it } from "vitest";
import {
  LABEL_KINDS,
  findLabelConflicts,
  getLabels,
  groupByInitial,
  groupByLabel,
  labelSlug,
  type LabelledArticle,
} from "../../../src/lib/labels";

const article = {
  data: {
    topics: ["cybersecurity", "diplomacy"],
    byline: ["José Álvarez", "Mei Lin"],
    agency: "Associated Press",
    section: "World",
    places: ["Beijing"],
    people: [],
    organizations: ["Office of Personnel Management"],
  },
};

describe("label kinds", () => {
  it("covers every browse folder of the contract once, each from its field", () => {
    expect(LABEL_KINDS.map((k) => `${k.kind}:${k.field}`)).toEqual([
      "sections:section",
      "topics:topics",
      "authors:byline",
      "agencies:agency",
      "places:places",
      "people:people",
      "organizations:organizations",
    ]);
  });

  it("reads an article's values of each kind, the single section and agency as lists", () => {
    const values = Object.fromEntries(LABEL_KINDS.map((k) => [k.kind, getLabels(article, k)]));
    expect(values).toEqual({
      sections: ["World"],
      topics: ["cybersecurity", "diplomacy"],
      authors: ["José Álvarez", "Mei Lin"],
      agencies: ["Associated Press"],
      places: ["Beijing"],
      people: [],
      organizations: ["Office of Personnel Management"],
    });
    const agencies = LABEL_KINDS.find((k) => k.kind === "agencies")!;
    expect(getLabels({ data: { ...article.data, agency: undefined } }, agencies)).toEqual([]);
    const sections = LABEL_KINDS.find((k) => k.kind === "sections")!;
    expect(getLabels({ data: { ...article.data, section: undefined } }, sections)).toEqual([]);
  });

  it("slugs values by the contract's rule", () => {
    expect(labelSlug("José Álvarez")).toBe("jose-alvarez");
    expect(labelSlug("杭州")).toBe("hangzhou");
  });
});

describe("groupByLabel", () => {
  const kind = (k: string) => LABEL_KINDS.find((info) => info.kind === k)!;
  const make = (file: string, data: Partial<LabelledArticle["data"]>) => ({
    file,
    data: { topics: [], byline: [], places: [], people: [], organizations: [], ...data },
  });

  it("groups articles under each value in the list's order, names from A to Z whatever the accents", () => {
    const a = make("a.md", { byline: ["Zoë Ångström", "José Álvarez"] });
    const b = make("b.md", { byline: ["José Álvarez"] });
    const c = make("c.md", { byline: ["anna Berg"] });
    const groups = groupByLabel([a, b, c], kind("authors"), "en-GB");
    expect(groups.map((g) => [g.name, g.slug, g.articles.map((x) => x.file)])).toEqual([
      ["anna Berg", "anna-berg", ["c.md"]],
      ["José Álvarez", "jose-alvarez", ["a.md", "b.md"]],
      ["Zoë Ångström", "zoe-angstrom", ["a.md"]],
    ]);
  });

  it("counts an article once when it repeats a value, and groups the single agency", () => {
    const a = make("a.md", { topics: ["x", "x"], agency: "Fixture Wire" });
    expect(groupByLabel([a], kind("topics"), "en-GB")[0]!.articles).toHaveLength(1);
    expect(groupByLabel([a], kind("agencies"), "en-GB").map((g) => g.slug)).toEqual(["fixture-wire"]);
  });

  it("refuses to merge two spellings with one slug", () => {
    const list = [make("a.md", { topics: ["C++"] }), make("b.md", { topics: ["c"] })];
    expect(() => groupByLabel(list, kind("topics"), "en-GB")).toThrow(
      'the topic names "C++" and "c" both have the slug "c"',
    );
  });
});

describe("findLabelConflicts", () => {
  const make = (file: string, data: Partial<LabelledArticle["data"]>) => ({
    file,
    data: { topics: [], byline: [], places: [], people: [], organizations: [], ...data },
  });

  it("reports each spelling once, at its first use in file order, naming the other", () => {
    const conflicts = findLabelConflicts([
      make("b.md", { topics: ["china"] }),
      make("a.md", { topics: ["news", "China"] }),
      make("c.md", { topics: ["China"] }),
    ]);
    expect(conflicts.map((c) => [c.file, c.kind.field, c.index, c.message])).toEqual([
      [
        "a.md",
        "topics",
        1,
        '"China" and "china" (b.md) would share the page /topics/china/; write the same topic the same way everywhere, or tell them apart with more words, or, if they are one topic written in two ways (two scripts, say), declare them as one in content/entities/topics.yaml: - { name: "China", aliases: ["china"] }',
      ],
      [
        "b.md",
        "topics",
        0,
        '"china" and "China" (a.md) would share the page /topics/china/; write the same topic the same way everywhere, or tell them apart with more words, or, if they are one topic written in two ways (two scripts, say), declare them as one in content/entities/topics.yaml: - { name: "China", aliases: ["china"] }',
      ],
    ]);
  });

  it("reports a value with nothing to make a slug from, and accepts the same name across kinds", () => {
    const conflicts = findLabelConflicts([
      make("a.md", { places: ["!!!"], people: ["Kellsport"] }),
      make("b.md", { places: ["Kellsport"] }),
    ]);
    expect(conflicts.map((c) => [c.file, c.kind.kind, c.message])).toEqual([
      [
        "a.md",
        "places",
        '"!!!" has no letter or digit to make the address of its place page from; write it with at least one',
      ],
    ]);
  });
});

describe("groupByInitial", () => {
  it("files labels under the first letter of their slug, anything else last under #", () => {
    const groups = [{ slug: "zebra" }, { slug: "beijing" }, { slug: "2016-games" }, { slug: "bonn" }];
    expect(groupByInitial(groups)).toEqual([
      { letter: "B", groups: [{ slug: "beijing" }, { slug: "bonn" }] },
      { letter: "Z", groups: [{ slug: "zebra" }] },
      { letter: "#", groups: [{ slug: "2016-games" }] },
    ]);
  });
});
