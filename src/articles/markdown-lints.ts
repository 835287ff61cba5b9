import { markdownToMdast, type MdastNode } from "satteri";
import type { MarkupProblem } from "./unsafe-markup";
import { walk } from "./markdown-tree";
import { splitCredit } from "../lib/photo-credit";

/** How a body's links are judged: which of the site's own addresses exist. */
export interface MarkdownLintContext {
  /** Whether a root-relative path ("/2016/06/14/talks/") is the address of a page of the site. */
  isSitePath(path: string): boolean;
  /** The site's own origin and base ("https://news.example.org/archive"), so absolute links to it are checked too. */
  siteUrl?: string;
}

/** A problem of a body's Markdown; a warning is reported without failing the check. */
export interface MarkdownProblem extends MarkupProblem {
  warning?: boolean;
}

// Only a body with one of these can hold an image, a link or an <img>: skip the parse otherwise.
const MAY_HAVE_LINKS = /[[\]]|<img\b|https?:\/\//i;

/**
 * What the build lets through but a reader would trip over: images without alt text,
 * links without text or address, and links to addresses of the site that no page has.
 * Lines are 1-based within the body.
 */
export function findMarkdownProblems(body: string, context: MarkdownLintContext): MarkdownProblem[] {
  if (!MAY_HAVE_LINKS.test(body)) return [];
  const problems: MarkdownProblem[] = [];
  const report = (node: MdastNode, message: string): void => {
    problems.push({ line: node.position?.start.line ?? 1, message });
  };
  walk(markdownToMdast(body), (node) => {
    const photo = standalonePhoto(node);
    if (photo !== undefined && !creditOf(photo)) {
      const url = "url" in photo ? String(photo.url) : "";
      problems.push({
        line: photo.position?.start.line ?? 1,
        warning: true,
        message: `the photo ${url} has no credit: end its title with it, ![…](${url} "What it shows. Photo: Name/Agency")`,
      });
    }
    if (node.type === "image" && "url" in node && !String(("alt" in node && node.alt) || "").trim()) {
      report(
        node,
        `the image ${String(node.url)} has no alt text: describe it between the brackets, ![A lighthouse at dusk](${String(node.url)})`,
      );
    }
    if (node.type === "html" && "value" in node) {
      for (const tag of String(node.value).match(/<img\b[^>]*>/gi) ?? []) {
        if (!/\salt\s*=\s*("[^"]*\S[^"]*"|'[^']*\S[^']*'|[^\s"'>]+)/i.test(tag)) {
          report(node, `${tag} has no alt text: add alt="…" describing the image`);
        }
      }
    }
    if (node.type === "link" || node.type === "linkReference") {
      if (!hasText(node)) {
        report(
          node,
          "a link with no text: write the words readers click between the brackets, [the report](…)",
        );
      }
    }
    if ((node.type === "link" || node.type === "definition") && "url" in node) {
      const url = String(node.url).trim();
      if (url === "") {
        report(
          node,
          "a link with no address: put it between the parentheses, [the report](/2016/06/14/talks/)",
        );
        return;
      }
      const path = sitePathOf(url, context.siteUrl);
      if (path !== undefined && !context.isSitePath(path)) {
        report(
          node,
          `no page of the site at ${path}: link to an article by its address (/YYYY/MM/DD/slug/) or to another page the site has`,
        );
      }
    }
  });
  return problems;
}

/** The image of a paragraph that holds nothing else: a photo the page shows as a figure (body-figures.ts). */
function standalonePhoto(node: MdastNode): MdastNode | undefined {
  if (node.type !== "paragraph" || !("children" in node)) return undefined;
  const content = (node.children as MdastNode[]).filter(
    (child) => !(child.type === "text" && "value" in child && String(child.value).trim() === ""),
  );
  return content.length === 1 && content[0]?.type === "image" ? content[0] : undefined;
}

/** The credit at the end of an image's title, as the page shows it under the photo (body-figures.ts). */
function creditOf(node: MdastNode): string | undefined {
  return splitCredit("title" in node && typeof node.title === "string" ? node.title.trim() : "").credit;
}

/** The root-relative path of a link to this site ("/x/", or the site's own absolute URL); undefined for other links. */
function sitePathOf(url: string, siteUrl: string | undefined): string | undefined {
  if (url.startsWith("/") && !url.startsWith("//")) return url;
  if (siteUrl === undefined) return undefined;
  const prefix = siteUrl.replace(/\/+$/, "");
  if (url === prefix) return "/";
  return url.startsWith(`${prefix}/`) ? url.slice(prefix.length) : undefined;
}

/** True when a link shows something to click: text, code or an image with alt text. */
function hasText(node: MdastNode): boolean {
  let found = false;
  walk(node, (child) => {
    if (child === node) return;
    if (
      (child.type === "text" || child.type === "inlineCode") &&
      "value" in child &&
      String(child.value).trim()
    )
      found = true;
    if (child.type === "image" && "alt" in child && String(child.alt ?? "").trim()) found = true;
    if (child.type === "html") found = true;
  });
  return found;
}
