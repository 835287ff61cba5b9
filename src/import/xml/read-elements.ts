import { createReadStream } from "node:fs";
import { SaxesParser, type SaxesTagNS } from "saxes";
import type { XmlElement } from "./element";

/** An export that cannot be read as XML, or that is refused, at a line of the file. */
export class XmlReadError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Why a document whose type declares entities is not read. */
export const ENTITY_REFUSAL =
  "refused: its document type declares entities, which could read other files or expand without end; nothing in it was expanded or fetched (remove the <!ENTITY …> declarations)";

/** An element of the open path from the root to where the parser is: its name and namespace. */
export interface OpenElement {
  local: string;
  uri: string;
}

export interface ReadOptions {
  /** Whether to keep the element just opened, whole, with what it holds (called with its ancestors). */
  keep(element: OpenElement, ancestors: readonly OpenElement[]): boolean;
  /** Told how many bytes of the file have been read, for a progress line. */
  onProgress?(bytesRead: number): void;
}

// Prefixes feeds use without declaring them; an undeclared other prefix is an error of the file.
const WELL_KNOWN_PREFIXES: Record<string, string> = {
  content: "http://purl.org/rss/1.0/modules/content/",
  dc: "http://purl.org/dc/elements/1.1/",
  media: "http://search.yahoo.com/mrss/",
  atom: "http://www.w3.org/2005/Atom",
  wp: "http://wordpress.org/export/1.2/",
  excerpt: "http://wordpress.org/export/1.2/excerpt/",
};

/**
 * Reads an XML file as a stream and yields the elements `keep` selects, each once it is closed,
 * so that memory holds one record (a post, a news item) and never the file. A document type that
 * declares entities is refused before any of them could be used: nothing here expands or fetches one.
 */
export async function* readXmlElements(file: string, options: ReadOptions): AsyncGenerator<XmlElement> {
  const parser = new SaxesParser({
    xmlns: true,
    position: true,
    resolvePrefix: (prefix: string) => WELL_KNOWN_PREFIXES[prefix],
  });
  const open: OpenElement[] = [];
  // The elements being kept, innermost last; `keptDepth` is the depth of the outermost.
  const building: XmlElement[] = [];
  let keptDepth = -1;
  const finished: XmlElement[] = [];
  let failure: XmlReadError | undefined;

  parser.on("doctype", (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new XmlReadError(ENTITY_REFUSAL, parser.line);
    }
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const name = { local: tag.local, uri: tag.uri };
    if (keptDepth === -1 && options.keep(name, open)) keptDepth = open.length;
    if (keptDepth !== -1) {
      const attributes: Record<string, string> = {};
      for (const attribute of Object.values(tag.attributes)) {
        attributes[attribute.local] ??= attribute.value;
        if (attribute.prefix) attributes[attribute.name] = attribute.value;
      }
      const element: XmlElement = { ...name, attributes, children: [], line: parser.line };
      building.at(-1)?.children.push(element);
      building.push(element);
    }
    open.push(name);
  });
  const addText = (text: string) => {
    const parent = building.at(-1);
    if (!parent) return;
    // Adjacent text and CDATA sections are one string, so a body split across them reads whole.
    const last = parent.children.length - 1;
    if (typeof parent.children[last] === "string") parent.children[last] += text;
    else parent.children.push(text);
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    open.pop();
    if (keptDepth === -1) return;
    const element = building.pop() as XmlElement;
    if (open.length === keptDepth) {
      finished.push(element);
      keptDepth = -1;
    }
  });
  parser.on("error", (error) => {
    const message = error.message.replace(/^\d+:\d+: /, "");
    const unclosed = /^unclosed tag: (.+)$/.exec(message);
    throw new XmlReadError(
      unclosed
        ? `the file ends inside <${unclosed[1]}>: it was cut short, or an element is never closed`
        : `not well-formed XML: ${message}`,
      parser.line,
    );
  });

  const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 18 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(chunk);
      options.onProgress?.(stream.bytesRead);
      while (finished.length > 0) yield finished.shift() as XmlElement;
    }
    parser.close();
  } catch (error) {
    failure = error instanceof XmlReadError ? error : undefined;
    if (!failure) throw error;
  } finally {
    stream.destroy();
  }
  if (failure) throw failure;
  while (finished.length > 0) yield finished.shift() as XmlElement;
}
