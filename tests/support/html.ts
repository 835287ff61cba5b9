import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Element, Root } from "hast";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { htmlToHast } from "satteri";

const parser = { parse: (text: string) => htmlToHast(text) as Root };

/** The file a URL path is served from in a built site ("/a/" → a/index.html). */
export function fileForPath(dist: string, urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? "/");
  return join(dist, clean.endsWith("/") ? `${clean}index.html` : clean);
}

/** True when the built site has a file for this URL path. */
export function hasPage(dist: string, urlPath: string): boolean {
  return existsSync(fileForPath(dist, urlPath));
}

/** A built page, parsed the way a browser would. */
export async function readPage(dist: string, urlPath: string): Promise<Root> {
  return parser.parse(await readFile(fileForPath(dist, urlPath), "utf8"));
}

/** The first element matching `selector`, or a failure naming it. */
export function one(tree: Root | Element, selector: string): Element {
  const found = select(selector, tree);
  if (!found) throw new Error(`no element matches "${selector}"`);
  return found;
}

/** Every element matching `selector`. */
export function all(tree: Root | Element, selector: string): Element[] {
  return selectAll(selector, tree);
}

/** The visible text of an element, whitespace collapsed. */
export function text(node: Root | Element): string {
  return toText(node).replace(/\s+/g, " ").trim();
}

/** An attribute value as a string ("" when absent). */
export function attr(node: Element, name: string): string {
  const value = node.properties[name];
  return Array.isArray(value) ? value.join(" ") : value === undefined || value === null ? "" : String(value);
}
