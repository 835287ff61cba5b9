import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

/** Parses XML strictly: any well-formedness error or warning throws, naming the file. */
export function parseXml(xml: string, name = "XML"): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${name}: ${level}: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
}

/** A built XML file, parsed strictly. */
export async function readXml(dist: string, file: string): Promise<Document> {
  return parseXml(await readFile(join(dist, file), "utf8"), file);
}

/** The child elements of `parent` with this qualified name (not deeper descendants). */
export function children(parent: Element | Document, name: string): Element[] {
  const nodes = parent.childNodes;
  const found: Element[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Element | undefined;
    if (node && node.nodeType === 1 && node.nodeName === name) found.push(node);
  }
  return found;
}

/** The one child element with this name, or a failure naming it. */
export function child(parent: Element | Document, name: string): Element {
  const [found, ...more] = children(parent, name);
  if (!found || more.length > 0)
    throw new Error(`expected exactly one <${name}>, found ${more.length + (found ? 1 : 0)}`);
  return found;
}

/** The text of the one child element with this name. */
export function childText(parent: Element | Document, name: string): string {
  return child(parent, name).textContent ?? "";
}

/** The texts of every child element with this name. */
export function childTexts(parent: Element | Document, name: string): string[] {
  return children(parent, name).map((el) => el.textContent ?? "");
}
