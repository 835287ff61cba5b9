import { describe, expect, it } from "vitest";
import { EntityRegistry, findRegistryProblems, parseEntityFile } from "../../../src/entities/registry";
import { entityJsonLd, describeEntity, identifierLinks } from "../../../src/entities/about";
import { entityEntry } from "../../../src/lib/labels";
import { entityRedirects } from "../../../src/entities/label-redirects";

const places = parseEntityFile(
  [
    "- name: China",
    "  aliases: [中国]",
    "- name: Beijing",
    "  aliases: [北京, Pékin]",
    "  formerNames: [Peking]",
    "  in: China",
    "  ids: { wikidata: Q956, geonames: 1816670 }",
    "- name: Chaoyang",
    "  in: beijing",
    "",
  ].join("\n"),
  "places",
  "places.yaml",
);
const registry = new EntityRegistry(places.entities);

describe("the entity registry", () => {
  it("reads entries with their lines", () => {
    expect(places.problems).toEqual([]);
    expect(places.entities.map((e) => [e.name, e.line])).toEqual([
      ["China", 1],
      ["Beijing", 3],
      ["Chaoyang", 8],
    ]);
  });

  it("finds an entity by any of its names, ignoring case, and keeps other names as written", () => {
    for (const name of ["Beijing", "北京", "PÉKIN", "Peking"])
      expect(registry.shownName("places", name)).toBe("Beijing");
    expect(registry.shownName("places", "Shanghai")).toBe("Shanghai");
    // A kind's names are its own: a person called Beijing is not the place.
    expect(registry.shownName("people", "Beijing")).toBe("Beijing");
  });

  it("knows the place a place lies in and the places in it", () => {
    const beijing = registry.find("places", "北京")!;
    expect(registry.parentOf(beijing)?.name).toBe("China");
    expect(registry.childrenOf(beijing).map((p) => p.name)).toEqual(["Chaoyang"]);
    expect(findRegistryProblems(places.entities)).toEqual([]);
  });

  it("describes an entity for its page and for search engines", () => {
    const beijing = registry.find("places", "Beijing")!;
    expect(identifierLinks(beijing)).toEqual([
      { label: "Wikidata", url: "https://www.wikidata.org/wiki/Q956" },
      { label: "GeoNames", url: "https://www.geonames.org/1816670/" },
    ]);
    const about = describeEntity(beijing, registry, (_kind, name) =>
      name === "China" ? { path: "/places/china/", count: 4 } : undefined,
    );
    expect(about.parent).toEqual({ name: "China", path: "/places/china/", count: 4 });
    expect(about.children).toEqual([{ name: "Chaoyang", count: 0 }]);
    const ld = entityJsonLd(about, "https://example.org/places/beijing/", (p) => `https://example.org${p}`);
    expect(ld).toMatchObject({ "@type": "Place", sameAs: [expect.any(String), expect.any(String)] });
  });
});

describe("entityRedirects", () => {
  it("leads each other name's first page to the entity's, never over a live page", () => {
    const pages: Record<string, number> = { "places/beijing": 3, "places/china": 1, "places/pekin": 1 };
    const redirects = entityRedirects(registry, (kind, slug) => pages[`${kind}/${slug}`] ?? 0);
    expect(redirects.map((r) => `${r.from} → ${r.to}`)).toEqual([
      "/places/zhongguo/ → /places/china/",
      // Each name's first page; Pékin's address is a live page of its own.
      "/places/peking/ → /places/beijing/",
    ]);
  });
});

describe("entityEntry", () => {
  it("shows the Latin spelling and lists the others as aliases, ready to paste", () => {
    expect(entityEntry(["北京", "Beijing"])).toBe('- { name: "Beijing", aliases: ["北京"] }');
    expect(entityEntry(["القدس", "Jerusalem", "Yerushalayim"])).toBe(
      '- { name: "Jerusalem", aliases: ["Yerushalayim", "القدس"] }',
    );
  });
});
