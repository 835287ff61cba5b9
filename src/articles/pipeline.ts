import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { findStrayFiles } from "./article-files";
import { mayHoldRawHtml } from "./body-structure";
import { findArchiveProblems, type ArchiveArticle } from "./archive-rules";
import { isPublic } from "../lib/articles";
import type { Problem } from "../lib/problems";
import type { EntityRegistry } from "../entities/registry";
import { checkUrlManifest } from "../addresses/url-manifest-check";
import type { ValidArticle, validateArticleSource } from "./validate-article";
import { findUnreadableImages, findUnsafeRenderedProblems, validateArticleFile } from "./validate-file";

// The one path by which an article is accepted or refused. The build's content loader
// (loader.ts) and `npm run check` (check-archive.ts) both run it, so they agree by construction:
//   1. each file: frontmatter and fields (validate-article.ts), image files (validate-file.ts),
//      script in the rendered HTML of a body with raw HTML; a draft stops here;
//   2. the whole archive, once every file is read: stray files, two articles on one URL,
//      aliases and label spellings (archive-rules.ts), the URL manifest (src/addresses/).

/** What the rules make of one article file. */
export type FileVerdict =
  | { status: "refused"; problems: Problem[] }
  /** Valid, but not published: a draft, or dated in the future of a build that hides those. */
  | { status: "withheld"; article: ValidArticle }
  | {
      status: "published";
      article: ValidArticle;
      /** Whether its rendered HTML was checked here (always true for a body without raw HTML). */
      renderedChecked: boolean;
    };

/** What a file is checked with. */
export interface FileRules {
  schema: Parameters<typeof validateArticleSource>[2];
  /** The site's base path, which the rendered HTML's links start with. */
  siteBase: string;
  /**
   * Whether the rendered HTML of this article's body is checked now: the build leaves those of
   * the years it does not write to the page that renders them.
   */
  checksRenderedHtml(article: ValidArticle, published: boolean): boolean;
}

/** Reads one article file (`file` is its path as problems name it) and judges it by every per-file rule. */
export async function judgeArticleFile(
  filePath: string,
  file: string,
  rules: FileRules,
): Promise<FileVerdict> {
  const result = await validateArticleFile(filePath, file, rules.schema);
  if (!result.ok) return { status: "refused", problems: result.problems };
  const { article } = result;
  const problems = await findUnreadableImages(article, filePath, file);
  const published = isPublic({ file, data: article.data });
  const renderedChecked = !mayHoldRawHtml(article.body) || rules.checksRenderedHtml(article, published);
  if (renderedChecked)
    problems.push(...(await findRenderedProblems(filePath, file, article, rules.siteBase)));
  if (problems.length > 0) return { status: "refused", problems };
  return published ? { status: "published", article, renderedChecked } : { status: "withheld", article };
}

/** Script that only a body's rendered HTML shows, for a body that may hold raw HTML (none otherwise). */
export async function findRenderedProblems(
  filePath: string,
  file: string,
  article: { body?: string; bodyLine: number },
  siteBase: string,
): Promise<Problem[]> {
  if (article.body !== undefined && !mayHoldRawHtml(article.body)) return [];
  // Loaded only for such a body: the Markdown processor takes a while to load, and most bodies have no raw HTML.
  const { renderMarkdownFile } = await import("./markdown");
  // The body as Astro reads it, rendered as the page will render it.
  const { rendered } = await renderMarkdownFile(filePath, siteBase);
  return findUnsafeRenderedProblems(rendered.html, file, article.bodyLine);
}

/** What the archive-wide stage reads. */
export interface ArchiveScope {
  /** The project folder; the URL manifest's path is relative to it. */
  root: string;
  /** The articles folder, absolute. */
  baseDir: string;
  /** Every file below `baseDir`, relative to it (listArticleFolder). */
  files: readonly string[];
  /** Path of a file below `baseDir` as problems name it. */
  toFile(path: string): string;
  /** Every published article that passed the per-file rules. */
  published: readonly ArchiveArticle[];
  /** The URL manifest to hold the archive to, relative to `root`; undefined to skip it. */
  urlManifest: string | undefined;
  /** Old addresses the site serves besides the articles' aliases: the pages of entities' other names. */
  redirects?: readonly string[];
  /** The entity registry the labels were filed by. */
  entities?: EntityRegistry;
  /** Whether every file passed the per-file rules: published addresses are judged only then. */
  filesSound: boolean;
}

/** Every problem that needs the whole archive rather than one file. */
export async function judgeArchive(scope: ArchiveScope): Promise<Problem[]> {
  const problems: Problem[] = findStrayFiles(scope.files).map((stray) => ({
    file: scope.toFile(join(scope.baseDir, stray.path)),
    line: 1,
    field: "file",
    message: stray.message,
  }));
  problems.push(...findArchiveProblems(scope.published, scope.entities));
  if (scope.urlManifest !== undefined) {
    const sound = scope.filesSound && problems.length === 0;
    problems.push(
      ...(await checkUrlManifest(
        scope.root,
        scope.urlManifest,
        sound ? scope.published : undefined,
        scope.redirects,
      )),
    );
  }
  return problems;
}

/** Every file below the articles folder, as paths relative to it. */
export async function listArticleFolder(baseDir: string): Promise<string[]> {
  const entries = await readdir(baseDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(baseDir, join(e.parentPath, e.name)));
}
