import { defineHastPlugin, type HastVisitorContext } from "satteri";
import type { Element } from "hast";

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
        // A region a screen reader lists among the page's landmarks: named after the heading the
        // table stands under, so that several tables are told apart.
        properties: {
          className: ["scroll-box"],
          role: "region",
          ariaLabel: tableName(node, ctx),
          tabIndex: 0,
        },
        children: [],
      });
    },
  },
});

const HEADING = /^h[2-6]$/;

/** "Table: <the nearest heading before it>", or "Table". */
function tableName(table: Readonly<Element>, ctx: HastVisitorContext): string {
  const parent = ctx.parent(table);
  const index = ctx.indexOf(table);
  if (parent === undefined || index === undefined) return "Table";
  for (let i = index - 1; i >= 0; i--) {
    const sibling = parent.children[i];
    if (sibling?.type === "element" && HEADING.test(sibling.tagName)) {
      const heading = ctx.textContent(sibling).replace(/\s+/g, " ").trim();
      return heading === "" ? "Table" : `Table: ${heading}`;
    }
  }
  return "Table";
}
