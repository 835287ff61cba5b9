import { markdownToMdast, type MdastNode } from "satteri";
import { walk } from "./markdown-tree";
import { isRelativeFilePath } from "../lib/paths";
import type { MarkupProblem } from "./unsafe-markup";

// Only a body with a "#", a "===" underline or an <h1 can hold a top-level heading: skip the parse otherwise.
const MAY_HAVE_TOP_HEADING = /^ {0,3}(?:[>*+-] {1,4}|\d+[.)] {1,4})*(#(?:[ \t]|$)|=+[ \t]*$)|<h1\b/im;
// What may render to nothing: HTML comments and link reference definitions. A body that is
// nothing else after removing them is parsed to be sure.
const MAYBE_INVISIBLE = /<!--[\s\S]*?(?:-->|(?![\s\S]))|^ {0,3}\[[^\]\n]+\]:.*$/gm;
const NO_TEXT = "the article has no text: write its body below the frontmatter";
const TOP_HEADING =
  "a top-level heading (# …) in the body would compete with the headline; use ## for the article's section headings";

/**
 * Finds what would make the page wrong though nothing in it runs script: a body with
 * no text at all, and top-level headings (`#`, `===`, `<h1>`) that would compete with
 * the headline, the page's only h1.
 */
export function findBodyStructureProblems(body: string): MarkupProblem[] {
  const mayBeEmpty = body.replace(MAYBE_INVISIBLE, "").trim() === "";
  if (!mayBeEmpty && !MAY_HAVE_TOP_HEADING.test(body)) return [];
  const tree = markdownToMdast(body);
  if (mayBeEmpty && !hasVisibleContent(tree)) return [{ line: 1, message: NO_TEXT }];
  const problems: MarkupProblem[] = [];
  walk(tree, (node) => {
    const isTopHeading =
      (node.type === "heading" && "depth" in node && node.depth === 1) ||
      (node.type === "html" && "value" in node && /<h1\b/i.test(String(node.value)));
    if (isTopHeading) problems.push({ line: node.position?.start.line ?? 1, message: TOP_HEADING });
  });
  return problems;
}

/** True when the tree holds anything but definitions and HTML comments. */
function hasVisibleContent(tree: MdastNode): boolean {
  let visible = false;
  walk(tree, (node) => {
    if (node.type === "root" || node.type === "definition") return;
    if (node.type === "html" && "value" in node && /^\s*<!--[\s\S]*?(?:-->\s*)?$/.test(String(node.value)))
      return;
    visible = true;
  });
  return visible;
}

/** An image the body shows from a file beside the article, with its body line. */
export interface BodyImage {
  line: number;
  src: string;
  /** Inline Markdown images are copied into the site; a reference-style image or raw `<img>` is left as written. */
  kind: "markdown" | "reference" | "html";
}

/** Local image files a body shows, as Markdown images (inline or by reference) or raw `<img>`. */
export function findBodyImages(body: string): BodyImage[] {
  if (!body.includes("![") && !/<img\b/i.test(body)) return [];
  const tree = markdownToMdast(body);
  const definitions = new Map<string, string>();
  walk(tree, (node) => {
    if (node.type === "definition" && "identifier" in node && "url" in node) {
      definitions.set(String(node.identifier).toLowerCase(), String(node.url));
    }
  });
  const images: BodyImage[] = [];
  walk(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === "image" && "url" in node)
      images.push({ line, src: String(node.url), kind: "markdown" });
    if (node.type === "imageReference" && "identifier" in node) {
      const url = definitions.get(String(node.identifier).toLowerCase());
      if (url !== undefined) images.push({ line, src: url, kind: "reference" });
    }
    if (node.type === "html" && "value" in node) {
      // An <img> inside a comment is no image: blank the comments out, keeping the lines.
      const value = String(node.value).replace(/<!--[\s\S]*?(?:-->|(?![\s\S]))/g, (c) =>
        c.replace(/[^\n]/g, " "),
      );
      for (const match of value.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
        const before = value.slice(0, match.index);
        images.push({
          line: line + before.split("\n").length - 1,
          src: match[1] ?? match[2] ?? match[3] ?? "",
          kind: "html",
        });
      }
    }
  });
  return images.filter((image) => isRelativeFilePath(image.src) && !image.src.startsWith("#"));
}

/** Whether a body can hold raw HTML, whose rendered form is checked for script. */
export function mayHoldRawHtml(body: string): boolean {
  return body.includes("<");
}
