import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Root } from "hast";
import { toText } from "hast-util-to-text";
import { describe, expect, inject, it } from "vitest";
import { all, attr, one, readPage, text } from "../support/html";

// The fixture site, built under /archive at https://archive.example.org.
const dist = inject("fixtureDist");
const site = "https://archive.example.org/archive";
const EVERY_FIELD = "/2015/03/09/night-ferry-returns/";
const REQUIRED_ONLY = "/2014/11/20/feeds-required-only/";
const HOSTILE = "/2013/07/04/feeds-hostile-text/";
const HOSTILE_TITLE = `Quotes "double" & 'single' </script><script>alert(1)</script> ]]> <b>bold</b> — ¿Qué? 東京 שלום 🚢`;

/** The page's JSON-LD, parsed; there must be exactly one block. */
function jsonLd(page: Root): Record<string, unknown> {
  const scripts = all(page, 'script[type="application/ld+json"]');
  expect(scripts).toHaveLength(1);
  return JSON.parse(text(scripts[0]!)) as Record<string, unknown>;
}

/** The content of the page's meta tags with this property or name. */
const meta = (page: Root, key: string) =>
  all(page, `meta[property="${key}"], meta[name="${key}"]`).map((m) => attr(m, "content"));

function expectBuiltFile(url: string) {
  expect(url.startsWith(`${site}/`), url).toBe(true);
  expect(existsSync(join(dist, new URL(url).pathname.slice("/archive/".length))), url).toBe(true);
}

describe("NewsArticle JSON-LD", () => {
  it("describes an article with every field", async () => {
    const data = jsonLd(await readPage(dist, EVERY_FIELD));
    const url = `${site}${EVERY_FIELD}`;
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      url,
      mainEntityOfPage: { "@type": "WebPage", "@id": url },
      headline: "Night ferry returns to the Kellsport quay",
      alternativeHeadline: "The crossing resumes after the harbour works, with a new timetable.",
      inLanguage: "en",
      datePublished: "2015-03-09T08:15:00+05:30",
      dateModified: "2015-03-10T11:00:00+05:30",
      author: [
        { "@type": "Person", name: "Maria Okafor", url: `${site}/authors/maria-okafor/` },
        { "@type": "Person", name: "Tomás Ferreira", url: `${site}/authors/tomas-ferreira/` },
      ],
      sourceOrganization: { "@type": "Organization", name: "Coastline News Service" },
      publisher: { "@type": "Organization", name: "The News Archive", url: `${site}/` },
      dateline: "Kellsport",
      articleSection: "Transport",
      keywords: ["ferries", "harbour-works"],
      about: [
        { "@type": "Person", name: "Ines Varga", url: `${site}/people/ines-varga/` },
        {
          "@type": "Organization",
          name: "Kellsport Harbour Board",
          url: `${site}/organizations/kellsport-harbour-board/`,
        },
        { "@type": "Place", name: "Kellsport", url: `${site}/places/kellsport/` },
        { "@type": "Place", name: "Brannock Island", url: `${site}/places/brannock-island/` },
      ],
      isBasedOn: {
        "@type": "CreativeWork",
        url: "https://gazette.example.net/2015/03/night-ferry.html",
        publisher: { "@type": "Organization", name: "Kellsport Gazette" },
        archivedAt: { "@type": "WebPage", url, dateCreated: "2024-05-06" },
      },
      copyrightNotice: "© 2015 Coastline News Service. All rights reserved.",
      copyrightYear: 2015,
      copyrightHolder: { "@type": "Organization", name: "Coastline News Service" },
      correction: [
        {
          "@type": "CorrectionComment",
          text: "An earlier version gave the wrong departure time.",
          datePublished: "2015-03-10",
        },
      ],
    });
    // Only the photo the archive holds is an ImageObject; its file exists.
    const images = data.image as Record<string, unknown>[];
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({
      "@type": "ImageObject",
      width: 640,
      height: 400,
      caption: "The quay on the first evening of the restored crossing.",
      creditText: "Fixture Studio",
      description: "A blue quay wall under an orange evening sun.",
    });
    expectBuiltFile(images[0]!.url as string);
  });

  it("describes an article with only the required fields, without empty properties", async () => {
    const data = jsonLd(await readPage(dist, REQUIRED_ONLY));
    expect(Object.keys(data).sort()).toEqual(
      [
        "@context",
        "@id",
        "@type",
        "dateModified",
        "datePublished",
        "description",
        "headline",
        "inLanguage",
        "mainEntityOfPage",
        "publisher",
        "url",
      ].sort(),
    );
    expect(data.datePublished).toBe("2014-11-20T00:00:00Z");
    expect(data.dateModified).toBe("2014-11-20T00:00:00Z");
  });

  it("survives hostile characters in every text field without breaking out of its script element", async () => {
    const page = await readPage(dist, HOSTILE);
    const data = jsonLd(page);
    expect(data.headline).toBe(HOSTILE_TITLE);
    // The dek keeps its line separator and markup-like text as text.
    expect(data.alternativeHeadline).toBe(text(one(page, ".article__dek")).replace(" line", "\u2028line"));
    expect(data.alternativeHeadline).toContain("\u2028line separator");
    expect(data.alternativeHeadline).toContain("<!-- a comment --> and </script> ]]>");
    expect(data.author).toEqual([
      { "@type": "Person", name: `O'Brien "Bobby" </script>`, url: `${site}/authors/o-brien-bobby-script/` },
      { "@type": "Person", name: "Zoë <Ünal> & Søn", url: `${site}/authors/zoe-unal-and-son/` },
    ]);
    expect(data.articleSection).toBe('News & "Views" </script>');
    expect(data.copyrightNotice).toBe('© 2013 "Wire & Co" </script> ]]>');
    expect((data.isBasedOn as { url: string }).url).toBe(
      `https://news.example.com/story?a=1&b=</script>"x"'y'`,
    );
    // The page parses as the author meant: one headline, no injected elements anywhere.
    expect(text(one(page, "h1"))).toBe(HOSTILE_TITLE);
    expect(all(page, "h1 b")).toEqual([]);
    // The only untyped script is the theme script every page carries.
    expect(all(page, "script:not([type])").map((s) => text(s))).toEqual([
      expect.stringContaining(`localStorage.getItem("theme")`),
    ]);
    // The theme script in <head>, the JSON-LD, and the page script.
    expect(all(page, "script").map((s) => attr(s, "type"))).toEqual(["", "application/ld+json", "module"]);
    expect(text(one(page, "title"))).toBe(`${HOSTILE_TITLE} · The News Archive`);
    expect(meta(page, "og:title")).toEqual([HOSTILE_TITLE]);
  });
});

describe("Open Graph and Twitter card tags", () => {
  it("give the title, description, canonical URL, photo and publication time", async () => {
    const page = await readPage(dist, EVERY_FIELD);
    const url = `${site}${EVERY_FIELD}`;
    expect(attr(one(page, 'link[rel="canonical"]'), "href")).toBe(url);
    expect(meta(page, "og:type")).toEqual(["article"]);
    expect(meta(page, "og:url")).toEqual([url]);
    expect(meta(page, "og:title")).toEqual(["Night ferry returns to the Kellsport quay"]);
    expect(meta(page, "og:description")).toEqual([
      "The crossing resumes after the harbour works, with a new timetable.",
    ]);
    expect(meta(page, "og:site_name")).toEqual(["The News Archive"]);
    // The article is in English and the site's locale is en-GB.
    expect(meta(page, "og:locale")).toEqual(["en_GB"]);
    expect(meta(page, "article:published_time")).toEqual(["2015-03-09T08:15:00+05:30"]);
    expect(meta(page, "article:modified_time")).toEqual(["2015-03-10T11:00:00+05:30"]);
    expect(meta(page, "article:author")).toEqual([
      `${site}/authors/maria-okafor/`,
      `${site}/authors/tomas-ferreira/`,
    ]);
    expect(meta(page, "article:tag")).toEqual(["ferries", "harbour-works"]);
    expect(meta(page, "og:image:alt")).toEqual(["A blue quay wall under an orange evening sun."]);
    expectBuiltFile(meta(page, "og:image")[0]!);
    expect(meta(page, "twitter:card")).toEqual(["summary_large_image"]);
    expect(meta(page, "twitter:image")).toEqual(meta(page, "og:image"));
    const bare = await readPage(dist, REQUIRED_ONLY);
    expect(meta(bare, "twitter:card")).toEqual(["summary"]);
    expect(meta(bare, "og:image")).toEqual([]);
  });
});

describe("Cite this article", () => {
  it("offers APA, MLA, Chicago and BibTeX citations of the archive copy and its source", async () => {
    const page = await readPage(dist, EVERY_FIELD);
    const cite = one(page, "section.cite");
    expect(text(one(cite, "h2"))).toBe("Cite this article");
    // The citations are not the article's words: search leaves them out.
    expect("dataPagefindIgnore" in cite.properties).toBe(true);
    const citation = (style: string) => text(one(cite, `#cite-text-${style}`));
    expect(citation("apa")).toBe(
      `Okafor, M., & Ferreira, T. (2015, March 9). Night ferry returns to the Kellsport quay. Kellsport Gazette. Archived by The News Archive. ${site}${EVERY_FIELD}`,
    );
    expect(text(one(cite, "#cite-text-apa i"))).toBe("Kellsport Gazette");
    expect(citation("mla")).toBe(
      `Okafor, Maria, and Tomás Ferreira. “Night ferry returns to the Kellsport quay.” Kellsport Gazette, 9 Mar. 2015, gazette.example.net/2015/03/night-ferry.html. The News Archive, archive.example.org/archive${EVERY_FIELD}.`,
    );
    expect(citation("chicago")).toBe(
      `Okafor, Maria, and Tomás Ferreira. “Night ferry returns to the Kellsport quay.” Kellsport Gazette, March 9, 2015. https://gazette.example.net/2015/03/night-ferry.html. Archived by The News Archive, ${site}${EVERY_FIELD}.`,
    );
    const bibtex = toText(one(cite, "#cite-text-bibtex"));
    expect(bibtex).toBe(
      [
        "@misc{okafor2015night,",
        "  author = {{Okafor}, {Maria} and {Ferreira}, {Tomás}},",
        "  title = {{Night ferry returns to the Kellsport quay}},",
        "  howpublished = {Kellsport Gazette},",
        "  year = {2015},",
        "  month = mar,",
        "  date = {2015-03-09},",
        `  url = {${site}${EVERY_FIELD}},`,
        "  note = {Originally published by Kellsport Gazette, \\url{https://gazette.example.net/2015/03/night-ferry.html}; archived by The News Archive}",
        "}",
      ].join("\n"),
    );
    // The copy buttons are hidden until the script shows them.
    const buttons = all(cite, "button[data-copy]");
    expect(buttons.map((b) => attr(b, "dataCopy"))).toEqual([
      "cite-text-apa",
      "cite-text-mla",
      "cite-text-chicago",
      "cite-text-bibtex",
    ]);
    for (const button of buttons) expect(attr(button, "hidden")).toBe("true");
  });

  it("cites an article without byline or source by its title", async () => {
    const page = await readPage(dist, REQUIRED_ONLY);
    expect(text(one(page, "#cite-text-apa"))).toBe(
      `Parish notice board repainted. (2014, November 20). The News Archive. ${site}${REQUIRED_ONLY}`,
    );
  });

  it("runs the copy buttons from the page's one small script", async () => {
    const page = await readPage(dist, EVERY_FIELD);
    const src = attr(one(page, 'script[type="module"]'), "src");
    const script = await readFile(join(dist, src.slice("/archive/".length)), "utf8");
    expect(script).toContain("clipboard");
    // With the theme switch beside it (tests/build/search.test.ts holds the budget).
    expect(Buffer.byteLength(script)).toBeLessThanOrEqual(4096);
  });
});

describe("print", () => {
  it("gives every article its permanent address, shown on paper", async () => {
    const page = await readPage(dist, EVERY_FIELD);
    const link = one(page, ".article__permalink a");
    expect(attr(link, "href")).toBe(`${site}${EVERY_FIELD}`);
    expect(text(link)).toBe(`${site}${EVERY_FIELD}`);
  });
});
