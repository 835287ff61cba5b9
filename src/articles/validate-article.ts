import type { z } from "astro/zod";
import { NAME_LIST_FIELDS, type ArticleData } from "./schema/article";
import { splitArticleSource } from "./frontmatter";
import { decodePath, isRelativeFilePath } from "../lib/paths";
import { dedupeProblems, formatFieldPath, type Problem } from "../lib/problems";
import { isValidSlug, slugFromFilePath, slugifyName } from "../lib/slugs";
import { findBodyImages, findBodyStructureProblems } from "./body-structure";
import { findUnsafeMarkup } from "./unsafe-markup";
import { findEmbedProblems } from "./embeds";

/** An article file that passed every rule. */
export interface ValidArticle {
  data: ArticleData & { slug: string };
  /** The frontmatter as written, for a second pass through Astro's own schema handling. */
  rawData: Record<string, unknown>;
  body: string;
  /** The file line of the body's first line. */
  bodyLine: number;
  /** The file line of a frontmatter key path. */
  lineOf(path: readonly PropertyKey[]): number;
}

export type ValidationResult = { ok: true; article: ValidArticle } | { ok: false; problems: Problem[] };

/** What validation may ask of the world outside the file. */
export interface ValidationContext {
  /** Whether an image path, as written relative to the article file, names an existing file. */
  imageExists?: (relativePath: string) => boolean;
}

/**
 * Checks one article file against the schema and the body rules, returning every
 * problem at once. `file` is the path shown in messages.
 */
export function validateArticleSource(
  text: string,
  file: string,
  schema: z.ZodType<ArticleData>,
  context: ValidationContext = {},
): ValidationResult {
  const split = splitArticleSource(text);
  if (!split.ok) {
    return {
      ok: false,
      problems: split.errors.map((e) => ({ file, line: e.line, field: "frontmatter", message: e.message })),
    };
  }
  const { source } = split;
  const problems: Problem[] = [];
  const rawData = quotedNamesAsLists(source.data as Record<string, unknown>, source.isQuoted);
  const parsed = schema.safeParse(rawData);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...issueToProblems(issue, file, source.lineOf));
  }
  let slug = typeof rawData.slug === "string" ? rawData.slug.trim() : undefined;
  if (rawData.slug === undefined) {
    slug = slugFromFilePath(file);
    if (!isValidSlug(slug)) {
      // A name in a script with no Latin letters (東京会議) gives no slug: ask for one.
      const better = slugifyName(slug) || "a-latin-transcription";
      problems.push({
        file,
        line: 1,
        field: "slug",
        message: `the file name "${slug}.md" does not make a valid URL slug (lowercase ASCII letters, digits and hyphens); rename the file to ${better}.md or set slug: ${better}`,
      });
    }
  }
  if (context.imageExists) {
    const imageExists = context.imageExists;
    problems.push(...findMissingImages(rawData, file, source.lineOf, imageExists));
    for (const image of findBodyImages(source.body)) {
      const line = source.bodyLine + image.line - 1;
      if (image.kind !== "markdown") {
        // The build copies and resizes inline Markdown images only; these would point nowhere.
        const what = image.kind === "html" ? "a raw <img>" : "a reference-style image (![alt][name])";
        problems.push({
          file,
          line,
          field: "body",
          message: `${what} cannot show a file of the archive (${image.src}); write it inline as ![alt text](${image.src})`,
        });
      } else if (!imageExists(decodePath(image.src))) {
        problems.push({
          file,
          line,
          field: "body",
          message: `no image file at ${image.src} (relative to the article); add the file or fix the path`,
        });
      }
    }
  }
  for (const found of [
    ...findBodyStructureProblems(source.body),
    ...findEmbedProblems(source.body),
    ...findUnsafeMarkup(source.body),
  ]) {
    problems.push({ file, line: source.bodyLine + found.line - 1, field: "body", message: found.message });
  }
  if (problems.length > 0 || !parsed.success || slug === undefined) {
    return { ok: false, problems: dedupeProblems(problems) };
  }
  return {
    ok: true,
    article: {
      data: { ...parsed.data, slug },
      rawData,
      body: source.body,
      bodyLine: source.bodyLine,
      lineOf: source.lineOf,
    },
  };
}

function issueToProblems(
  issue: z.core.$ZodIssue,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number,
): Problem[] {
  if (issue.code === "unrecognized_keys") {
    const messages = issue.message.split("\n");
    return issue.keys.map((key, i) => {
      const path = [...issue.path, key];
      return {
        file,
        line: lineOf(path),
        field: formatFieldPath(path),
        message: messages[i] ?? `unknown field "${key}"`,
      };
    });
  }
  const field = issue.path.length > 0 ? formatFieldPath(issue.path) : "frontmatter";
  return [{ file, line: lineOf(issue.path), field, message: issue.message }];
}

function findMissingImages(
  rawData: Record<string, unknown>,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number,
  imageExists: (relativePath: string) => boolean,
): Problem[] {
  const images = Array.isArray(rawData.images) ? (rawData.images as unknown[]) : [];
  return images.flatMap((image, i) => {
    const src = (image as { src?: unknown } | null)?.src;
    // Remote and absolute paths are refused by the schema with their own message.
    if (typeof src !== "string" || !isRelativeFilePath(src.trim()) || imageExists(src.trim())) return [];
    return [
      {
        file,
        line: lineOf(["images", i, "src"]),
        field: `images[${i}].src`,
        message: `no image file at ${src} (relative to the article); add the file, fix the path, or leave out src to record a photo the archive does not hold`,
      },
    ];
  });
}

/**
 * A quoted value in a list field is one name, commas and all (`places: "Washington, D.C."`);
 * an unquoted one with a comma is left for the schema to refuse as names run together.
 */
function quotedNamesAsLists(
  data: Record<string, unknown>,
  isQuoted: (key: string) => boolean,
): Record<string, unknown> {
  const copy = { ...data };
  for (const key of NAME_LIST_FIELDS) {
    if (typeof copy[key] === "string" && isQuoted(key)) copy[key] = [copy[key]];
  }
  return copy;
}
