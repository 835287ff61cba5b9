import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Element, Root } from "hast";
import { htmlToHast } from "satteri";
import { listFiles } from "./site-build";

const parser = { parse: (text: string) => htmlToHast(text) as Root };
// An origin no link can really have: relative links resolve against it.
const LOCAL = "http://local.invalid";

/** A link of the built site that leads nowhere. */
export interface BrokenLink {
  /** The file it is in, relative to dist. */
  file: string;
  link: string;
  why: string;
}

export interface LinkCheckOptions {
  /** The base path the site was built under, e.g. "/archive". */
  base: string;
  /** The site's origin (SITE_URL): absolute links to it are internal too. */
  site: string;
}

// Attributes that hold one address, by element.
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src"],
  source: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  script: ["src"],
  iframe: ["src"],
  form: ["action"],
};

function* elements(node: Root | Element): Generator<Element> {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    yield child;
    yield* elements(child);
  }
}

/** Every address one page refers to: href, src, srcset candidates, poster, refresh and og:image targets. */
export function linksOf(tree: Root): string[] {
  const links: string[] = [];
  for (const element of elements(tree)) {
    for (const name of URL_ATTRIBUTES[element.tagName] ?? []) {
      const value = element.properties[name];
      if (typeof value === "string" && value !== "") links.push(value);
    }
    const srcset = element.properties.srcSet;
    const candidates = Array.isArray(srcset) ? srcset.join(",") : typeof srcset === "string" ? srcset : "";
    for (const candidate of candidates.split(",")) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) links.push(url);
    }
    if (element.tagName === "meta") {
      const content = String(element.properties.content ?? "");
      const equiv = String(element.properties.httpEquiv ?? "").toLowerCase();
      const property = String(element.properties.property ?? "");
      if (equiv === "refresh") {
        const url = /url\s*=\s*(.+)$/i.exec(content)?.[1];
        if (url) links.push(url.trim());
      } else if (/^(og|twitter):(image|url)$/.test(property) || element.properties.name === "twitter:image") {
        links.push(content);
      }
    }
  }
  return links;
}

/** The ids a page's fragments can point at: every id, and the name of every <a>. */
export function anchorsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  for (const element of elements(tree)) {
    if (typeof element.properties.id === "string") ids.add(element.properties.id);
    if (element.tagName === "a" && typeof element.properties.name === "string")
      ids.add(element.properties.name);
  }
  return ids;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** Every string value of a parsed JSON document. */
function jsonStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(jsonStrings);
  return [];
}

/** The address a built file is served at, base included ("a/index.html" → "/archive/a/"). */
function addressOf(file: string, base: string): string {
  const prefix = base.replace(/\/+$/, "");
  return `${prefix}/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

/**
 * Checks every internal link of the built site in `dist`: pages' href, src, srcset, poster,
 * refresh and social-image addresses, and the site addresses in feeds, sitemaps and `_redirects`.
 * Each must be under the base path and served by a file of dist (a directory by its index.html),
 * and a `#fragment` must name an id on the page it points to.
 */
export async function findBrokenLinks(dist: string, { base, site }: LinkCheckOptions): Promise<BrokenLink[]> {
  const prefix = base.replace(/\/+$/, "");
  const siteOrigin = new URL(site).origin;
  const files = await listFiles(dist);
  const pages = new Map<string, Root>();
  for (const file of files.filter((f) => f.endsWith(".html"))) {
    pages.set(file, parser.parse(await readFile(join(dist, file), "utf8")));
  }
  const anchors = new Map<string, Set<string>>();
  const anchorsIn = (file: string): Set<string> => {
    let ids = anchors.get(file);
    if (!ids) anchors.set(file, (ids = anchorsOf(pages.get(file) as Root)));
    return ids;
  };

  /** Why `link`, found in `file` (served at `from`), leads nowhere; undefined when it is fine or external. */
  const check = (link: string, from: string, file: string): string | undefined => {
    let url: URL;
    try {
      url = new URL(link, `${LOCAL}${from}`);
    } catch {
      return "is not a valid address";
    }
    if (url.origin !== LOCAL && url.origin !== siteOrigin) return undefined;
    if (!url.pathname.startsWith(`${prefix}/`)) return `is outside the base path ${prefix}/`;
    const inside = decodeOrUndefined(url.pathname.slice(prefix.length + 1));
    if (inside === undefined) return "has a malformed percent-escape";
    let target: string | undefined;
    if (inside === "" || inside.endsWith("/")) target = `${inside}index.html`;
    else if (existsSync(join(dist, inside)) && statSync(join(dist, inside)).isDirectory())
      target = `${inside}/index.html`;
    else target = inside;
    if (!existsSync(join(dist, target))) return `no file ${target} in dist`;
    const fragment = decodeOrUndefined(url.hash.slice(1));
    if (fragment === undefined) return "has a malformed percent-escape in its fragment";
    if (fragment === "" || fragment.startsWith(":~:")) return undefined;
    if (!pages.has(target)) return `#${fragment} points into ${target}, which is not a page`;
    if (!anchorsIn(target).has(fragment)) {
      return target === file
        ? `no element with id "${fragment}" on this page`
        : `no element with id "${fragment}" in ${target}`;
    }
    return undefined;
  };

  const broken: BrokenLink[] = [];
  for (const [file, tree] of pages) {
    const from = addressOf(file, base);
    for (const link of new Set(linksOf(tree))) {
      const why = check(link, from, file);
      if (why) broken.push({ file, link, why });
    }
  }
  // Feeds, sitemaps and host files name the site's addresses in full (or, in _redirects, from the root).
  const siteAddress = new RegExp(`${siteOrigin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s"'<>\\\\]*`, "g");
  for (const file of files.filter((f) => /\.(xml|json)$/.test(f) && !f.startsWith("pagefind/"))) {
    // Feed content holds escaped HTML (sometimes escaped twice): unescape before reading addresses.
    const raw = await readFile(join(dist, file), "utf8");
    let text = raw;
    for (let round = 0; round < 2; round++) text = unescapeXml(text);
    const links = new Set(text.match(siteAddress) ?? []);
    // JSON files ("On this day", JSON Feed) may also hold root-relative addresses as values.
    if (file.endsWith(".json"))
      jsonStrings(JSON.parse(raw)).forEach((v) => v.startsWith(`${prefix}/`) && links.add(v));
    for (const link of links) {
      const why = check(link, `${prefix}/`, file);
      if (why) broken.push({ file, link, why });
    }
  }
  if (files.includes("_redirects")) {
    for (const line of (await readFile(join(dist, "_redirects"), "utf8")).split("\n")) {
      const to = line.startsWith("/") ? line.split(/\s+/)[1] : undefined;
      const why = to === undefined ? undefined : check(to, `${prefix}/`, "_redirects");
      if (to !== undefined && why) broken.push({ file: "_redirects", link: to, why });
    }
  }
  return broken;
}

/** One line per broken link: file, link and why. */
export function formatBrokenLink({ file, link, why }: BrokenLink): string {
  return `${file}: ${link}: ${why}`;
}

function decodeOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
