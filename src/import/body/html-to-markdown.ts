import type { Element, Root, RootContent } from "hast";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { isScriptUrl } from "../../articles/unsafe-markup";
import { splitCredit } from "../../lib/photo-credit";

/** A photo found in a body: taken out of the text and kept with the article's images. */
export interface BodyImage {
  url?: string;
  alt?: string;
  caption?: string;
  credit?: string;
}

/** A body in Markdown, the photos taken out of it, and what the archive's policy removed. */
export interface ConvertedBody {
  markdown: string;
  images: BodyImage[];
  /** What was removed, one line per kind: "2 <script> elements", "1 tracking pixel (stats.example.com)". */
  removed: string[];
}

// Elements an article may not hold: they run script, embed other pages or change the whole page.
const REMOVED_ELEMENTS = new Set([
  "script",
  "noscript",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "portal",
  "form",
  "template",
  "link",
  "meta",
  "base",
  "svg",
  "math",
  "video",
  "audio",
  "canvas",
]);
// Hosts that serve only counters and tracking beacons; any other image is a tracker only when tiny.
const TRACKER_HOSTS =
  /(?:^|\.)(?:stats\.wp\.com|pixel\.wp\.com|feeds\.feedburner\.com|google-analytics\.com|doubleclick\.net|scorecardresearch\.com|quantserve\.com|facebook\.com|pixel\.[a-z0-9-]+\.[a-z]+|chartbeat\.net|parsely\.com|omtrdc\.net)$/i;

/** Counts removals by what was removed, to report one line per kind. */
class Removals {
  private readonly counts = new Map<string, number>();
  add(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }
  lines(): string[] {
    return [...this.counts].map(([what, count]) => `${count} ${what}`);
  }
}

/** The host an address names, as a report shows it: "www." left out, "this site" for a path. */
export function hostOf(url: string): string {
  try {
    return new URL(url, "https://unknown.invalid/").hostname
      .replace(/^www\./, "")
      .replace(/^unknown\.invalid$/, "this site");
  } catch {
    return "an unreadable address";
  }
}

function isTrackingPixel(image: Element): boolean {
  const size = (value: unknown) => (value === undefined ? undefined : Number(value));
  const width = size(image.properties.width);
  const height = size(image.properties.height);
  const tiny = (width !== undefined && width <= 2) || (height !== undefined && height <= 2);
  return tiny || TRACKER_HOSTS.test(hostOf(String(image.properties.src ?? "")));
}

function textOf(node: Element | RootContent): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element") return "";
  return node.children.map(textOf).join("");
}

function squeeze(text: string): string | undefined {
  const squeezed = text.replace(/\s+/g, " ").trim();
  return squeezed === "" ? undefined : squeezed;
}

/** A photo and its caption (from the figure's figcaption, or after the image in a WordPress caption). */
function imageOf(image: Element, figure: Element | undefined): BodyImage {
  const captionElement = figure?.children.find(
    (c): c is Element => c.type === "element" && c.tagName === "figcaption",
  );
  const { caption, credit } = splitCredit(squeeze(captionElement ? textOf(captionElement) : "") ?? "");
  const url = typeof image.properties.src === "string" ? image.properties.src : undefined;
  const alt = squeeze(String(image.properties.alt ?? ""));
  return {
    ...(url && { url }),
    ...(alt && { alt }),
    ...(caption && { caption }),
    ...(credit && { credit }),
  };
}

/**
 * Applies the archive's policy to a parsed body: removes what it may not hold (with a count of
 * each), unwraps links to script URLs, and takes photos out with their captions.
 */
function applyPolicy(tree: Root, images: BodyImage[], removals: Removals): void {
  const visit = (parent: Root | Element, figure: Element | undefined): void => {
    parent.children = parent.children.flatMap((node): RootContent[] => {
      if (node.type === "comment") return [];
      if (node.type !== "element") return [node];
      const tag = node.tagName;
      if (REMOVED_ELEMENTS.has(tag)) {
        const src = node.properties.src ?? node.properties.data;
        removals.add(`<${tag}>${typeof src === "string" ? ` (${hostOf(src)})` : ""}`);
        return [];
      }
      for (const name of Object.keys(node.properties)) {
        if (/^on[a-z]/i.test(name)) {
          removals.add(`${name.toLowerCase()} handler`);
          delete node.properties[name];
        }
      }
      if ((tag === "td" || tag === "th") && typeof node.properties.style === "string") {
        // Editors align columns with a style; Markdown tables keep the alignment, not the style.
        const align = /text-align\s*:\s*(left|right|center)/i.exec(node.properties.style)?.[1];
        if (align) node.properties.align = align.toLowerCase();
      }
      if (tag === "img") {
        if (isTrackingPixel(node)) {
          removals.add(`tracking pixel (${hostOf(String(node.properties.src ?? ""))})`);
          return [];
        }
        images.push(imageOf(node, figure));
        return [];
      }
      if (tag === "a" && typeof node.properties.href === "string" && isScriptUrl(node.properties.href)) {
        removals.add("script link (kept as text)");
        visit(node, figure);
        return node.children;
      }
      if (tag === "figure") {
        const before = images.length;
        visit(node, node);
        // A photo went to the images with its caption: the caption is not repeated in the text.
        // A figure of something else (a table, a quote) keeps its caption as a line of text.
        if (images.length === before) return node.children;
        return node.children.filter(
          (c) => !(c.type === "element" && c.tagName === "figcaption") && squeeze(textOf(c)) !== undefined,
        );
      }
      visit(node, figure);
      return [node];
    });
  };
  visit(tree, undefined);
}

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(() => (tree: Root, file) => {
    const { images, removals } = file.data as { images: BodyImage[]; removals: Removals };
    applyPolicy(tree, images, removals);
  })
  .use(rehypeRemark)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: "-", emphasis: "_", rule: "-", fences: true });

/** Converts an HTML body to Markdown under the archive's policy. */
export function htmlToMarkdown(html: string): ConvertedBody {
  const images: BodyImage[] = [];
  const removals = new Removals();
  const file = processor.processSync({ value: html, data: { images, removals } });
  const markdown = String(file).trim();
  return { markdown: markdown === "" ? "" : `${markdown}\n`, images, removed: removals.lines() };
}

const textParser = unified().use(rehypeParse, { fragment: true });

/** The text of an HTML fragment (an excerpt, a headline), its white space made single spaces. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, " ").trim();
  const tree = textParser.parse(html);
  const visible = tree.children.filter((c) => !(c.type === "element" && REMOVED_ELEMENTS.has(c.tagName)));
  return visible.map(textOf).join(" ").replace(/\s+/g, " ").trim();
}
