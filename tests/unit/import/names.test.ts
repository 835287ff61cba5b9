import { describe, expect, it } from "vitest";
import { EntityRegistry, parseEntityFile } from "../../../src/entities/registry";
import type { ImportedArticle } from "../../../src/import/imported-article";
import { ImportNames } from "../../../src/import/names";
import { fingerprintOf, isNewer, isNewerThan } from "../../../src/import/versions";

function registry(yaml: Record<string, string>): EntityRegistry {
  return new EntityRegistry(
    Object.entries(yaml).flatMap(
      ([kind, text]) => parseEntityFile(text, kind as "places", `${kind}.yaml`).entities,
    ),
  );
}

const article = (fields: Partial<ImportedArticle>): ImportedArticle => ({
  sourceId: "x",
  title: "T",
  published: "2024-01-01",
  byline: [],
  topics: [],
  people: [],
  organizations: [],
  places: [],
  codes: [],
  images: [],
  source: { publisher: "P" },
  aliases: [],
  body: "",
  removed: [],
  notes: [],
  ...fields,
});

describe("ImportNames", () => {
  it("files a name under its entity, by any name, by its page's address, or by its IPTC code", () => {
    const names = new ImportNames(
      registry({
        places: "- name: Beijing\n  aliases: [Peking, 北京]\n- name: Pékin Road\n",
        topics: "- name: Shipping\n  ids: { iptc: medtop:20000349 }\n",
      }),
    );
    const filed = names.fileArticle(
      article({
        places: ["PEKING", "北京", "Pekin Road"],
        topics: ["maritime transport", "weather"],
        codes: [{ kind: "topics", name: "maritime transport", code: "medtop:20000349" }],
      }),
    );
    expect(filed.places).toEqual(["Beijing", "Pékin Road"]);
    expect(filed.topics).toEqual(["Shipping", "weather"]);
    expect(names.takeNewEntities()).toEqual([]);
  });

  it("writes a name the way the archive already writes its page, and remembers new coded subjects once", () => {
    const names = new ImportNames(registry({}));
    names.knowSpelling("topics", "local government");
    const first = names.fileArticle(
      article({
        topics: ["Local Government", "Economy"],
        codes: [{ kind: "topics", name: "Economy", code: "medtop:04000000" }],
      }),
    );
    expect(first.topics).toEqual(["local government", "Economy"]);
    expect(first.notes).toEqual([
      '"Local Government" is written "local government", as the archive writes it',
    ]);
    const second = names.fileArticle(
      article({ topics: ["economy"], codes: [{ kind: "topics", name: "economy", code: "medtop:04000000" }] }),
    );
    expect(second.topics).toEqual(["Economy"]);
    expect(names.takeNewEntities()).toEqual([{ kind: "topics", name: "Economy", code: "medtop:04000000" }]);
    expect(names.takeNewEntities()).toEqual([]);
  });

  it("finds a subject known only by its code in the registry, and leaves it out when the registry lacks it", () => {
    const names = new ImportNames(
      registry({ topics: "- name: Shipping\n  ids: { iptc: medtop:20000349 }\n" }),
    );
    const filed = names.fileArticle(
      article({
        topics: ["medtop:20000349", "medtop:20000001"],
        codes: [
          { kind: "topics", name: "medtop:20000349", code: "medtop:20000349" },
          { kind: "topics", name: "medtop:20000001", code: "medtop:20000001" },
        ],
      }),
    );
    expect(filed.topics).toEqual(["Shipping"]);
    expect(filed.notes).toEqual([
      "left out the subject medtop:20000001: the export gives it no name, and no registry entry has that code",
    ]);
  });

  it("adds one registry entry for two codes of one subject", () => {
    const names = new ImportNames(registry({}));
    names.fileArticle(
      article({
        topics: ["economy"],
        codes: [{ kind: "topics", name: "economy", code: "subj:04000000" }],
      }),
    );
    const second = names.fileArticle(
      article({ topics: ["Economy"], codes: [{ kind: "topics", name: "Economy", code: "medtop:04000000" }] }),
    );
    expect(second.topics).toEqual(["economy"]);
    expect(names.takeNewEntities()).toEqual([{ kind: "topics", name: "economy", code: "subj:04000000" }]);
  });

  it("leaves out a name with nothing to make an address from, saying so", () => {
    const filed = new ImportNames(registry({})).fileArticle(article({ topics: ["!!!", "ports"] }));
    expect(filed.topics).toEqual(["ports"]);
    expect(filed.notes).toEqual([
      'left out the topics name "!!!": it has no letter or digit to make a page address from',
    ]);
  });
});

describe("whether a story read again is newer", () => {
  it("compares numbers as numbers and dates as moments", () => {
    expect(isNewer("10", "9")).toBe(true);
    expect(isNewer("2", "2")).toBe(false);
    expect(isNewer("2016-06-14T23:30:00-05:00", "2016-06-15T04:00:00Z")).toBe(true);
    expect(isNewer("2016-06-14T10:00:00Z", "2016-06-14T10:00:00Z")).toBe(false);
  });

  it("goes by the source's versions when both have one, else by the text; never rewrites an article no import wrote", () => {
    const text = fingerprintOf({ title: "T", body: "Body." });
    const changed = fingerprintOf({ title: "T", body: "Body, changed." });
    expect(fingerprintOf({ title: "T", body: "Body.\n\n" })).toBe(text);
    expect(isNewerThan("3", changed, { file: "a.md", version: "3", fingerprint: text })).toBe(false);
    expect(isNewerThan("4", text, { file: "a.md", version: "3", fingerprint: text })).toBe(true);
    expect(isNewerThan(undefined, text, { file: "a.md", fingerprint: text })).toBe(false);
    expect(isNewerThan(undefined, changed, { file: "a.md", fingerprint: text })).toBe(true);
    expect(isNewerThan("4", changed, { file: "hand-written.md" })).toBe(false);
  });
});
