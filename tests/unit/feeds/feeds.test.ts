import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { parseWrittenDate } from "../../../src/lib/dates";
import {
  newestUpdate,
  toAtom,
  toJsonFeed,
  toRss,
  type FeedChannel,
  type FeedEntry,
} from "../../../src/feeds/feeds";

const date = (value: string) => parseWrittenDate(value, "UTC");
const HOSTILE = `He said "no" & 'yes' </script> ]]> ]]> <b>x</b> \u0001 שלום`;

const entry = (overrides: Partial<FeedEntry> = {}): FeedEntry => ({
  url: "https://example.org/news/2020/01/02/a/",
  title: "A",
  summary: "Summary",
  contentHtml: "<p>Body &amp; more</p>",
  published: date("2020-01-02T10:00:00+02:00"),
  updated: date("2020-01-03"),
  language: "en",
  authors: [{ name: "Ann Lee", url: "https://example.org/news/authors/ann-lee/" }],
  categories: [{ name: "Harbours", slug: "harbours" }],
  ...overrides,
});

const channel = (entries: FeedEntry[]): FeedChannel => ({
  title: "Archive",
  description: "All the news",
  language: "en",
  homeUrl: "https://example.org/news/",
  feedUrls: {
    rss: "https://example.org/news/rss.xml",
    atom: "https://example.org/news/atom.xml",
    json: "https://example.org/news/feed.json",
  },
  categoryScheme: "https://example.org/news/topics/",
  publisher: { name: "Archive", url: "https://example.org/news/" },
  updated: date("2020-01-03"),
  timezone: "UTC",
  entries,
});

/** Parses strictly: any well-formedness error or warning fails the test. */
function parseXml(xml: string) {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
}

describe("newestUpdate", () => {
  it("is the latest update of any entry", () => {
    const a = entry({ updated: date("2020-01-03") });
    const b = entry({ updated: date("2021-05-01T00:00:00+09:00") });
    expect(newestUpdate([a, b])).toBe(b.updated);
    expect(newestUpdate([])).toBeUndefined();
  });
});

describe("toRss", () => {
  it("keeps hostile text as text: quotes, </script>, ]]>, control characters and right-to-left words", () => {
    const xml = toRss(channel([entry({ title: HOSTILE, contentHtml: `<p>${HOSTILE}</p>` })]));
    const doc = parseXml(xml);
    const item = doc.getElementsByTagName("item")[0]!;
    expect(item.getElementsByTagName("title")[0]!.textContent).toBe(HOSTILE.replace("\u0001", ""));
    expect(item.getElementsByTagName("content:encoded")[0]!.textContent).toBe(
      `<p>${HOSTILE.replace("\u0001", "")}</p>`,
    );
  });

  it("writes a permalink guid, dc:creator per author and a category in the archive's topics", () => {
    const doc = parseXml(toRss(channel([entry()])));
    const item = doc.getElementsByTagName("item")[0]!;
    expect(item.getElementsByTagName("guid")[0]!.getAttribute("isPermaLink")).toBe("true");
    expect(item.getElementsByTagName("dc:creator")[0]!.textContent).toBe("Ann Lee");
    // RSS 2.0: the domain names the taxonomy, the same for every topic.
    const category = item.getElementsByTagName("category")[0]!;
    expect([category.textContent, category.getAttribute("domain")]).toEqual([
      "Harbours",
      "https://example.org/news/topics/",
    ]);
    expect(item.getElementsByTagName("pubDate")[0]!.textContent).toBe("Thu, 02 Jan 2020 10:00:00 +0200");
    // Optional fields left out leave no empty element behind.
    expect(item.getElementsByTagName("media:content")).toHaveLength(0);
    expect(item.getElementsByTagName("dc:rights")).toHaveLength(0);
  });
});

describe("toAtom", () => {
  it("escapes attribute values and credits an entry without a byline to the feed's author", () => {
    const doc = parseXml(
      toAtom(
        channel([
          entry({
            authors: [],
            categories: [{ name: `<"&>`, slug: "x" }],
          }),
        ]),
      ),
    );
    const feedAuthor = doc.documentElement!.getElementsByTagName("author")[0]!;
    expect(feedAuthor.parentNode).toBe(doc.documentElement);
    const entryNode = doc.getElementsByTagName("entry")[0]!;
    expect(entryNode.getElementsByTagName("author")).toHaveLength(0);
    const category = entryNode.getElementsByTagName("category")[0]!;
    expect(["term", "label", "scheme"].map((name) => category.getAttribute(name))).toEqual([
      "x",
      `<"&>`,
      "https://example.org/news/topics/",
    ]);
    expect(entryNode.getElementsByTagName("content")[0]!.getAttribute("type")).toBe("html");
    expect(entryNode.getElementsByTagName("updated")[0]!.textContent).toBe("2020-01-03T00:00:00Z");
  });
});

describe("toJsonFeed", () => {
  it("is JSON Feed 1.1 with authors, tags, language and dates with offsets", () => {
    const feed = JSON.parse(toJsonFeed(channel([entry({ title: HOSTILE })]))) as {
      version: string;
      items: Record<string, unknown>[];
    };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.items[0]).toMatchObject({
      id: "https://example.org/news/2020/01/02/a/",
      title: HOSTILE,
      date_published: "2020-01-02T10:00:00+02:00",
      date_modified: "2020-01-03T00:00:00Z",
      authors: [{ name: "Ann Lee", url: "https://example.org/news/authors/ann-lee/" }],
      tags: ["Harbours"],
      language: "en",
    });
  });
});
