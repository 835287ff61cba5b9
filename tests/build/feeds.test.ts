import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Element as XmlElement } from "@xmldom/xmldom";
import type { Root } from "hast";
import { htmlToHast } from "satteri";
import { describe, expect, inject, it } from "vitest";
import { all, attr, one, readPage, text } from "../support/html";
import { PUBLIC_ARTICLES } from "../support/fixture-site";
import { listFiles } from "../support/site-build";
import { child, childText, childTexts, children, readXml } from "../support/xml";

// The fixture site, built under /archive at https://archive.example.org.
const dist = inject("fixtureDist");
const origin = "https://archive.example.org";
const site = `${origin}/archive`;

/** Public fixture articles, newest first, as their absolute URLs. */
const ARTICLES = PUBLIC_ARTICLES.map((path) => `${site}${path}`);
const EVERY_FIELD = `${site}/2015/03/09/night-ferry-returns/`;
const REQUIRED_ONLY = `${site}/2014/11/20/feeds-required-only/`;
const HOSTILE = `${site}/2013/07/04/feeds-hostile-text/`;
const HOSTILE_TITLE = `Quotes "double" & 'single' </script><script>alert(1)</script> ]]> <b>bold</b> — ¿Qué? 東京 שלום 🚢`;

// RFC 822 as RSS 2.0 requires it, with a four-digit year and a numeric zone or GMT.
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT)$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

const html = { parse: (text: string) => htmlToHast(text, { fragment: true }) as Root };

/** The file of an absolute URL on the built site, which must exist. */
function expectBuiltFile(url: string) {
  expect(url.startsWith(`${site}/`), url).toBe(true);
  const file = join(dist, decodeURIComponent(new URL(url).pathname.slice("/archive/".length)));
  expect(existsSync(file), url).toBe(true);
}

function rssItem(items: XmlElement[], link: string): XmlElement {
  const item = items.find((i) => childText(i, "link") === link);
  if (!item) throw new Error(`no item for ${link}`);
  return item;
}

describe("RSS 2.0 at /rss.xml", () => {
  it("follows the RSS 2.0 rules: required channel elements, RFC 822 dates, unique guids", async () => {
    const doc = await readXml(dist, "rss.xml");
    const rss = doc.documentElement!;
    expect(rss.nodeName).toBe("rss");
    expect(rss.getAttribute("version")).toBe("2.0");
    const channel = child(rss, "channel");
    expect(childText(channel, "title")).toBe("The News Archive");
    expect(childText(channel, "link")).toBe(`${site}/`);
    expect(childText(channel, "description")).not.toBe("");
    expect(childText(channel, "language")).toBe("en");
    // The channel changed when its newest article did: 5 November 2024.
    expect(childText(channel, "lastBuildDate")).toBe("Tue, 05 Nov 2024 00:00:00 +0000");
    const self = child(channel, "atom:link");
    expect(self.getAttribute("href")).toBe(`${site}/rss.xml`);
    expect(self.getAttribute("rel")).toBe("self");
    const items = children(channel, "item");
    expect(items.map((i) => childText(i, "link"))).toEqual(ARTICLES);
    const guids = items.map((i) => childText(i, "guid"));
    expect(new Set(guids).size).toBe(items.length);
    for (const item of items) {
      expect(childText(item, "pubDate")).toMatch(RFC_822);
      expect(child(item, "guid").getAttribute("isPermaLink")).toBe("true");
      expect(childText(item, "guid")).toBe(childText(item, "link"));
      expect(childText(item, "title")).not.toBe("");
    }
  });

  it("carries an article with every field: dates, creators, topics, lead photo and full content", async () => {
    const channel = child((await readXml(dist, "rss.xml")).documentElement!, "channel");
    const item = rssItem(children(channel, "item"), EVERY_FIELD);
    expect(childText(item, "title")).toBe("Night ferry returns to the Kellsport quay");
    expect(childText(item, "description")).toBe(
      "The crossing resumes after the harbour works, with a new timetable.",
    );
    expect(childText(item, "pubDate")).toBe("Mon, 09 Mar 2015 08:15:00 +0530");
    expect(childText(item, "dc:date")).toBe("2015-03-10T11:00:00+05:30");
    expect(childTexts(item, "dc:creator")).toEqual(["Maria Okafor", "Tomás Ferreira"]);
    expect(childText(item, "dc:rights")).toBe("© 2015 Coastline News Service. All rights reserved.");
    expect(children(item, "category").map((c) => [c.textContent, c.getAttribute("domain")])).toEqual([
      ["ferries", `${site}/topics/`],
      ["harbour-works", `${site}/topics/`],
    ]);
    const media = child(item, "media:content");
    expect(media.getAttribute("medium")).toBe("image");
    expect(media.getAttribute("type")).toBe("image/jpeg");
    expect(media.getAttribute("width")).toBe("640");
    expect(childText(media, "media:description")).toBe(
      "The quay on the first evening of the restored crossing.",
    );
    expect(childText(media, "media:credit")).toBe("Fixture Studio");
    expectBuiltFile(media.getAttribute("url")!);

    const content = html.parse(childText(item, "content:encoded"));
    const [lead, body] = all(content, "img");
    expect(attr(lead!, "src")).toBe(media.getAttribute("url"));
    expect(attr(lead!, "alt")).toBe("A blue quay wall under an orange evening sun.");
    expect(text(one(content, "figcaption"))).toBe(
      "The quay on the first evening of the restored crossing. Fixture Studio",
    );
    // The image in the body resolves to a file the build wrote, at an absolute URL.
    expect(attr(body!, "alt")).toBe("The new timetable board, with departures every two hours.");
    expectBuiltFile(attr(body!, "src"));
    expect(attr(one(content, "p a"), "href")).toBe(`${site}/2019/05/02/harbour-light-returns/`);
    // The photo the archive does not hold appears as its caption and credit only.
    expect(text(content)).toContain(
      "Passengers boarding, in a photo the archive does not hold. Harbour Board Press Office",
    );
    expect(all(content, "img")).toHaveLength(2);
  });

  it("keeps hostile text intact and harmless: the same headline, no script in the content", async () => {
    const channel = child((await readXml(dist, "rss.xml")).documentElement!, "channel");
    const item = rssItem(children(channel, "item"), HOSTILE);
    expect(childText(item, "title")).toBe(HOSTILE_TITLE);
    // The description is HTML: the summary's markup-like text is escaped, so a reader shows it as text.
    const description = html.parse(childText(item, "description"));
    expect(description.children.every((node) => node.type === "text")).toBe(true);
    expect(text(description)).toBe(
      "A dek with a line separator, override, <!-- a comment --> and </script> ]]>",
    );
    expect(childTexts(item, "dc:creator")).toEqual([`O'Brien "Bobby" </script>`, "Zoë <Ünal> & Søn"]);
    expect(childTexts(item, "category")).toEqual(["ferries & ports <tag>", 'quote"mark ]]>']);
    const content = html.parse(childText(item, "content:encoded"));
    expect(all(content, "script, b, iframe")).toEqual([]);
    expect(text(content)).toContain(
      "Text with </script> in code, a literal &amp; entity, ]]> twice ]]> and a <b> tag written out.",
    );
    expect(text(content)).toContain('A caption with </script> and ]]> & "quotes"');
  });

  it("gives an article with only the required fields a title, date and content, and no empty elements", async () => {
    const channel = child((await readXml(dist, "rss.xml")).documentElement!, "channel");
    const item = rssItem(children(channel, "item"), REQUIRED_ONLY);
    expect(childText(item, "title")).toBe("Parish notice board repainted");
    expect(childText(item, "pubDate")).toBe("Thu, 20 Nov 2014 00:00:00 +0000");
    expect(childText(item, "content:encoded")).toBe(
      "<p>Volunteers repainted the notice board outside the parish hall on Saturday.</p>",
    );
    for (const name of ["dc:creator", "category", "media:content", "dc:rights"]) {
      expect(children(item, name), name).toEqual([]);
    }
  });
});

describe("Atom 1.0 at /atom.xml", () => {
  it("has the feed's id, self link, author and newest update, and every entry in order", async () => {
    const feed = (await readXml(dist, "atom.xml")).documentElement!;
    expect(feed.namespaceURI).toBe("http://www.w3.org/2005/Atom");
    expect(childText(feed, "id")).toBe(`${site}/atom.xml`);
    expect(childText(feed, "updated")).toBe("2024-11-05T00:00:00Z");
    expect(children(feed, "link").map((l) => [l.getAttribute("rel"), l.getAttribute("href")])).toEqual([
      ["self", `${site}/atom.xml`],
      ["alternate", `${site}/`],
    ]);
    expect(childText(child(feed, "author"), "name")).toBe("The News Archive");
    const entries = children(feed, "entry");
    expect(entries.map((e) => childText(e, "id"))).toEqual(ARTICLES);
    for (const entry of entries) {
      expect(childText(entry, "updated")).toMatch(RFC_3339);
      expect(childText(entry, "published")).toMatch(RFC_3339);
    }
  });

  it("carries authors with their pages, topics, dates with offsets, rights and HTML content", async () => {
    const feed = (await readXml(dist, "atom.xml")).documentElement!;
    const entry = children(feed, "entry").find((e) => childText(e, "id") === EVERY_FIELD)!;
    expect(entry.getAttribute("xml:lang")).toBe("en");
    expect(childText(entry, "published")).toBe("2015-03-09T08:15:00+05:30");
    expect(childText(entry, "updated")).toBe("2015-03-10T11:00:00+05:30");
    expect(children(entry, "author").map((a) => [childText(a, "name"), childText(a, "uri")])).toEqual([
      ["Maria Okafor", `${site}/authors/maria-okafor/`],
      ["Tomás Ferreira", `${site}/authors/tomas-ferreira/`],
    ]);
    expect(
      children(entry, "category").map((c) => [
        c.getAttribute("term"),
        c.getAttribute("label"),
        c.getAttribute("scheme"),
      ]),
    ).toEqual([
      // The scheme is the archive's topics; the term, a topic's slug, completes its page's address.
      ["ferries", "ferries", `${site}/topics/`],
      ["harbour-works", "harbour-works", `${site}/topics/`],
    ]);
    expect(childText(entry, "rights")).toBe("© 2015 Coastline News Service. All rights reserved.");
    expect(child(entry, "content").getAttribute("type")).toBe("html");
    expect(childText(entry, "content")).toContain("<p>The first night ferry");
    const enclosure = children(entry, "link").find((l) => l.getAttribute("rel") === "enclosure")!;
    expectBuiltFile(enclosure.getAttribute("href")!);
    // Without a byline the entry is credited to the feed's author.
    const bare = children(feed, "entry").find((e) => childText(e, "id") === REQUIRED_ONLY)!;
    expect(children(bare, "author")).toEqual([]);
    const hostile = children(feed, "entry").find((e) => childText(e, "id") === HOSTILE)!;
    expect(childText(hostile, "title")).toBe(HOSTILE_TITLE);
    expect(child(hostile, "title").getAttribute("type")).toBe("text");
  });
});

describe("JSON Feed 1.1 at /feed.json", () => {
  it("lists the articles with their content, authors, tags, image and dates", async () => {
    const feed = JSON.parse(await readFile(join(dist, "feed.json"), "utf8")) as {
      version: string;
      feed_url: string;
      home_page_url: string;
      items: Record<string, unknown>[];
    };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe(`${site}/feed.json`);
    expect(feed.home_page_url).toBe(`${site}/`);
    expect(feed.items.map((i) => i.id)).toEqual(ARTICLES);
    const item = feed.items.find((i) => i.id === EVERY_FIELD)!;
    expect(item).toMatchObject({
      url: EVERY_FIELD,
      title: "Night ferry returns to the Kellsport quay",
      summary: "The crossing resumes after the harbour works, with a new timetable.",
      date_published: "2015-03-09T08:15:00+05:30",
      date_modified: "2015-03-10T11:00:00+05:30",
      authors: [
        { name: "Maria Okafor", url: `${site}/authors/maria-okafor/` },
        { name: "Tomás Ferreira", url: `${site}/authors/tomas-ferreira/` },
      ],
      tags: ["ferries", "harbour-works"],
      language: "en",
    });
    expectBuiltFile(item.image as string);
    expect(feed.items.find((i) => i.id === HOSTILE)?.title).toBe(HOSTILE_TITLE);
    const bare = feed.items.find((i) => i.id === REQUIRED_ONLY)!;
    expect(bare.authors).toBeUndefined();
    expect(bare.image).toBeUndefined();
    expect(bare.date_modified).toBe("2014-11-20T00:00:00Z");
  });
});

describe("topic feeds at /topics/<slug>/rss.xml", () => {
  it("gives every topic a feed of its articles, newest first", async () => {
    const files = (await listFiles(dist)).filter((f) => /^topics\/[^/]+\/rss\.xml$/.test(f));
    expect(files.sort()).toEqual(
      [
        "corrections",
        "ferries",
        "ferries-and-ports-tag",
        "harbour-works",
        "heritage",
        "night-desk",
        "quote-mark",
        "testing",
        "transport",
      ]
        .map((slug) => `topics/${slug}/rss.xml`)
        .sort(),
    );
    const channel = child((await readXml(dist, "topics/testing/rss.xml")).documentElement!, "channel");
    expect(childText(channel, "title")).toBe("testing · The News Archive");
    expect(childText(channel, "link")).toBe(`${site}/topics/testing/`);
    expect(child(channel, "atom:link").getAttribute("href")).toBe(`${site}/topics/testing/rss.xml`);
    expect(children(channel, "item").map((i) => childText(i, "link"))).toEqual([
      `${site}/2024/10/20/ferry-timetable/`,
      `${site}/2024/10/02/moved-story/`,
      `${site}/2023/05/17/arabic-bulletin/`,
      `${site}/2021/02/08/corrected-report/`,
      `${site}/2016/06/14/late-evening-filing/`,
      `${site}/2016/06/14/morning-briefing/`,
    ]);
    const hostile = child(
      (await readXml(dist, "topics/ferries-and-ports-tag/rss.xml")).documentElement!,
      "channel",
    );
    expect(childText(hostile, "title")).toBe("ferries & ports <tag> · The News Archive");
    expect(childTexts(hostile, "item").length).toBe(1);
  });
});

describe("feed discovery", () => {
  it("links the three feeds from the head of every page, at absolute URLs", async () => {
    for (const path of ["/", "/search/", "/404.html", "/2015/03/09/night-ferry-returns/"]) {
      const page = await readPage(dist, path);
      const links = all(page, 'head link[rel="alternate"]').map((l) => [attr(l, "type"), attr(l, "href")]);
      expect(links, path).toEqual([
        ["application/rss+xml", `${site}/rss.xml`],
        ["application/atom+xml", `${site}/atom.xml`],
        ["application/feed+json", `${site}/feed.json`],
      ]);
    }
  });
});
