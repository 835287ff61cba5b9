import { defineHastPlugin } from "satteri";
import type { Element, ElementContent } from "hast";

// What ends the words of a task: the block that follows them in its list item.
const BLOCKS = new Set(["ul", "ol", "p", "div", "blockquote", "pre", "table", "figure"]);

/**
 * A plugin of the site's Markdown renderer that gives each task list checkbox (`- [x] …`) its
 * words as its label: the renderer writes a bare, unnamed checkbox, which a screen reader
 * announces as "checkbox, checked" with nothing to say what was done.
 */
export const taskLabels = defineHastPlugin({
  name: "archive-task-labels",
  element: {
    filter: ["li", "p"],
    visit(node, ctx) {
      const first = node.children.findIndex((child) => !(child.type === "text" && child.value.trim() === ""));
      const box = node.children[first];
      if (box?.type !== "element" || box.tagName !== "input" || box.properties.type !== "checkbox") return;
      const end = node.children.findIndex(
        (child, i) => i > first && child.type === "element" && BLOCKS.has(child.tagName),
      );
      const words = node.children.slice(first, end < 0 ? undefined : end);
      const label: Element = {
        type: "element",
        tagName: "label",
        properties: {},
        children: words as ElementContent[],
      };
      const rest = end < 0 ? [] : node.children.slice(end);
      ctx.replaceNode(node, { ...node, children: [...node.children.slice(0, first), label, ...rest] });
    },
  },
});
