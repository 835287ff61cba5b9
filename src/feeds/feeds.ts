import XMLBuilder from "fast-xml-builder";
import { toRfc3339, toRfc822 } from "../lib/date-formats";
import type { WrittenDate } from "../lib/dates";

/**
 * The archive's feeds in one format-neutral shape, and its three serialisations: RSS 2.0,
 * Atom 1.0 and JSON Feed 1.1. Every URL in here is absolute; every text is plain text except
 * `contentHtml`, which is sanitised HTML. The XML is written by fast-xml-builder,
 * which escapes every text and attribute, so no headline can break a feed.
 */

/** A person or organisation credited in a feed, with the page that lists their articles. */
export interface FeedPerson {
  name: string;
  url?: string | undefined;
}

/** A topic of an entry: its name as written and its slug. */
export interface FeedCategory {
  name: string;
  slug: string;
}

/** The lead photo of an entry, as a file the archive serves. */
export interface FeedImage {
  url: string;
  /** Media type, e.g. "image/jpeg". */
  type: string;
  width: number;
  height: number;
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** One article in a feed. */
export interface FeedEntry {
  /** The article's permanent absolute URL; also its id. */
  url: string;
  title: string;
  /** A plain-text summary. */
  summary: string;
  /** The article as sanitised HTML with absolute URLs. */
  contentHtml: string;
  published: WrittenDate;
  /** `updated`, or `published` when the article was never updated. */
  updated: WrittenDate;
  /** BCP 47 tag of the article. */
  language: string;
  authors: FeedPerson[];
  categories: FeedCategory[];
  image?: FeedImage | undefined;
  rights?: string | undefined;
}

/** A whole feed: the channel and its entries, newest first. */
export interface FeedChannel {
  title: string;
  description: string;
  language: string;
  /** The HTML page the feed follows. */
  homeUrl: string;
  /** The feed's own address in each format it is published in. */
  feedUrls: { rss: string; atom?: string | undefined; json?: string | undefined };
  /**
   * The page of every topic: the vocabulary the entries' categories come from (RSS `domain`,
   * Atom `scheme`); a topic's page is this address followed by its slug.
   */
  categoryScheme: string;
  /** Who publishes the feed: the archive. Atom entries without a byline are credited to it. */
  publisher: FeedPerson;
  /** When the newest entry changed. */
  updated: WrittenDate;
  /** Where a bare date's midnight falls. */
  timezone: string;
  entries: FeedEntry[];
}

/** How many articles the site-wide and topic feeds carry. */
export const FEED_SIZE = 50;

/** The newest `updated` among entries, or undefined for none. */
export function newestUpdate(entries: readonly Pick<FeedEntry, "updated">[]): WrittenDate | undefined {
  let newest: WrittenDate | undefined;
  for (const { updated } of entries) if (!newest || updated.epochMs > newest.epochMs) newest = updated;
  return newest;
}

// XML 1.0 cannot carry most control characters, even escaped; a stray one must not void the feed.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const cleanXml = (_name: string, value: unknown): string => String(value).replace(NOT_XML, "");

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  format: true,
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  tagValueProcessor: cleanXml,
  attributeValueProcessor: cleanXml,
});

function toXml(root: Record<string, unknown>): string {
  return builder.build({ "?xml": { "@version": "1.0", "@encoding": "UTF-8" }, ...root }) as string;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

const NAMESPACES = {
  atom: "http://www.w3.org/2005/Atom",
  content: "http://purl.org/rss/1.0/modules/content/",
  dc: "http://purl.org/dc/elements/1.1/",
  media: "http://search.yahoo.com/mrss/",
};

/** RSS 2.0, with full content (content:encoded), creators (dc:creator) and lead photos (media:content). */
export function toRss(feed: FeedChannel): string {
  const date = (value: WrittenDate) => toRfc822(value, feed.timezone);
  return toXml({
    rss: {
      "@version": "2.0",
      "@xmlns:atom": NAMESPACES.atom,
      "@xmlns:content": NAMESPACES.content,
      "@xmlns:dc": NAMESPACES.dc,
      "@xmlns:media": NAMESPACES.media,
      channel: {
        title: feed.title,
        link: feed.homeUrl,
        description: feed.description,
        language: feed.language,
        lastBuildDate: date(feed.updated),
        "atom:link": { "@href": feed.feedUrls.rss, "@rel": "self", "@type": "application/rss+xml" },
        item: feed.entries.map((entry) => ({
          title: entry.title,
          link: entry.url,
          guid: { "@isPermaLink": "true", "#text": entry.url },
          pubDate: date(entry.published),
          // Readers take an item's description as HTML: the plain-text summary is escaped for it.
          description: escapeHtml(entry.summary),
          "content:encoded": entry.contentHtml,
          "dc:creator": entry.authors.map((author) => author.name),
          "dc:date": toRfc3339(entry.updated, feed.timezone),
          "dc:rights": entry.rights,
          category: entry.categories.map((c) => ({ "@domain": feed.categoryScheme, "#text": c.name })),
          "media:content": entry.image && {
            "@url": entry.image.url,
            "@type": entry.image.type,
            "@medium": "image",
            "@width": entry.image.width,
            "@height": entry.image.height,
            "media:description": entry.image.caption ?? entry.image.alt,
            "media:credit": entry.image.credit,
          },
        })),
      },
    },
  });
}

const atomPerson = (person: FeedPerson) => ({ name: person.name, uri: person.url });

/** Atom 1.0; entries without a byline fall back to the feed's author, the archive. */
export function toAtom(feed: FeedChannel): string {
  const date = (value: WrittenDate) => toRfc3339(value, feed.timezone);
  const self = feed.feedUrls.atom ?? feed.feedUrls.rss;
  return toXml({
    feed: {
      "@xmlns": NAMESPACES.atom,
      "@xml:lang": feed.language,
      id: self,
      title: feed.title,
      subtitle: feed.description,
      updated: date(feed.updated),
      link: [
        { "@rel": "self", "@type": "application/atom+xml", "@href": self },
        { "@rel": "alternate", "@type": "text/html", "@href": feed.homeUrl },
      ],
      author: atomPerson(feed.publisher),
      entry: feed.entries.map((entry) => ({
        "@xml:lang": entry.language,
        id: entry.url,
        title: { "@type": "text", "#text": entry.title },
        link: [
          { "@rel": "alternate", "@type": "text/html", "@href": entry.url },
          ...(entry.image
            ? [{ "@rel": "enclosure", "@type": entry.image.type, "@href": entry.image.url }]
            : []),
        ],
        published: date(entry.published),
        updated: date(entry.updated),
        author: entry.authors.map(atomPerson),
        category: entry.categories.map((c) => ({
          "@term": c.slug,
          "@label": c.name,
          "@scheme": feed.categoryScheme,
        })),
        summary: { "@type": "text", "#text": entry.summary },
        content: { "@type": "html", "#text": entry.contentHtml },
        rights: entry.rights,
      })),
    },
  });
}

const jsonPerson = (person: FeedPerson) => ({ name: person.name, ...(person.url && { url: person.url }) });

/** JSON Feed 1.1. */
export function toJsonFeed(feed: FeedChannel): string {
  const date = (value: WrittenDate) => toRfc3339(value, feed.timezone);
  return JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: feed.title,
      home_page_url: feed.homeUrl,
      feed_url: feed.feedUrls.json ?? feed.feedUrls.rss,
      description: feed.description,
      language: feed.language,
      authors: [jsonPerson(feed.publisher)],
      items: feed.entries.map((entry) => ({
        id: entry.url,
        url: entry.url,
        title: entry.title,
        summary: entry.summary,
        content_html: entry.contentHtml,
        ...(entry.image && { image: entry.image.url }),
        date_published: date(entry.published),
        date_modified: date(entry.updated),
        ...(entry.authors.length > 0 && { authors: entry.authors.map(jsonPerson) }),
        tags: entry.categories.map((c) => c.name),
        language: entry.language,
      })),
    },
    null,
    2,
  );
}
