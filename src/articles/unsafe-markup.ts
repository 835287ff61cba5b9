import { htmlToHast, markdownToMdast, type HastNode, type MdastNode } from "satteri";

/** Something in an article body that would run script in a reader's browser. */
export interface MarkupProblem {
  /** 1-based line within the body. */
  line: number;
  message: string;
}

const EMBEDS =
  "article bodies never run script or embed other pages (to show the tag as text, put it in backticks: `<tag>`)";
const PAGE_WIDE = "it would change the whole page, not just the article";

/** Elements that run script, embed active content or change the whole page, with why each is refused. */
const BLOCKED_ELEMENTS = new Map<string, string>([
  ...["script", "iframe", "frame", "frameset", "object", "embed", "applet", "portal"].map(
    (tag): [string, string] => [
      tag,
      `raw <${tag}> is not allowed in an article; ${EMBEDS.replace("<tag>", `<${tag}>`)}`,
    ],
  ),
  // Inline SVG and MathML are foreign content with their own ways to run script (animations
  // that set href, <use>, foreignObject); an SVG file as an image cannot run any.
  ...["svg", "math"].map((tag): [string, string] => [
    tag,
    `inline <${tag}> is not allowed in an article; save it as an image file and show it with ![alt text](./file.svg)`,
  ]),
  ...["meta", "base", "link", "style"].map((tag): [string, string] => [
    tag,
    `<${tag}> is not allowed in an article body; ${PAGE_WIDE}`,
  ]),
]);
/** hast property names whose value is a URL a browser may follow or load. */
const URL_PROPERTIES = new Set([
  "href",
  "src",
  "action",
  "formAction",
  "xLinkHref",
  "data",
  "poster",
  "background",
  "cite",
  "codeBase",
]);
// A body with none of these cannot hold raw HTML, entities or a script URL: skip the parse.
const MAY_BE_UNSAFE = /[<&]|script/i;

/** True for URLs a browser would execute: javascript: and vbscript:, however obfuscated. */
export function isScriptUrl(url: string): boolean {
  // Browsers ignore ASCII control characters and whitespace around and inside the scheme.
  // eslint-disable-next-line no-control-regex
  const squeezed = url.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  return squeezed.startsWith("javascript:") || squeezed.startsWith("vbscript:");
}

/**
 * Finds raw `<script>`/`<iframe>` (and other active embeds), inline event handlers
 * and script URLs in a Markdown body, with the line of each.
 */
export function findUnsafeMarkup(body: string): MarkupProblem[] {
  if (!MAY_BE_UNSAFE.test(body)) return [];
  const problems: MarkupProblem[] = [];
  walkMdast(markdownToMdast(body), (node) => {
    const line = node.position?.start.line ?? 1;
    if ((node.type === "link" || node.type === "image" || node.type === "definition") && "url" in node) {
      if (isScriptUrl(String(node.url))) {
        problems.push({
          line,
          message: `${node.type === "image" ? "an image" : "a link"} to a script URL ("${String(node.url)}") is not allowed; link to a web page instead`,
        });
      }
    }
    if (node.type === "html" && "value" in node) {
      for (const found of findUnsafeHtml(String(node.value))) {
        problems.push({ line: line + found.lineOffset, message: found.message });
      }
    }
  });
  return problems;
}

/**
 * Checks a body's rendered HTML as a browser will read it: raw HTML split over several
 * Markdown blocks (an attribute left open across a code span) can add a handler that no
 * single block shows. Returns the problems' messages.
 */
export function findUnsafeRenderedHtml(html: string): string[] {
  return findUnsafeHtml(html).map((found) => found.message);
}

/** The HTML attribute a hast property name stands for ("onClick" → "onclick"). */
function attributeName(property: string): string {
  return property === "xLinkHref" ? "xlink:href" : property.toLowerCase();
}

/** Unsafe elements and attributes in one raw HTML node, each with its line offset within it. */
function findUnsafeHtml(html: string): { lineOffset: number; message: string }[] {
  const found: { lineOffset: number; message: string }[] = [];
  const source = html.toLowerCase();
  const lineAt = (index: number): number => (index <= 0 ? 0 : source.slice(0, index).split("\n").length - 1);
  // Elements come in document order, as their start tags do: each is matched to the next
  // start tag of its name (tags the parser implies, such as <tbody>, have none).
  const tags = findStartTags(source);
  let next = 0;
  let lastAt = 0;
  walkHast(htmlToHast(html, { fragment: true }), (node) => {
    if (node.type !== "element") return undefined;
    const tagName = node.tagName.toLowerCase();
    const index = tags.findIndex((t, k) => k >= next && t.name === tagName);
    const tag = index === -1 ? undefined : tags[index];
    if (tag) next = index + 1;
    const elementAt = tag?.at ?? lastAt;
    lastAt = elementAt;
    const blocked = BLOCKED_ELEMENTS.get(tagName);
    if (blocked) {
      found.push({ lineOffset: lineAt(elementAt), message: blocked });
      // What is inside a refused element goes with it: one problem is enough.
      return SKIP;
    }
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      const attr = attributeName(name);
      const attrAt = tag ? findAttribute(source.slice(tag.at, tag.end), attr) + tag.at : elementAt;
      if (/^on/.test(attr)) {
        found.push({
          lineOffset: lineAt(attrAt),
          message: `the inline event handler ${attr}= on <${tagName}> is not allowed; article bodies never run script`,
        });
      } else if (attr === "style") {
        found.push({
          lineOffset: lineAt(attrAt),
          message: `a style attribute on <${tagName}> is not allowed: the site's security policy blocks inline styles, so it would only log an error; align table columns with Markdown (|---:|) instead`,
        });
      } else if (URL_PROPERTIES.has(name) && typeof value === "string" && isScriptUrl(value)) {
        found.push({
          lineOffset: lineAt(attrAt),
          message: `<${tagName}> points to a script URL ("${value}"), which is not allowed; link to a web page instead`,
        });
      }
    }
    return undefined;
  });
  return found;
}

/** A start tag as written: its lower-case name and where it starts and ends in the source. */
interface StartTag {
  name: string;
  at: number;
  end: number;
}

// Comments are matched so that tags inside them are passed over; quoted attribute values so
// that a ">" or "<p" inside one does not end or start a tag.
const TOKEN = /<!--[\s\S]*?(?:-->|(?![\s\S]))|<([a-z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>?/g;

function findStartTags(source: string): StartTag[] {
  const tags: StartTag[] = [];
  for (const match of source.matchAll(TOKEN)) {
    if (match[1] !== undefined)
      tags.push({ name: match[1], at: match.index, end: match.index + match[0].length });
  }
  return tags;
}

/** Where attribute `name` is written within one start tag's text (0 when not found). */
function findAttribute(tagText: string, name: string): number {
  // Attribute names here are letters, hyphens and a colon: nothing to escape.
  const match = new RegExp(`[\\s/"']${name}\\s*(=|[\\s/>]|$)`).exec(tagText);
  return match ? match.index + 1 : 0;
}

function walkMdast(node: MdastNode, visit: (node: MdastNode) => void): void {
  visit(node);
  if ("children" in node && Array.isArray(node.children)) {
    for (const child of node.children as MdastNode[]) walkMdast(child, visit);
  }
}

/** Returned by a visitor to leave an element's children unvisited. */
const SKIP = Symbol("skip");

function walkHast(node: HastNode, visit: (node: HastNode) => typeof SKIP | undefined): void {
  if (visit(node) === SKIP) return;
  if ("children" in node && Array.isArray(node.children)) {
    for (const child of node.children as HastNode[]) walkHast(child, visit);
  }
  if (node.type === "element" && node.tagName === "template" && "content" in node && node.content) {
    walkHast(node.content as HastNode, visit);
  }
}
