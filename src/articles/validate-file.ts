import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { findBodyImages } from "./body-structure";
import { decodeArticleFile } from "./encoding";
import { decodePath } from "../lib/paths";
import { findUnsafeRenderedHtml } from "./unsafe-markup";
import type { Problem } from "../lib/problems";
import { validateArticleSource, type ValidArticle, type ValidationResult } from "./validate-article";

/** Reads one article file and checks it with the shared rules, its images looked for beside it. */
export async function validateArticleFile(
  filePath: string,
  file: string,
  schema: Parameters<typeof validateArticleSource>[2],
): Promise<ValidationResult> {
  const decoded = decodeArticleFile(await readFile(filePath), file);
  if ("problems" in decoded) return { ok: false, problems: decoded.problems };
  return validateArticleSource(decoded.text, file, schema, {
    imageExists: (src) => existsSync(resolve(dirname(filePath), src)),
  });
}

/** Image files that exist but cannot be read as images (a text file named .jpg, a truncated file). */
export async function findUnreadableImages(
  article: ValidArticle,
  filePath: string,
  file: string,
): Promise<Problem[]> {
  const images = [
    ...article.data.images.flatMap((image, i) =>
      image.src === undefined
        ? []
        : [
            {
              path: image.src,
              src: image.src,
              line: article.lineOf(["images", i, "src"]),
              field: `images[${i}].src`,
            },
          ],
    ),
    ...findBodyImages(article.body)
      .filter((image) => image.kind === "markdown")
      // A Markdown image's path is a URL ("my%20photo.jpg"); a frontmatter src is a file name.
      .map((image) => ({
        path: decodePath(image.src),
        src: image.src,
        line: article.bodyLine + image.line - 1,
        field: "body",
      })),
  ];
  if (images.length === 0) return [];
  // Loaded only when there is an image to read: most articles have none, and `npm run check` starts faster.
  const { default: sharp } = await import("sharp");
  const checks = images.map(async ({ path, src, line, field }): Promise<Problem[]> => {
    try {
      await sharp(resolve(dirname(filePath), path)).metadata();
      return [];
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return [
        {
          file,
          line,
          field,
          message: `${src} is not an image file that can be read (${reason}); use a JPEG, PNG, WebP, AVIF, GIF or SVG file`,
        },
      ];
    }
  });
  return (await Promise.all(checks)).flat();
}

/**
 * Script that only the rendered HTML shows (a tag or quote left open across Markdown
 * blocks), reported on the body's first line since no single source line holds it.
 */
export function findUnsafeRenderedProblems(html: string, file: string, bodyLine: number): Problem[] {
  return findUnsafeRenderedHtml(html).map((message) => ({
    file,
    line: bodyLine,
    field: "body",
    message: `${message} (found in the rendered HTML: look for a tag or quote left open across paragraphs)`,
  }));
}
