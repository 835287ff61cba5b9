import { open } from "node:fs/promises";
import { ATOM } from "./formats/feeds";
import { NEWSML_G2 } from "./formats/news-industry";
import { ENTITY_REFUSAL } from "./xml/read-elements";

/** The formats the importer reads, by what the file holds (never by its name). */
export type ImportFormatName = "wordpress" | "rss" | "atom" | "newsml-g2" | "nitf" | "wire-text";

export const FORMAT_LABELS: Record<ImportFormatName, string> = {
  wordpress: "WordPress export (WXR)",
  rss: "RSS feed",
  atom: "Atom feed",
  "newsml-g2": "NewsML-G2",
  nitf: "NITF",
  "wire-text": "wire text export",
};

/** A file the importer cannot read as any of its formats, and why. */
export type Detection = { ok: true; format: ImportFormatName } | { ok: false; reason: string; line?: number };

// Read in steps until the root element shows, past the XML declaration, comments and document type.
const STEP_BYTES = 64 * 1024;
const MAX_HEAD_BYTES = 1024 * 1024;

/** Recognises a file's format from its first bytes: the root element and its namespaces, or plain text. */
export async function detectFormat(file: string): Promise<Detection> {
  const handle = await open(file, "r");
  try {
    let head = Buffer.alloc(0);
    for (;;) {
      const buffer = Buffer.alloc(STEP_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, STEP_BYTES, head.length);
      head = Buffer.concat([head, buffer.subarray(0, bytesRead)]);
      const detection = detectFrom(head);
      const more = bytesRead === STEP_BYTES && head.length < MAX_HEAD_BYTES;
      if (detection || !more) {
        return detection ?? { ok: false, reason: "an XML file whose first element could not be found" };
      }
    }
  } finally {
    await handle.close();
  }
}

/** The format the first bytes of a file show, or undefined when the root element is not among them yet. */
function detectFrom(head: Buffer): Detection | undefined {
  if (head.length === 0) return { ok: false, reason: "the file is empty" };
  if (head.includes(0)) return { ok: false, reason: "the file is not text (it holds NUL bytes)" };
  const text = head.toString("utf8").replace(/^\uFEFF/, "");
  if (!text.trimStart().startsWith("<")) return { ok: true, format: "wire-text" };
  const root = rootElement(text);
  // Only the document type, before the root element, declares entities; a post that quotes one
  // is text. Until the root shows, all that was read is before it.
  const prolog = root ? text.slice(0, root.start) : text;
  const declaration = /<!ENTITY/i.exec(prolog);
  if (declaration && /<!DOCTYPE/i.test(prolog.slice(0, declaration.index))) {
    return { ok: false, reason: ENTITY_REFUSAL, line: prolog.slice(0, declaration.index).split("\n").length };
  }
  if (!root) return undefined;
  const { name, attributes } = root;
  const local = name.replace(/^.*:/, "");
  const namespaces = Object.entries(attributes).filter(
    ([key]) => key === "xmlns" || key.startsWith("xmlns:"),
  );
  const declares = (test: (uri: string) => boolean) => namespaces.some(([, uri]) => test(uri));
  if (local === "rss") {
    return {
      ok: true,
      format: declares((uri) => /wordpress\.org\/export\/\d/.test(uri)) ? "wordpress" : "rss",
    };
  }
  if (local === "feed" && declares((uri) => uri === ATOM)) return { ok: true, format: "atom" };
  if ((local === "newsItem" || local === "newsMessage") && declares((uri) => uri === NEWSML_G2)) {
    return { ok: true, format: "newsml-g2" };
  }
  if (local === "nitf") return { ok: true, format: "nitf" };
  return {
    ok: false,
    reason: `an XML document of a kind the importer does not read (its root element is <${name}>); it reads WordPress exports, RSS and Atom feeds, NewsML-G2 and NITF`,
  };
}

/** The name, attributes and offset of the first element, past the declaration, comments and document type. */
function rootElement(
  text: string,
): { name: string; attributes: Record<string, string>; start: number } | undefined {
  let rest = text.trimStart();
  for (;;) {
    const end = rest.startsWith("<?")
      ? rest.indexOf("?>") + 2
      : rest.startsWith("<!--")
        ? rest.indexOf("-->") + 3
        : /^<!DOCTYPE/i.test(rest)
          ? doctypeEnd(rest)
          : 0;
    if (end === 0) break;
    // Not ended within what was read: the caller reads on.
    if (end < 3) return undefined;
    rest = rest.slice(end).trimStart();
  }
  const tag = /^<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(rest);
  if (!tag) return undefined;
  const attributes: Record<string, string> = {};
  for (const [, key, double, single] of tag[2]!.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[key!] = double ?? single ?? "";
  }
  return { name: tag[1]!, attributes, start: text.length - rest.length };
}

/** Where a document type declaration ends, past an internal subset in brackets. */
function doctypeEnd(text: string): number {
  const bracket = text.indexOf("[");
  const close = text.indexOf(">");
  if (bracket !== -1 && bracket < close) {
    const end = text.indexOf("]", bracket);
    return end === -1 ? -1 : text.indexOf(">", end) + 1;
  }
  return close === -1 ? -1 : close + 1;
}
