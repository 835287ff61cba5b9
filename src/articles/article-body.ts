import { resolve } from "node:path";
import { render, type CollectionEntry } from "astro:content";
import { markdownDigest, renderMarkdownFile, type BodyFacts } from "./markdown";
import { ArticleProblemsError } from "../lib/problems";
import { findUnsafeRenderedProblems } from "./validate-file";
import { site } from "../site.config";

/** The stored facts of a body that only its rendering reads. */
export type ArticleBody = Omit<BodyFacts, "summary" | "cardSummary">;

/** What rendering an article's body needs: its stored entry, its file and the facts of its body. */
export interface ArticleToRender {
  entry: CollectionEntry<"articles">;
  file: string;
  body: ArticleBody;
}

/**
 * The body of an article, rendered from its file when a page that shows it is built: the content
 * store keeps no body (see the article loader). It is rendered with the site's Markdown settings
 * as the content layer would have rendered it, and handed to Astro's own `render()` as a stored
 * entry's HTML, so the body's images resolve to the files the build writes, as they always did.
 *
 * A body whose rendered HTML the loader has not checked (an article of other years than the
 * build's, shown in a feed) is checked here; a problem fails the build with the file and line.
 */
export async function renderArticleBody(article: ArticleToRender): ReturnType<typeof render> {
  const { entry, body, file } = article;
  // Paths in the store are relative to the project folder, where the build runs.
  const filePath = resolve(entry.filePath ?? file);
  const problem = (message: string) => ({ file, line: body.line, field: "body", message });
  let read;
  try {
    read = await renderMarkdownFile(filePath, site.base);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ArticleProblemsError([problem(`the body could not be rendered (${reason})`)], { cause: error });
  }
  if (markdownDigest(read.body) !== body.digest) {
    throw new Error(
      `${file} changed after the content store loaded it: its page would show a body that was never checked. Build again (the dev server loads the change itself: reload the page).`,
    );
  }
  const { rendered } = read;
  // Astro resolves only the images the loader listed for the store; any other would be left unresolved.
  const unlisted = rendered.metadata.localImagePaths.filter((path) => !body.images.includes(path));
  if (unlisted.length > 0) {
    throw new ArticleProblemsError([
      problem(
        `the body shows images the content store does not list (${unlisted.join(", ")}); delete the content cache and build again`,
      ),
    ]);
  }
  if (!body.checked) {
    const unsafe = findUnsafeRenderedProblems(rendered.html, file, body.line);
    if (unsafe.length > 0) throw new ArticleProblemsError(unsafe);
  }
  return render({ ...entry, rendered });
}
