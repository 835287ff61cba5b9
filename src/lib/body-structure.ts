import { markdownToMdast, type MdastNode } from "satteri";
import type { MarkupProblem } from "./unsafe-markup";

// Only a body with a "#" or a "===" underline can hold a top-level heading: skip the parse otherwise.
const MAY_HAVE_TOP_HEADING = /^ {0,3}(#(?:[ \t]|$)|=+[ \t]*$)/m;
// HTML comments and link reference definitions render to nothing.
const INVISIBLE = /<!--[\s\S]*?(?:-->|(?![\s\S]))|^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm;

/**
 * Finds what would make the page wrong though nothing in it runs script: a body with
 * no text at all, and `# headings` that would compete with the headline, the page's only h1.
 */
export function findBodyStructureProblems(body: string): MarkupProblem[] {
  if (body.replace(INVISIBLE, "").trim() === "") {
    return [{ line: 1, message: "the article has no text: write its body below the frontmatter" }];
  }
  if (!MAY_HAVE_TOP_HEADING.test(body)) return [];
  const problems: MarkupProblem[] = [];
  for (const node of (markdownToMdast(body) as { children?: MdastNode[] }).children ?? []) {
    if (node.type === "heading" && "depth" in node && node.depth === 1) {
      problems.push({
        line: node.position?.start.line ?? 1,
        message:
          "a top-level heading (# …) in the body would compete with the headline; use ## for the article's section headings",
      });
    }
  }
  return problems;
}
