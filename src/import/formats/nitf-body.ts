import { splitCredit } from "../../lib/photo-credit";
import {
  childElements,
  path,
  escapeMarkup,
  serializeChildren,
  textOf,
  type XmlElement,
} from "../xml/element";

// NITF's names for what HTML calls otherwise; the rest (p, ul, ol, li, table, a, em, q) are HTML already.
const RENAMED: Record<string, string> = { hl2: "h2", block: "div", "body.content": "div" };

/**
 * An NITF body written as HTML for the converter: its elements renamed to HTML's, and each
 * `media` item a figure whose caption carries its producer as the credit.
 */
export function nitfBodyToHtml(content: XmlElement): string {
  return serializeChildren(content, {
    rename: RENAMED,
    replace: (element) => (element.local === "media" ? mediaFigure(element) : undefined),
  });
}

function mediaFigure(media: XmlElement): string {
  if ((media.attributes["media-type"] ?? "image") !== "image") return "";
  const reference = childElements(media, "media-reference")[0];
  const caption = textOf(childElements(media, "media-caption")[0]);
  const producer = textOf(path(media, "media-producer"));
  const split = splitCredit(caption);
  const credit = producer || split.credit;
  const src = reference?.attributes.source ?? "";
  const alt = reference?.attributes["alternate-text"] ?? "";
  const text = [split.caption, credit && `Photo: ${credit}`].filter(Boolean).join(" ");
  return `<figure><img src="${escapeMarkup(src)}" alt="${escapeMarkup(alt)}"><figcaption>${escapeMarkup(text)}</figcaption></figure>`;
}
