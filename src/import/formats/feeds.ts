import { htmlToMarkdown, htmlToText } from "../body/html-to-markdown";
import { splitCredit } from "../../lib/photo-credit";
import { fromIso, fromRfc822 } from "../dates";
import type { ImportRecord } from "../imported-article";
import {
  escapeMarkup,
  child,
  childElements,
  rawTextOf,
  serializeChildren,
  textOf,
  type NameTest,
  type XmlElement,
} from "../xml/element";
import type { OpenElement } from "../xml/read-elements";
import type { FormatContext, StoredPhoto, XmlFormatReader } from "./format";
import { bylineNames } from "../byline-names";
import { ownAlias } from "./own-alias";
import { recordPhotos } from "./photos";

export const ATOM = "http://www.w3.org/2005/Atom";
const MEDIA = "http://search.yahoo.com/mrss/";
const CONTENT: NameTest = { local: "encoded", uri: "http://purl.org/rss/1.0/modules/content/" };
const CREATOR: NameTest = { local: "creator", uri: "http://purl.org/dc/elements/1.1/" };
// A teaser longer than this is the story itself, not a standfirst.
const DEK_LIMIT = 320;

/** Photos a feed item names in Media RSS (`media:content`, `media:thumbnail` in a group) or as an image enclosure. */
function mediaPhotos(item: XmlElement): StoredPhoto[] {
  const media = [
    ...childElements(item, { local: "content", uri: MEDIA }),
    ...childElements(item, { local: "group", uri: MEDIA }).flatMap((g) =>
      childElements(g, { local: "content", uri: MEDIA }),
    ),
  ].filter(
    (m) =>
      (m.attributes.medium ?? "image") === "image" && !/^(?:video|audio)\//.test(m.attributes.type ?? ""),
  );
  const photos = media.map((m): StoredPhoto => {
    const text =
      textOf(child(m, { local: "description", uri: MEDIA })) ||
      textOf(child(m, { local: "title", uri: MEDIA }));
    const split = splitCredit(htmlToText(text));
    const credit = textOf(child(m, { local: "credit", uri: MEDIA })) || split.credit;
    return {
      ...(m.attributes.url && { url: m.attributes.url }),
      ...(split.caption && { caption: split.caption }),
      ...(credit && { credit }),
    };
  });
  for (const enclosure of childElements(item, "enclosure")) {
    if ((enclosure.attributes.type ?? "").startsWith("image/") && enclosure.attributes.url) {
      photos.push({ url: enclosure.attributes.url });
    }
  }
  return photos;
}

/** The article a feed item is, from the parts both feed formats have. */
function feedArticle(
  context: FormatContext,
  parts: {
    line: number;
    id: string;
    version?: string;
    title: string;
    published: string | undefined;
    byline: string[];
    topics: string[];
    link?: string;
    summaryHtml: string;
    bodyHtml: string;
    photos: StoredPhoto[];
    publisher: string;
    language?: string;
    rights?: string;
  },
): ImportRecord {
  const { line } = parts;
  if (parts.title === "") return { kind: "failed", line, reason: "the item has no title" };
  if (parts.published === undefined)
    return { kind: "failed", line, reason: "the item has no date it was published" };
  const fullText = parts.bodyHtml.trim() !== "";
  const body = htmlToMarkdown(fullText ? parts.bodyHtml : parts.summaryHtml);
  const summary = fullText ? htmlToText(parts.summaryHtml) : "";
  const notes: string[] = fullText
    ? []
    : ["the feed holds only a summary of this story, imported as its text"];
  return {
    kind: "article",
    line,
    article: {
      sourceId: parts.id,
      ...(parts.version && { version: parts.version }),
      title: parts.title,
      ...(summary !== "" && summary.length <= DEK_LIMIT && { dek: summary }),
      published: parts.published,
      byline: parts.byline,
      topics: parts.topics,
      people: [],
      organizations: [],
      places: [],
      codes: [],
      images: recordPhotos([...parts.photos, ...body.images], notes),
      source: {
        publisher: parts.publisher,
        ...(parts.link && { url: parts.link }),
        retrieved: context.today,
      },
      ...(parts.rights && { rights: parts.rights }),
      ...(parts.language && { language: parts.language }),
      aliases: ownAlias(parts.link, context.ownHosts),
      body: body.markdown,
      removed: body.removed,
      notes,
    },
  };
}

/** Reads an RSS 2.0 feed, with content:encoded, dc:creator and Media RSS photos. */
export function createRssReader(context: FormatContext): XmlFormatReader {
  let publisher = "Feed";
  let language: string | undefined;
  let rights: string | undefined;
  const inChannel = (ancestors: readonly OpenElement[]) =>
    ancestors.length === 2 && ancestors[1]!.local === "channel";
  return {
    keep: (_element, ancestors) => inChannel(ancestors),
    read(element) {
      if (element.uri !== "") return undefined;
      if (element.local === "title") publisher = textOf(element) || publisher;
      if (element.local === "language") language = textOf(element) || undefined;
      if (element.local === "copyright") rights = textOf(element) || undefined;
      if (element.local !== "item") return undefined;
      const item = element;
      const link = textOf(child(item, "link")) || undefined;
      const creators = childElements(item, CREATOR).flatMap((c) => bylineNames(textOf(c)));
      return feedArticle(context, {
        line: item.line,
        id: textOf(child(item, "guid")) || link || "",
        title: htmlToText(textOf(child(item, "title"))),
        published: fromRfc822(textOf(child(item, "pubDate"))),
        byline: creators.length > 0 ? creators : bylineNames(textOf(child(item, "author"))),
        topics: childElements(item, "category")
          .map((c) => textOf(c))
          .filter((t) => t !== ""),
        ...(link && { link }),
        summaryHtml: rawTextOf(child(item, "description")),
        bodyHtml: rawTextOf(child(item, CONTENT)),
        photos: mediaPhotos(item),
        publisher,
        ...(language && { language }),
        ...(rights && { rights }),
      });
    },
  };
}

/** An Atom text construct as HTML: `type="html"` escaped markup, `xhtml` inline, text as text. */
function atomHtml(element: XmlElement | undefined): string {
  if (!element) return "";
  const type = element.attributes.type ?? "text";
  if (type === "html" || type === "text/html") return rawTextOf(element);
  if (type === "xhtml" || type === "application/xhtml+xml") {
    const div = childElements(element)[0];
    return div ? serializeChildren(div) : "";
  }
  return escapeMarkup(rawTextOf(element));
}

/** Reads an Atom feed: entries with their content, authors, categories and Media RSS photos. */
export function createAtomReader(context: FormatContext): XmlFormatReader {
  let publisher = "Feed";
  let rights: string | undefined;
  const atom = (local: string): NameTest => ({ local, uri: ATOM });
  return {
    keep: (_element, ancestors) => ancestors.length === 1,
    read(element) {
      if (element.uri !== ATOM) return undefined;
      if (element.local === "title") publisher = htmlToText(atomHtml(element)) || publisher;
      if (element.local === "rights") rights = htmlToText(atomHtml(element)) || undefined;
      if (element.local !== "entry") return undefined;
      const entry = element;
      const link = childElements(entry, atom("link")).find(
        (l) => (l.attributes.rel ?? "alternate") === "alternate",
      )?.attributes.href;
      const published = textOf(child(entry, atom("published"))) || textOf(child(entry, atom("updated")));
      const updated = textOf(child(entry, atom("updated")));
      const lang = entry.attributes["xml:lang"];
      return feedArticle(context, {
        line: entry.line,
        id: textOf(child(entry, atom("id"))) || link || "",
        ...(updated && { version: fromIso(updated) ?? updated }),
        title: htmlToText(atomHtml(child(entry, atom("title")))),
        published: fromIso(published),
        byline: childElements(entry, atom("author"))
          .map((a) => textOf(child(a, atom("name"))))
          .filter((n) => n !== ""),
        topics: childElements(entry, atom("category"))
          .map((c) => c.attributes.label ?? c.attributes.term ?? "")
          .filter((t) => t !== ""),
        ...(link && { link }),
        summaryHtml: atomHtml(child(entry, atom("summary"))),
        bodyHtml: atomHtml(child(entry, atom("content"))),
        photos: mediaPhotos(entry),
        publisher,
        ...(lang && { language: lang }),
        ...(rights && { rights }),
      });
    },
  };
}
