import { htmlToHast, markdownToMdast, type HastNode, type MdastNode } from "satteri";

/** Something in an article body that would run script in a reader's browser. */
export interface MarkupProblem {
  /** 1-based line within the body. */
  line: number;
  message: string;
}

/** Elements that run or embed active content. */
const BLOCKED_ELEMENTS = new Set(["script", "iframe", "frame", "frameset", "object", "embed"]);
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

/** The HTML attribute a hast property name stands for ("onClick" → "onclick"). */
function attributeName(property: string): string {
  return property === "xLinkHref" ? "xlink:href" : property.toLowerCase();
}

/** Unsafe elements and attributes in one raw HTML node, each with its line offset within it. */
function findUnsafeHtml(html: string): { lineOffset: number; message: string }[] {
  const found: { lineOffset: number; message: string }[] = [];
  const source = html.toLowerCase();
  const lineAt = (index: number): number => (index <= 0 ? 0 : source.slice(0, index).split("\n").length - 1);
  // The tree is walked in document order, so each element's tag is searched for after the last one's.
  let cursor = 0;
  walkHast(htmlToHast(html, { fragment: true }), (node) => {
    if (node.type !== "element") return;
    const tag = node.tagName.toLowerCase();
    const tagAt = source.indexOf(`<${tag}`, cursor);
    const elementAt = tagAt === -1 ? cursor : tagAt;
    cursor = tagAt === -1 ? cursor : tagAt + 1;
    if (BLOCKED_ELEMENTS.has(tag)) {
      found.push({
        lineOffset: lineAt(elementAt),
        message: `raw <${tag}> is not allowed in an article; article bodies never run script or embed other pages`,
      });
    }
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      const attr = attributeName(name);
      const attrAt = findAttribute(source, attr, elementAt);
      if (/^on/.test(attr)) {
        found.push({
          lineOffset: lineAt(attrAt),
          message: `the inline event handler ${attr}= on <${tag}> is not allowed; article bodies never run script`,
        });
      } else if (URL_PROPERTIES.has(name) && typeof value === "string" && isScriptUrl(value)) {
        found.push({
          lineOffset: lineAt(attrAt),
          message: `<${tag}> points to a script URL ("${value}"), which is not allowed; link to a web page instead`,
        });
      }
    }
  });
  return found;
}

/** Where attribute `name` is written in the tag starting at `from` (the tag's start when not found). */
function findAttribute(source: string, name: string, from: number): number {
  // Attribute names here are letters, hyphens and a colon: nothing to escape.
  const pattern = new RegExp(`[\\s/"']${name}\\s*(=|[\\s/>])`, "g");
  pattern.lastIndex = from;
  const match = pattern.exec(source);
  return match ? match.index + 1 : from;
}

function walkMdast(node: MdastNode, visit: (node: MdastNode) => void): void {
  visit(node);
  if ("children" in node && Array.isArray(node.children)) {
    for (const child of node.children as MdastNode[]) walkMdast(child, visit);
  }
}

function walkHast(node: HastNode, visit: (node: HastNode) => void): void {
  visit(node);
  if ("children" in node && Array.isArray(node.children)) {
    for (const child of node.children as HastNode[]) walkHast(child, visit);
  }
  if (node.type === "element" && node.tagName === "template" && "content" in node && node.content) {
    walkHast(node.content as HastNode, visit);
  }
}
