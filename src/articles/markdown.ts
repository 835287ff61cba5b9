import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { satteri } from "@astrojs/markdown-satteri";
import { parseFrontmatter } from "astro/markdown";
import { alignmentClasses } from "./alignment-classes";
import { bodyFigures } from "./body-figures";
import { embedCards } from "./embeds";
import { scrollBoxes } from "./scroll-boxes";
import { taskLabels } from "./task-labels";
import { basePathLinks } from "./base-path-links";
import { findBodyImages, mayHoldRawHtml } from "./body-structure";
import { summarize } from "../lib/format";
import { decodePath } from "../lib/paths";

/**
 * The Markdown settings of the site: astro.config.ts gives them to Astro, and the article bodies
 * are rendered with them when their pages are built (see renderMarkdown below), so there is one
 * place to change them.
 */
export function markdownConfig(base: string) {
  return {
    // Shiki colours code with style attributes, which the policy blocks: code blocks stay plain.
    syntaxHighlight: false as const,
    processor: satteri({
      mdastPlugins: base === "/" ? [] : [basePathLinks(base)],
      hastPlugins: [alignmentClasses, taskLabels, embedCards, bodyFigures, scrollBoxes],
    }),
  };
}

/** The HTML of a body and what Astro needs to show its images, as the glob loader would store it. */
export interface RenderedMarkdown {
  html: string;
  metadata: {
    headings: { depth: number; slug: string; text: string }[];
    localImagePaths: string[];
    remoteImagePaths: string[];
    frontmatter: Record<string, unknown>;
    imagePaths: string[];
  };
}

type Renderer = Awaited<ReturnType<ReturnType<typeof markdownConfig>["processor"]["createRenderer"]>>;

const renderers = new Map<string, Promise<Renderer>>();

/**
 * Renders a body as Astro's content layer does (its Markdown entry type's render function: the
 * processor's renderer made from the Markdown settings, the file's URL, image paths local then
 * remote), so the HTML, the heading ids and the image placeholders are those Astro would store.
 */
export async function renderMarkdown(
  body: string,
  options: { base: string; filePath: string; frontmatter: Record<string, unknown> },
): Promise<RenderedMarkdown> {
  let renderer = renderers.get(options.base);
  if (renderer === undefined) {
    const config = markdownConfig(options.base);
    // No remote image is allowed (astro.config.ts sets no image domains), as Astro tells its own renderer.
    renderer = config.processor.createRenderer({
      image: { domains: [], remotePatterns: [] },
      syntaxHighlight: config.syntaxHighlight,
    });
    renderers.set(options.base, renderer);
  }
  const result = await (
    await renderer
  ).render(body, { frontmatter: options.frontmatter, fileURL: pathToFileURL(options.filePath) });
  return {
    html: numericImageWidths(result.code),
    metadata: {
      ...result.metadata,
      imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths),
    },
  };
}

// The renderer passes a plugin's properties on as strings; Astro's getImage() wants the widths of
// an image's copies (set by body-figures.ts) as numbers.
const STRING_WIDTHS = /(&quot;widths&quot;:\[)((?:&quot;\d+&quot;,?)+)\]/g;

function numericImageWidths(html: string): string {
  return html.replace(
    STRING_WIDTHS,
    (_, start: string, widths: string) => `${start}${widths.replaceAll("&quot;", "")}]`,
  );
}

/** The body of an article file, read and rendered as the content layer would (see the two functions above and below). */
export async function renderMarkdownFile(
  filePath: string,
  base: string,
): Promise<{ body: string; rendered: RenderedMarkdown }> {
  const { body, frontmatter } = await readMarkdownBody(filePath);
  return { body, rendered: await renderMarkdown(body, { base, filePath, frontmatter }) };
}

/** A body as Astro's glob loader reads it from an article file (after its frontmatter, trimmed), with that frontmatter. */
export async function readMarkdownBody(
  filePath: string,
): Promise<{ body: string; frontmatter: Record<string, unknown> }> {
  const parsed = parseFrontmatter(await readFile(filePath, "utf8"), { frontmatter: "empty-with-spaces" });
  return { body: parsed.content.trim(), frontmatter: parsed.frontmatter };
}

/** Characters of the summary on a list's card. */
const CARD_SUMMARY_LENGTH = 220;

/**
 * What the content store keeps of an article's body instead of the body: what lists, feeds and
 * descriptions show of it, and what its page needs to render it from the file and to know the
 * result is what was checked.
 */
export interface BodyFacts {
  /** The dek, else the body's opening words, for descriptions, feeds and search results. */
  summary: string;
  /** A longer summary for the cards of lists. */
  cardSummary: string;
  /** A digest of the body's Markdown. */
  digest: string;
  /** The file line of the body's first line, for problems found in its rendered HTML. */
  line: number;
  /** The local image files the body shows, as Astro resolves them (relative to the article). */
  images: string[];
  /** Whether the rendered HTML has been checked (a body without raw HTML needs no check). */
  checked: boolean;
}

/** The key of an article's data under which the content store keeps its BodyFacts. */
export const BODY_FACTS_KEY = "bodyFacts";

/** The facts of a body as Astro read it; `checked` says whether its rendered HTML passed the check. */
export function bodyFacts(body: string, dek: string | undefined, line: number, checked: boolean): BodyFacts {
  return {
    summary: summarize(dek, body),
    cardSummary: summarize(dek, body, CARD_SUMMARY_LENGTH),
    digest: markdownDigest(body),
    line,
    images: bodyImagePaths(body),
    checked: checked || !mayHoldRawHtml(body),
  };
}

/** A digest of a body's Markdown. */
export function markdownDigest(body: string): string {
  return createHash("sha256").update(body).digest("base64url");
}

/** The local image files of a body in the order the renderer finds them, each once, decoded as Astro decodes them. */
function bodyImagePaths(body: string): string[] {
  const paths = findBodyImages(body)
    .filter((image) => image.kind === "markdown")
    .map((image) => decodePath(image.src));
  return [...new Set(paths)];
}
