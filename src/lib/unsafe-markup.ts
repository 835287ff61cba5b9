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
          message: `a ${node.type === "image" ? "image" : "link"} to a script URL ("${String(node.url)}") is not allowed; link to a web page instead`,
        });
      }
    }
    if (node.type === "html" && "value" in node) {
      const html = String(node.value);
      for (const found of findUnsafeHtml(html)) {
        problems.push({ line: line + lineWithin(html, found.needle), message: found.message });
      }
    }
  });
  return problems;
}

function findUnsafeHtml(html: string): { needle: string; message: string }[] {
  const found: { needle: string; message: string }[] = [];
  walkHast(htmlToHast(html, { fragment: true }), (node) => {
    if (node.type !== "element") return;
    const tag = node.tagName.toLowerCase();
    if (BLOCKED_ELEMENTS.has(tag)) {
      found.push({
        needle: `<${tag}`,
        message: `raw <${tag}> is not allowed in an article; article bodies never run script or embed other pages`,
      });
    }
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      if (/^on/i.test(name)) {
        const attr = name.toLowerCase();
        found.push({
          needle: attr,
          message: `the inline event handler ${attr}= on <${tag}> is not allowed; article bodies never run script`,
        });
      } else if (URL_PROPERTIES.has(name) && typeof value === "string" && isScriptUrl(value)) {
        found.push({
          needle: "script:",
          message: `<${tag}> points to a script URL ("${value}"), which is not allowed; link to a web page instead`,
        });
      }
    }
  });
  return found;
}

/** How many lines into `text` the first case-insensitive occurrence of `needle` is. */
function lineWithin(text: string, needle: string): number {
  const at = text.toLowerCase().indexOf(needle.toLowerCase());
  return at <= 0 ? 0 : text.slice(0, at).split("\n").length - 1;
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
