import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Root } from "hast";
import { beforeAll, describe, expect, it } from "vitest";
import { all, attr, hasPage, one, readPage, text } from "../support/html";
import { buildSite, projectRoot } from "../support/site-build";

// Beijing named in English, Chinese (北京, with 中国) and Arabic (بكين), and a registry
// (tests/fixtures/entities/entities/) that makes each one place.
let dist: string;

beforeAll(async () => {
  dist = join(await mkdtemp(join(tmpdir(), "archive-entities-")), "dist");
  const { code, output } = await buildSite({
    articlesDir: join(projectRoot, "tests/fixtures/entities/articles"),
    outDir: dist,
  });
  if (code !== 0) throw new Error(`the build failed:\n${output}`);
}, 240_000);

const cards = (page: Root) => all(page, ".card-list .card__title a").map((a) => attr(a, "href"));
const facts = (page: Root) =>
  Object.fromEntries(
    all(page, ".entity-about__facts > div").map((row) => [text(one(row, "dt")), text(one(row, "dd"))]),
  );

describe("entities", () => {
  it("files a place named in three scripts under one page, with the registry's shown name", async () => {
    const beijing = await readPage(dist, "/places/beijing/");
    expect(text(one(beijing, "h1"))).toBe("Beijing");
    expect(cards(beijing)).toEqual([
      "/2016/06/16/beijing-talks-ar/",
      "/2016/06/15/beijing-talks-zh/",
      "/2016/06/14/talks-in-beijing/",
    ]);
    const china = await readPage(dist, "/places/china/");
    expect(cards(china)).toEqual(["/2016/06/15/beijing-talks-zh/", "/2016/06/14/talks-in-beijing/"]);
    for (const spelling of ["zhongguo", "bkyn", "lsyn"])
      expect(hasPage(dist, `/places/${spelling}/`)).toBe(false);
    const chinese = await readPage(dist, "/2016/06/15/beijing-talks-zh/");
    const placeLinks = all(chinese, 'a[href^="/places/"]').map((a) => [text(a), attr(a, "href")]);
    expect(placeLinks).toEqual([
      ["Beijing", "/places/beijing/"],
      ["China", "/places/china/"],
    ]);
  });

  it("says what the registry knows: description, other names, the place it lies in, and identifiers", async () => {
    const beijing = await readPage(dist, "/places/beijing/");
    expect(text(one(beijing, ".entity-about__description"))).toBe(
      "The capital of China, in the north of the country.",
    );
    expect(facts(beijing)).toEqual({
      "Also known as": "北京 · بكين · Pékin",
      Formerly: "Peking",
      In: "China",
      Elsewhere: "Wikidata GeoNames",
    });
    expect(all(beijing, ".entity-about a").map((a) => attr(a, "href"))).toEqual([
      "/places/china/",
      "https://www.wikidata.org/wiki/Q956",
      "https://www.geonames.org/1816670/",
    ]);
    const china = await readPage(dist, "/places/china/");
    expect(facts(china)["Places in China"]).toBe("Beijing (3 articles)");
  });

  it("describes the page's subject in JSON-LD, with sameAs for its identifiers", async () => {
    const beijing = await readPage(dist, "/places/beijing/");
    const data = all(beijing, 'script[type="application/ld+json"]').map(
      (script) => JSON.parse(text(script)) as Record<string, unknown>,
    );
    expect(data).toContainEqual({
      "@context": "https://schema.org",
      "@type": "Place",
      "@id": "https://archive.example.org/places/beijing/#subject",
      name: "Beijing",
      url: "https://archive.example.org/places/beijing/",
      alternateName: ["北京", "بكين", "Pékin", "Peking"],
      description: "The capital of China, in the north of the country.",
      sameAs: ["https://www.wikidata.org/wiki/Q956", "https://www.geonames.org/1816670/"],
      containedInPlace: { "@type": "Place", name: "China", url: "https://archive.example.org/places/china/" },
    });
  });
});
