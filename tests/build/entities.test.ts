import { mkdtemp, readFile } from "node:fs/promises";
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
    all(page, ".entity-about__facts > div").map((row) => {
      const items = all(row, "dd li");
      return [
        text(one(row, "dt")),
        items.length > 0 ? items.map((li) => text(li)).join(" · ") : text(one(row, "dd")),
      ];
    }),
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
    // The other spellings' addresses only lead to these pages (see below).
    for (const spelling of ["zhongguo", "bkyn", "lsyn"]) {
      expect(all(await readPage(dist, `/places/${spelling}/`), ".card-list")).toEqual([]);
    }
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
      Elsewhere: "Wikidata · GeoNames",
    });
    expect(all(beijing, ".entity-about a").map((a) => attr(a, "href"))).toEqual([
      "/places/china/",
      "https://www.wikidata.org/wiki/Q956",
      "https://www.geonames.org/1816670/",
    ]);
    const china = await readPage(dist, "/places/china/");
    expect(facts(china)["Places in China"]).toBe("Beijing (3 articles)");
  });

  it("points an article's subjects to the entities' pages and identifiers in its JSON-LD", async () => {
    const chinese = await readPage(dist, "/2016/06/15/beijing-talks-zh/");
    const article = all(chinese, 'script[type="application/ld+json"]')
      .map((script) => JSON.parse(text(script)) as { "@type": string; about?: unknown[] })
      .find((data) => data["@type"] === "NewsArticle")!;
    expect(article.about).toEqual([
      {
        "@type": "Place",
        "@id": "https://archive.example.org/places/beijing/#subject",
        name: "Beijing",
        url: "https://archive.example.org/places/beijing/",
        sameAs: ["https://www.wikidata.org/wiki/Q956", "https://www.geonames.org/1816670/"],
      },
      {
        "@type": "Place",
        "@id": "https://archive.example.org/places/china/#subject",
        name: "China",
        url: "https://archive.example.org/places/china/",
        sameAs: ["https://www.wikidata.org/wiki/Q148", "https://www.geonames.org/1814991/"],
      },
    ]);
  });

  it("sorts people and authors by their sort name in the A to Z index", async () => {
    const authors = await readPage(dist, "/authors/");
    const names = all(authors, ".label-list > li > a").map((a) => text(a));
    // "Whitfield, Dana" sorts under W, not D, with 王丽 (wang li).
    expect(names).toEqual(["سارة الخطيب", "Dana Whitfield", "王丽"]);
    expect(all(authors, ".letter h2").map((h) => text(h))).toEqual(["S", "W"]);
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

  it("leads the addresses of an entity's other names to its page, and keeps them out of the sitemap", async () => {
    const moved: [string, string][] = [
      ["/places/peking/", "/places/beijing/"],
      ["/places/pekin/", "/places/beijing/"],
      ["/places/zhongguo/", "/places/china/"],
      ["/places/lsyn/", "/places/china/"],
    ];
    for (const [from, to] of moved) {
      const page = await readPage(dist, from);
      expect(attr(one(page, 'meta[http-equiv="refresh"]'), "content"), from).toBe(`0; url=${to}`);
      expect(text(one(page, "body"))).toMatch(/^This page has moved to /);
    }
    // 北京 and بكين are "beijing" and "bkyn"; the first is the page itself.
    expect(hasPage(dist, "/places/bkyn/")).toBe(true);
    const redirects = await readFile(join(dist, "_redirects"), "utf8");
    expect(redirects).toContain("/places/zhongguo/ /places/china/ 301");
    const sitemap = await readFile(join(dist, "sitemap-0.xml"), "utf8");
    expect(sitemap).toContain("/places/china/");
    expect(sitemap).not.toContain("/places/zhongguo/");
  });
});
