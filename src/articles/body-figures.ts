import { defineHastPlugin } from "satteri";
import type { Element, ElementContent } from "hast";
import { isRelativeFilePath } from "../lib/paths";
import { splitCredit } from "../lib/photo-credit";
import { PHOTO_COPY_SIZES, PHOTO_COPY_WIDTHS } from "../lib/photo-copies";

// The renderer passes a plugin's properties on as strings; renderMarkdown turns these back into numbers.
const COPY_WIDTHS = PHOTO_COPY_WIDTHS.map(String);

/**
 * A plugin of the site's Markdown renderer that shows an image standing alone in its paragraph
 * (or alone in a list item) as the frontmatter photos are shown: a figure whose caption is the
 * image's title and whose credit is the title's closing "Photo: …" or "Credit: …" (the
 * convention of the importer and the wire), in the same copies. An image within a line of text is
 * left as it is.
 */
export const bodyFigures = defineHastPlugin({
  name: "archive-body-figures",
  element: {
    filter: ["p", "li"],
    visit(node, ctx) {
      const content = node.children.filter((child) => !(child.type === "text" && child.value.trim() === ""));
      const image = content[0];
      if (content.length !== 1 || image?.type !== "element" || image.tagName !== "img") return;
      const { src, title } = image.properties;
      if (typeof src !== "string" || src === "") return;
      const { caption, credit } = splitCredit(typeof title === "string" ? title.trim() : "");
      // Only a file beside the article goes through Astro's image step; any other image is left as written.
      const isLocal = isRelativeFilePath(src);
      const properties = { ...image.properties };
      delete properties.title;
      const img: Element = {
        type: "element",
        tagName: "img",
        // Astro's image step passes these on to getImage() for a file beside the article (hast's
        // types know `widths` only as the attribute of an old element, hence the cast).
        properties: isLocal
          ? ({
              ...properties,
              widths: COPY_WIDTHS,
              sizes: PHOTO_COPY_SIZES,
              format: "webp",
            } as unknown as Element["properties"])
          : properties,
        children: [],
      };
      const captionParts: ElementContent[] = [];
      if (caption) captionParts.push(span("figure__caption", caption));
      if (caption && credit) captionParts.push({ type: "text", value: " " });
      if (credit) captionParts.push(span("figure__credit", credit));
      const figure: Element = {
        type: "element",
        tagName: "figure",
        properties: { className: ["figure"] },
        children: [
          img,
          ...(captionParts.length > 0
            ? [{ type: "element", tagName: "figcaption", properties: {}, children: captionParts } as Element]
            : []),
        ],
      };
      // A paragraph becomes the figure; a list item keeps its place in the list and holds it.
      ctx.replaceNode(node, node.tagName === "p" ? figure : { ...node, children: [figure] });
    },
  },
});

function span(className: string, text: string): Element {
  return {
    type: "element",
    tagName: "span",
    properties: { className: [className] },
    children: [{ type: "text", value: text }],
  };
}
