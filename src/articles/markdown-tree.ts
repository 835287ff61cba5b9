import type { MdastNode } from "satteri";

/** Visits a Markdown tree's nodes, parents before their children. */
export function walk(node: MdastNode, visit: (node: MdastNode) => void): void {
  visit(node);
  if ("children" in node && Array.isArray(node.children)) {
    for (const child of node.children as MdastNode[]) walk(child, visit);
  }
}
