import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Element } from "hast";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { all, attr, hasPage, one, readPage, text } from "../support/html";
import { PUBLIC_ARTICLES } from "../support/fixture-site";
import { listFiles, readSearchIndex, readSearchIndexList, type IndexedPage } from "../support/site-build";

// The fixture site: tests/fixtures/site/articles, built under /archive with 2 articles a page.
const dist = inject("fixtureDist");
const base = "/archive";

let files: string[];
let index: IndexedPage[];

beforeAll(async () => {
  files = await listFiles(dist);
  index = await readSearchIndex(dist);
});

describe("article pages", () => {
  it("link to the article's file in the web editor, and to a new issue reporting a correction", async () => {
    const page = await readPage(dist, "/2016/06/14/late-evening-filing/");
    const [correction, edit] = all(page, "article .article__edit a");
    expect(text(edit!)).toBe("Edit this article");
    expect(attr(edit!, "href")).toBe(
      "https://github.com/newsroom/archive/edit/main/tests/fixtures/site/articles/2016/late-evening-filing.md",
    );
    expect(text(correction!)).toBe("Report a correction");
    const issue = new URL(attr(correction!, "href")!);
    expect(issue.pathname).toBe("/newsroom/archive/issues/new");
    expect(issue.searchParams.get("title")).toBe(
      "Correction: A story filed late in the evening, New York time",
    );
    expect(issue.searchParams.get("body")).toContain(
      "Article: https://archive.example.org/archive/2016/06/14/late-evening-filing/",
    );
  });

  it("builds a page for every public article at /YYYY/MM/DD/<slug>/", () => {
    for (const path of PUBLIC_ARTICLES) expect(hasPage(dist, path), path).toBe(true);
  });

  it("keeps the day as written: 23:30 at -05:00 on 14 June stays on 14 June in the URL and on the page", async () => {
    const page = await readPage(dist, "/2016/06/14/late-evening-filing/");
    const time = one(page, "article header time");
    expect(attr(time, "dateTime")).toBe("2016-06-14T23:30:00-05:00");
    expect(text(time)).toBe("14 June 2016, 23:30 UTC\u22125");
    expect(hasPage(dist, "/2016/06/15/late-evening-filing/")).toBe(false);
  });

  it("shows headline, byline, dateline, agency, provenance and rights in an <article>", async () => {
    const page = await readPage(dist, "/2016/06/14/late-evening-filing/");
    const article = one(page, "main article");
    expect(text(one(article, "h1"))).toBe("A story filed late in the evening, New York time");
    expect(all(page, "h1")).toHaveLength(1);
    expect(text(one(article, ".byline"))).toBe("By Rosa Delgado");
    expect(text(one(article, ".dateline"))).toBe("New York");
    expect(text(one(article, ".agency"))).toBe("Fixture Wire");
    const provenance = one(article, ".provenance");
    expect(text(provenance)).toBe("Retrieved 27 April 2024 from Phys.org");
    expect(attr(one(provenance, "a"), "href")).toBe("https://example.com/original-story.html");
    expect(attr(one(provenance, "time"), "dateTime")).toBe("2024-04-27");
    expect(text(one(article, ".rights"))).toBe("© 2016 Fixture Wire. All rights reserved.");
    expect(text(one(article, ".article__body"))).toContain("quokkalight committee");
  });

  it("lists the article's topics, people, organisations and places", async () => {
    const page = await readPage(dist, "/2016/06/14/late-evening-filing/");
    const terms = all(page, "article .article__terms .terms").map((group) => [
      text(one(group, "dt")),
      all(group, "dd li").map(text),
    ]);
    expect(terms).toEqual([
      ["Topics", ["testing", "night-desk"]],
      ["People", ["Rosa Delgado", "Ama Mensah"]],
      ["Organisations", ["Fixture Wire"]],
      ["Places", ["New York", "Queens"]],
    ]);
  });

  it("shows a photo the archive does not hold as its caption and credit, never as an image", async () => {
    const page = await readPage(dist, "/2016/06/14/late-evening-filing/");
    const figure = one(page, "article figure");
    expect(all(figure, "img")).toHaveLength(0);
    expect(text(one(figure, ".figure__missing"))).toBe("Photo not held by the archive");
    expect(text(one(figure, ".figure__caption"))).toBe(
      "A photograph of the newsroom at night that the archive does not hold.",
    );
    expect(text(one(figure, ".figure__credit"))).toBe("Fixture Photo Desk");
  });

  it("renders a local image with its alt text, responsive sizes, caption and credit", async () => {
    const page = await readPage(dist, "/2019/05/02/harbour-light-returns/");
    const [lead, second] = all(page, "article figure");
    if (!lead || !second) throw new Error("expected two figures");
    const img = one(lead, "img");
    expect(attr(img, "alt")).toBe("A white lighthouse with red bands on a rocky point.");
    expect(attr(img, "src")).toMatch(/^\/archive\/_astro\/.+\.webp$/);
    expect(attr(img, "srcSet")).toContain("480w");
    expect(Number(attr(img, "width"))).toBeGreaterThan(0);
    expect(Number(attr(img, "height"))).toBeGreaterThan(0);
    expect(attr(img, "loading")).toBe("eager");
    const imageFile = attr(img, "src").replace(base, "").replace(/^\//, "");
    expect(files).toContain(imageFile);
    expect(text(one(lead, "figcaption"))).toBe("The light after its repair. Fixture Illustration");
    expect(all(second, "img")).toHaveLength(0);
    expect(text(one(second, ".figure__credit"))).toBe("Reader photo");
  });

  it("puts the base path in front of links to other articles written from the site's root", async () => {
    const page = await readPage(dist, "/2021/02/08/corrected-report/");
    expect(attr(one(page, ".article__body a"), "href")).toBe(`${base}/2019/05/02/harbour-light-returns/`);
  });

  it("lists every byline name and shows corrections and the update", async () => {
    const page = await readPage(dist, "/2021/02/08/corrected-report/");
    expect(text(one(page, ".byline"))).toBe("By Lars Nilsson, Priya Raman and Ann Lee");
    expect(text(one(page, ".corrections"))).toBe(
      "Corrections 9 February 2021: An earlier version misspelt the name of the river.",
    );
    expect(attr(one(page, ".updated time"), "dateTime")).toBe("2021-02-09");
  });

  it("uses an image narrower than every resized copy as it is, without sizes or srcset", async () => {
    const page = await readPage(dist, "/2019/05/02/harbour-light-returns/");
    const img = one(all(page, "article figure")[2]!, "img");
    expect(attr(img, "alt")).toBe("A small blue square standing in for a map of the harbour.");
    expect(attr(img, "srcSet")).toBe("");
    expect(attr(img, "sizes")).toBe("");
    expect(attr(img, "width")).toBe("40");
  });

  it("offers a photo narrower than the largest copy at its own width too, and loads only the lead at once", async () => {
    const page = await readPage(dist, "/2015/03/09/night-ferry-returns/");
    // The lead photo, then a photo in the text.
    const [lead, later] = all(page, "article img");
    if (!lead || !later) throw new Error("expected two images");
    expect(attr(lead, "width")).toBe("640");
    // Never only copies smaller than the photo: a wide screen gets all of it.
    expect(attr(lead, "srcSet")).toMatch(/ 480w, .+ 640w$/);
    expect(attr(lead, "sizes")).toMatch(/40rem/);
    expect([attr(lead, "loading"), attr(lead, "fetchPriority")]).toEqual(["eager", "high"]);
    expect(attr(later, "loading")).toBe("lazy");
    expect(attr(later, "width")).not.toBe("");
    expect(attr(later, "height")).not.toBe("");
  });

  it("marks the site's own words in the site language inside an article in another language", async () => {
    const page = await readPage(dist, "/2023/05/17/arabic-bulletin/");
    const byline = one(page, ".byline");
    expect(text(byline)).toBe("By سارة الخطيب");
    // Language and direction both: English words inside a right-to-left page keep their order.
    const siteWords = (el: Element) => `${attr(el, "lang")} ${attr(el, "dir")}`;
    expect(siteWords(byline)).toBe("en ltr");
    // Each name is isolated, so that a right-to-left name cannot reorder the words around it.
    expect(text(one(byline, "bdi"))).toBe("سارة الخطيب");
    expect(siteWords(one(page, ".article__meta li:has(time)"))).toBe("en ltr");
    expect(siteWords(one(page, ".figure__missing"))).toBe("en ltr");
    expect(siteWords(one(page, ".article__terms dt"))).toBe("en ltr");
    expect(siteWords(one(page, "header.site-header"))).toBe("en ltr");
    // In the home list the card is in Arabic, its date line in English.
    const home = await readPage(dist, "/page/2/");
    const card = all(home, ".card").find((c) => text(c).includes("نشرة الأخبار المحلية"));
    if (!card) throw new Error("the Arabic article's card is missing");
    expect(siteWords(card)).toBe("ar rtl");
    expect(siteWords(one(card, ".card__meta"))).toBe("en ltr");
    expect(text(one(page, ".figure__caption"))).toBe("قاعة القراءة الجديدة في المكتبة العامة.");
    // In an English article nothing needs marking.
    const english = await readPage(dist, "/2016/06/14/late-evening-filing/");
    expect(attr(one(english, ".figure__missing"), "lang")).toBe("");
  });

  it("takes lang and dir from the article language", async () => {
    const arabic = await readPage(dist, "/2023/05/17/arabic-bulletin/");
    const html = one(arabic, "html");
    expect(attr(html, "lang")).toBe("ar");
    expect(attr(html, "dir")).toBe("rtl");
    // The site's own words stay marked as English.
    expect(attr(one(arabic, "header.site-header"), "dir")).toBe("ltr");
    const english = await readPage(dist, "/2019/05/02/harbour-light-returns/");
    expect(attr(one(english, "html"), "lang")).toBe("en");
    expect(attr(one(english, "html"), "dir")).toBe("ltr");
  });

  it("uses the slug field over the file name", () => {
    expect(hasPage(dist, "/2024/10/02/moved-story/")).toBe(true);
    expect(hasPage(dist, "/2024/10/02/aliased-story/")).toBe(false);
  });
});

describe("home page and layout", () => {
  it("lists articles newest first, two a page, with /page/N/ after the first", async () => {
    const pages = [
      await readPage(dist, "/"),
      await readPage(dist, "/page/2/"),
      await readPage(dist, "/page/3/"),
      await readPage(dist, "/page/4/"),
      await readPage(dist, "/page/5/"),
      await readPage(dist, "/page/6/"),
      await readPage(dist, "/page/7/"),
    ];
    const listed = pages.flatMap((page) =>
      all(page, ".card-list .card__title a").map((a) => attr(a, "href")),
    );
    expect(listed).toEqual(PUBLIC_ARTICLES.map((p) => `${base}${p}`));
    expect(hasPage(dist, "/page/1/")).toBe(false);
    expect(hasPage(dist, "/page/8/")).toBe(false);
    expect(text(one(pages[1]!, ".pagination [aria-current]"))).toBe("Page 2 of 7");
    expect(attr(one(pages[1]!, '.pagination a[rel="prev"]'), "href")).toBe(`${base}/`);
    expect(attr(one(pages[1]!, '.pagination a[rel="next"]'), "href")).toBe(`${base}/page/3/`);
  });

  it("gives every page a skip link, header navigation, one search box and a footer", async () => {
    for (const path of ["/", "/search/", PUBLIC_ARTICLES[0]!, "/404.html"]) {
      const page = await readPage(dist, path);
      expect(attr(one(page, "a.skip-link"), "href"), path).toBe("#main");
      one(page, "main#main");
      one(page, "header.site-header nav");
      // The search page and the 404 page have a search box of their own; the others, the header's.
      const own = { "/search/": "#search-page-form", "/404.html": "main form[role=search]" }[path];
      const form = one(page, own ?? 'header form[role="search"]');
      expect(attr(form, "action"), path).toBe(`${base}/search/`);
      expect(all(page, 'input[type="search"]'), path).toHaveLength(1);
      expect(attr(one(form, "input"), "name")).toBe("q");
      one(page, "footer.site-footer");
    }
  });

  it("has a 404 page, kept out of search engines and without a canonical address", async () => {
    const page = await readPage(dist, "/404.html");
    expect(text(one(page, "h1"))).toBe("Page not found");
    expect(attr(one(page, 'meta[name="robots"]'), "content")).toBe("noindex");
    expect(all(page, 'link[rel="canonical"]')).toEqual([]);
    const article = await readPage(dist, "/2019/05/02/harbour-light-returns/");
    expect(attr(one(article, 'link[rel="canonical"]'), "href")).toBe(
      "https://archive.example.org/archive/2019/05/02/harbour-light-returns/",
    );
  });

  it("prefixes every internal link and asset with the base path", async () => {
    const htmlFiles = files.filter((f) => f.endsWith(".html"));
    for (const file of htmlFiles) {
      const page = await readPage(dist, `/${file}`);
      for (const el of all(page, "a[href], link[href], img[src], script[src], form[action]")) {
        const url = attr(el, "href") || attr(el, "src") || attr(el, "action");
        if (/^(https?:|#|mailto:)/.test(url)) continue;
        expect(url.startsWith(`${base}/`), `${file}: ${url}`).toBe(true);
      }
    }
  });
});

describe("drafts and the search index", () => {
  it("publishes a draft nowhere: no page, no list entry, no image, no word of it in any file", async () => {
    expect(files.some((f) => f.includes("draft-story"))).toBe(false);
    expect(files.filter((f) => f.includes("zanzibar"))).toEqual([]);
    for (const file of files.filter((f) => /\.(html|json|xml|txt|js)$/.test(f))) {
      const content = await readFile(join(dist, file), "utf8");
      expect(content.includes("zanzibarquokka"), file).toBe(false);
      expect(content.includes("secret-draft-topic"), file).toBe(false);
    }
    expect(index.some((page) => page.content.includes("zanzibarquokka"))).toBe(false);
  });

  it("indexes exactly the public articles, each with its title and date sort key", async () => {
    // Index URLs are root-relative; the search page adds the base path.
    expect(index.map((page) => page.url).sort()).toEqual([...PUBLIC_ARTICLES].sort());
    const late = index.find((page) => page.url.endsWith("/late-evening-filing/"));
    expect(late?.meta.title).toBe("A story filed late in the evening, New York time");
    expect(late?.content).toContain("quokkalight");
    // Site chrome and the page's own labels are not indexed as the article's words.
    expect(late?.content).not.toContain("Skip to content");
    expect(late?.content).not.toContain("Photo not held by the archive");
    expect(late?.content).not.toMatch(/\bTopics\b/);
    const corrected = index.find((page) => page.url.endsWith("/corrected-report/"));
    expect(corrected?.content).not.toContain("Corrections");
    expect(corrected?.content).toContain("An earlier version misspelt the name of the river.");
    const html = await readFile(join(dist, "2016/06/14/late-evening-filing/index.html"), "utf8");
    expect(html).toContain('data-pagefind-sort="date:2016-06-15T04:30:00.000Z"');
  });

  it("indexes each article in its own language", async () => {
    const { indexes } = await readSearchIndexList(dist);
    const pages = (language: string) => indexes.reduce((n, index) => n + (index.languages[language] ?? 0), 0);
    expect(pages("en")).toBe(11);
    expect(pages("ar")).toBe(1);
    // The part's own entry file agrees with the list.
    const entry = JSON.parse(await readFile(join(dist, indexes[0]!.path, "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages.en?.page_count).toBe(indexes[0]!.languages.en);
  });

  it("ships a search page that loads the index only through its script", async () => {
    const page = await readPage(dist, "/search/");
    one(page, "#search-results");
    expect(attr(one(page, "#search-status"), "role")).toBe("status");
    // Article pages run one small script as a file (see tests/build/search.test.ts), besides the
    // inline theme script in <head>, and never load the search index itself.
    const article = await readPage(dist, "/2019/05/02/harbour-light-returns/");
    const scripts = all(article, "script");
    expect(scripts.map((s) => attr(s, "type"))).toEqual(["", "application/ld+json", "module"]);
    const module = one(article, 'script[type="module"]');
    expect(attr(module, "src")).toMatch(/^\/archive\/_astro\/.+\.js$/);
    expect(attr(module, "src")).not.toMatch(/pagefind/);
  });
});
