import { defineHastPlugin } from "satteri";

const ALIGNMENT = /^\s*text-align\s*:\s*(left|center|right)\s*;?\s*$/i;

/**
 * A plugin of the site's Markdown renderer that writes a table column's alignment (`|---:|`) as a
 * class instead of the style attribute the renderer gives it: the security policy blocks inline
 * styles, so the column would lose its alignment and the browser log an error for each cell.
 */
export const alignmentClasses = defineHastPlugin({
  name: "archive-alignment-classes",
  element: {
    filter: ["td", "th"],
    visit(node, ctx) {
      const { style, className } = node.properties ?? {};
      const align = typeof style === "string" ? ALIGNMENT.exec(style)?.[1] : undefined;
      if (align === undefined) return;
      const classes = Array.isArray(className) ? className : className === undefined ? [] : [className];
      ctx.setProperty(node, "style", null);
      ctx.setProperty(node, "className", [...classes, `align-${align.toLowerCase()}`]);
    },
  },
});
