import type { Element, ElementContent, Root, RootContent } from "hast";
import { defaultSchema, sanitize, type Schema } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import { htmlToHast } from "satteri";

/** A photo of an article as a feed shows it: `src` is absolute, or absent for a photo the archive does not hold. */
export interface FeedPhoto {
  src?: string | undefined;
  alt?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** What an article's feed content is made of. */
export interface FeedContentParts {
  /** The rendered body, as the article page shows it. */
  bodyHtml: string;
  /** The article's absolute URL: relative links and images in the body resolve against it. */
  pageUrl: string;
  /** The article's photos in order; the first is the lead photo, shown before the body. */
  photos: readonly FeedPhoto[];
}

// GitHub's rules (hast-util-sanitize's default schema) plus figures for the photos.
const schema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => tag !== "input"), "figure", "figcaption"],
};

const URL_ATTRIBUTES = ["href", "src", "cite", "longDesc"] as const;

function absolutize(node: Root | Element, base: string): void {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    for (const name of URL_ATTRIBUTES) {
      const value = child.properties[name];
      if (typeof value !== "string") continue;
      // A URL that cannot be resolved is left for the sanitiser to judge.
      if (URL.canParse(value, base)) child.properties[name] = new URL(value, base).href;
    }
    // srcset candidates are not rewritten: the sanitiser drops srcset, readers get the plain src.
    absolutize(child, base);
  }
}

const text = (value: string): ElementContent => ({ type: "text", value });
const element = (
  tagName: string,
  properties: Element["properties"],
  children: ElementContent[],
): Element => ({
  type: "element",
  tagName,
  properties,
  children,
});

/** A photo as a figure with its caption and credit; one the archive does not hold as its words only. */
function photoNode(photo: FeedPhoto): Element | undefined {
  const words = [photo.caption, photo.credit].filter((w): w is string => w !== undefined).join(" ");
  if (photo.src === undefined)
    return words ? element("p", {}, [element("em", {}, [text(words)])]) : undefined;
  const img = element("img", { src: photo.src, alt: photo.alt ?? "" }, []);
  return element("figure", {}, words ? [img, element("figcaption", {}, [text(words)])] : [img]);
}

/**
 * The HTML a feed carries for an article: the lead photo, the body, then the other photos;
 * every URL absolute, and sanitised (GitHub's allow-list: no script, style, event handler,
 * iframe or form) so that a feed reader can show it as it is.
 */
export function buildFeedContent({ bodyHtml, pageUrl, photos }: FeedContentParts): string {
  const tree = htmlToHast(bodyHtml, { fragment: true }) as Root;
  absolutize(tree, pageUrl);
  const [lead, ...others] = photos.map(photoNode);
  const children: RootContent[] = [
    ...(lead ? [lead] : []),
    ...tree.children,
    ...others.filter((node): node is Element => node !== undefined),
  ];
  return toHtml(sanitize({ type: "root", children }, schema)).trim();
}
