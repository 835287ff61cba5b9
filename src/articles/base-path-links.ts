import { defineMdastPlugin } from "satteri";
import { withBase } from "../lib/urls";

/** True for a path on this site written from its root ("/2016/06/14/talks/"), not "//host/…". */
function isRootRelative(url: string): boolean {
  return url.startsWith("/") && !url.startsWith("//");
}

/**
 * A Markdown plugin that puts the deploy base path in front of links and images written
 * from the site's root, so `[talks](/2016/06/14/talks/)` keeps working on a site served
 * under /news-archive/. Nothing is added when the site lives at the domain's root.
 */
export function basePathLinks(base: string) {
  return defineMdastPlugin({
    name: "archive-base-path-links",
    link(node, ctx) {
      if (isRootRelative(node.url)) ctx.setProperty(node, "url", withBase(node.url, base));
    },
    definition(node, ctx) {
      if (isRootRelative(node.url)) ctx.setProperty(node, "url", withBase(node.url, base));
    },
    image(node, ctx) {
      if (isRootRelative(node.url)) ctx.setProperty(node, "url", withBase(node.url, base));
    },
  });
}
