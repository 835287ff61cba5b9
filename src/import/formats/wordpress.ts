import { isValidSlug } from "../../lib/slugs";
import { htmlToMarkdown, htmlToText } from "../body/html-to-markdown";
import { splitCredit } from "../../lib/photo-credit";
import { expandShortcodes, wrapParagraphs } from "../body/wordpress-html";
import { fromRfc822, fromWordPress, dayOf } from "../dates";
import type { ImportRecord } from "../imported-article";
import { childElements, textOf, rawTextOf, child, type XmlElement, type NameTest } from "../xml/element";
import type { OpenElement } from "../xml/read-elements";
import type { FormatContext, StoredPhoto, XmlFormatReader } from "./format";
import { recordPhotos } from "./photos";
import { ownAlias } from "./own-alias";

// WXR 1.0–1.2 differ only in the version in their namespace.
const isWordPress = (uri: string) => /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/.test(uri);
const isExcerpt = (uri: string) => /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/$/.test(uri);
const wp = (local: string): NameTest => ({ local, uri: isWordPress });
const CONTENT: NameTest = { local: "encoded", uri: "http://purl.org/rss/1.0/modules/content/" };
const EXCERPT: NameTest = { local: "encoded", uri: isExcerpt };
const CREATOR: NameTest = { local: "creator", uri: "http://purl.org/dc/elements/1.1/" };

const inChannel = (ancestors: readonly OpenElement[]) =>
  ancestors.length === 2 && ancestors[1]!.local === "channel";

/** Why a post in another state than published is not imported. */
const STATUS_REASONS: Record<string, string> = {
  draft: "a draft post",
  "auto-draft": "a draft post",
  pending: "a post pending review",
  private: "a private post",
  future: "a post scheduled for later",
  trash: "a post in the trash",
};
const TYPE_REASONS: Record<string, string> = {
  page: "a page, not a post",
  attachment: "an attachment (its photo goes with the posts that show it)",
  revision: "a revision of a post",
  nav_menu_item: "a menu item",
};

/** The value of a post's custom field (`wp:postmeta`). */
function meta(item: XmlElement, key: string): string | undefined {
  const entry = childElements(item, wp("postmeta")).find((m) => textOf(child(m, wp("meta_key"))) === key);
  const value = entry && textOf(child(entry, wp("meta_value")));
  return value === "" ? undefined : value;
}

/** Reads a WordPress export (Tools → Export): posts, with their attachments' photos and authors' names. */
export function createWordPressReader(context: FormatContext): XmlFormatReader {
  let publisher = "WordPress";
  // Attachments are known by the site and their id: two sites' exports in one run do not mix.
  let site = "";
  let language: string | undefined;
  let exported: string | undefined;
  const authors = new Map<string, string>();

  const readChannelFact = (element: XmlElement) => {
    if (element.local === "base_site_url" && isWordPress(element.uri)) site = textOf(element);
  };

  const readAttachment = (item: XmlElement) => {
    if (textOf(child(item, wp("post_type"))) !== "attachment") return;
    const url = textOf(child(item, wp("attachment_url"))) || undefined;
    const text = htmlToText(rawTextOf(child(item, EXCERPT)));
    const split = splitCredit(text);
    const credit = meta(item, "_media_credit") ?? split.credit;
    const alt = meta(item, "_wp_attachment_image_alt");
    const photo: StoredPhoto = {
      ...(url && { url }),
      ...(alt && { alt }),
      ...(split.caption && { caption: split.caption }),
      ...(credit && { credit }),
    };
    context.photos.setPhoto(`${site}\0${textOf(child(item, wp("post_id")))}`, photo);
  };

  const readPost = (item: XmlElement): ImportRecord => {
    const line = item.line;
    const type = textOf(child(item, wp("post_type"))) || "post";
    if (type !== "post")
      return { kind: "skipped", line, reason: TYPE_REASONS[type] ?? `a ${type}, not a post` };
    const status = textOf(child(item, wp("status")));
    if (status !== "publish")
      return { kind: "skipped", line, reason: STATUS_REASONS[status] ?? `a post marked ${status}` };
    const title = htmlToText(rawTextOf(child(item, "title")));
    const guid = textOf(child(item, "guid")) || textOf(child(item, wp("post_id")));
    if (title === "") return { kind: "failed", line, reason: "the post has no title" };
    const published =
      fromWordPress(textOf(child(item, wp("post_date"))), textOf(child(item, wp("post_date_gmt")))) ??
      fromRfc822(textOf(child(item, "pubDate")));
    if (published === undefined)
      return { kind: "failed", line, reason: "the post has no date it was published" };

    const categories = childElements(item, "category");
    const named = (domain: string) =>
      categories
        .filter((c) => c.attributes.domain === domain)
        .map((c) => textOf(c))
        .filter((n) => n !== "");
    const [section, ...otherCategories] = named("category").filter(
      (n) => n.toLowerCase() !== "uncategorized",
    );
    const notes: string[] = [];
    const removed: string[] = [];
    const expanded = expandShortcodes(rawTextOf(child(item, CONTENT)));
    removed.push(...expanded.removed);
    notes.push(...expanded.notes);
    const body = htmlToMarkdown(wrapParagraphs(expanded.html));
    removed.push(...body.removed);
    const thumbnail = meta(item, "_thumbnail_id");
    const featured = thumbnail === undefined ? undefined : context.photos.getPhoto(`${site}\0${thumbnail}`);
    if (thumbnail !== undefined && featured === undefined) {
      notes.push(`the featured image (attachment ${thumbnail}) is not in the export`);
    }
    const link = textOf(child(item, "link")) || undefined;
    const postName = safeDecode(textOf(child(item, wp("post_name"))));
    const modified = fromWordPress(
      textOf(child(item, wp("post_modified"))),
      textOf(child(item, wp("post_modified_gmt"))),
    );
    const creator = textOf(child(item, CREATOR));
    const dek = htmlToText(rawTextOf(child(item, EXCERPT)));
    return {
      kind: "article",
      line,
      article: {
        sourceId: guid,
        ...(modified && { version: modified }),
        title,
        ...(dek && { dek }),
        published,
        byline: creator ? [authors.get(creator) ?? creator] : [],
        ...(section && { section }),
        topics: [...new Set([...otherCategories, ...named("post_tag")])],
        people: [],
        organizations: [],
        places: [],
        codes: [],
        images: recordPhotos([...(featured ? [featured] : []), ...body.images], notes),
        source: { publisher, ...(link && { url: link }), retrieved: exported ?? context.today },
        ...(language && { language }),
        ...(isValidSlug(postName) && { slug: postName }),
        aliases: ownAlias(link, context.ownHosts),
        body: body.markdown,
        removed,
        notes,
      },
    };
  };

  return {
    prepass: {
      keep: (_element, ancestors) => inChannel(ancestors),
      read: (element) => (element.local === "item" ? readAttachment(element) : readChannelFact(element)),
    },
    keep: (_element, ancestors) => inChannel(ancestors),
    read(element) {
      if (element.local === "item") return readPost(element);
      readChannelFact(element);
      if (element.local === "title" && element.uri === "") publisher = textOf(element) || publisher;
      if (element.local === "language" && element.uri === "") language = textOf(element) || undefined;
      if (element.local === "pubDate") {
        const date = fromRfc822(textOf(element));
        if (date) exported = dayOf(date);
      }
      if (element.local === "author" && isWordPress(element.uri)) {
        const login = textOf(child(element, wp("author_login")));
        const name = textOf(child(element, wp("author_display_name")));
        if (login && name) authors.set(login, name);
      }
      return undefined;
    },
  };
}

/** A percent-encoded WordPress slug decoded; one that does not decode stays as it is (and is not used). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
