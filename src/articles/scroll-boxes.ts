import { defineHastPlugin } from "satteri";

/**
 * A plugin of the site's Markdown renderer that lets a table or a code block wider than the
 * column scroll in its own box on a phone while the page stays put: a table is wrapped in a
 * region (a table itself cannot scroll without losing its table semantics), and both can be
 * focused, so a keyboard can scroll them too. The cue that more lies beyond the edge is in CSS.
 */
export const scrollBoxes = defineHastPlugin({
  name: "archive-scroll-boxes",
  element: {
    filter: ["table", "pre"],
    visit(node, ctx) {
      if (node.tagName === "pre") {
        ctx.setProperty(node, "tabIndex", 0);
        return;
      }
      ctx.wrapNode(node, {
        type: "element",
        tagName: "div",
        properties: { className: ["scroll-box"], role: "region", ariaLabel: "Table", tabIndex: 0 },
        children: [],
      });
    },
  },
});
