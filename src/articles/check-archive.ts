import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import pLimit from "p-limit";
import { findStrayFiles, isArticleFile } from "./article-files";
import { findArchiveProblems, toArchiveArticle } from "./archive-rules";
import { splitArticleSource } from "./frontmatter";
import { isPublic } from "../lib/articles";
import { findMarkdownProblems } from "./markdown-lints";
import { addProblems, sortProblems, type Problem } from "../lib/problems";
import { createSitePathIndex } from "../addresses/site-paths";
import type { ValidArticle } from "./validate-article";
import { checkUrlManifest } from "../addresses/url-manifest-check";
import { findUnreadableImages, findUnsafeRenderedProblems, validateArticleFile } from "./validate-file";
import { createArticleSchema } from "./schema/article";
import type { SiteConfig } from "../site.config";

/** Article files read at the same time. */
const FILES_AT_ONCE = 32;

/** What the check looks at: the project folder and the site configuration in force. */
export interface CheckOptions {
  /** The project folder; paths in problems are relative to it. */
  root: string;
  site: SiteConfig;
  /** Folder of files served as they are, relative to `root`. */
  publicDir?: string;
}

/** The outcome of a check: every problem, sorted, and how many articles were read. */
export interface CheckReport {
  problems: Problem[];
  /** Article files read. */
  articles: number;
  /** Whether a problem's file is one of the article files (not a stray file or the URL manifest). */
  isArticleFile(file: string): boolean;
}

/**
 * Checks every article with the rules the build applies (the same functions) plus the
 * Markdown lints the build lets through, and the URL manifest, without building.
 */
export async function checkArchive({ root, site, publicDir = "public" }: CheckOptions): Promise<CheckReport> {
  const baseDir = resolve(root, site.articlesDir);
  if (!existsSync(baseDir)) {
    throw new Error(
      `The articles folder ${baseDir} does not exist; check ARTICLES_DIR or create the folder.`,
    );
  }
  const toFile = (path: string): string => relative(root, path).split("\\").join("/");
  const entries = (await readdir(baseDir, { recursive: true, withFileTypes: true })).filter((e) =>
    e.isFile(),
  );
  const paths = entries.map((e) => relative(baseDir, join(e.parentPath, e.name)));
  const problems: Problem[] = findStrayFiles(paths).map((stray) => ({
    file: toFile(join(baseDir, stray.path)),
    line: 1,
    field: "file",
    message: stray.message,
  }));
  // The build's glob skips hidden folders (reported above as stray files).
  const articleFiles = paths.filter(isArticleFile);
  const schema = createArticleSchema({ defaultLanguage: site.defaultLanguage, timezone: site.timezone });
  const valid: { file: string; article: ValidArticle }[] = [];
  // Every body that can be told from its frontmatter, for the Markdown lints: a file with a
  // problem elsewhere still has all of its problems reported in the same run.
  const bodies: { file: string; body: string; bodyLine: number }[] = [];
  // A bounded number of files at a time: all at once, a large archive runs out of file
  // handles (EMFILE) where their number is limited, as on macOS (256 by default).
  await pLimit(FILES_AT_ONCE).map(articleFiles, async (path) => {
    const filePath = join(baseDir, path);
    const file = toFile(filePath);
    const result = await validateArticleFile(filePath, file, schema);
    if (!result.ok) {
      problems.push(...result.problems);
      const split = splitArticleSource(await readFile(filePath, "utf8"));
      if (split.ok) bodies.push({ file, body: split.source.body, bodyLine: split.source.bodyLine });
      return;
    }
    bodies.push({ file, body: result.article.body, bodyLine: result.article.bodyLine });
    const found = await findUnreadableImages(result.article, filePath, file);
    // The build checks the rendered HTML of bodies with raw HTML, rendered as their pages render them.
    // Loaded only for such a body: the Markdown processor takes a while to load, and most bodies have no raw HTML.
    if (result.article.body.includes("<")) {
      const { renderMarkdownFile } = await import("./markdown");
      const { rendered } = await renderMarkdownFile(filePath, site.base);
      found.push(...findUnsafeRenderedProblems(rendered.html, file, result.article.bodyLine));
    }
    if (found.length > 0) problems.push(...found);
    else valid.push({ file, article: result.article });
  });
  const published = valid
    .filter(({ file, article }) => isPublic({ file, data: article.data }))
    .map(({ file, article }) => toArchiveArticle(file, article));
  addProblems(problems, findArchiveProblems(published));
  // As in the build: the published addresses are judged only once every article file is sound.
  const sound = problems.length === 0;
  const staticFiles = await listStaticFiles(resolve(root, publicDir));
  const isSitePath = createSitePathIndex({ articles: published, pageSize: site.pageSize, staticFiles });
  const siteUrl = new URL(site.base === "/" ? "" : site.base, site.url).href.replace(/\/+$/, "");
  for (const { file, body, bodyLine } of bodies) {
    for (const found of findMarkdownProblems(body, { isSitePath, siteUrl })) {
      problems.push({ file, line: bodyLine + found.line - 1, field: "body", message: found.message });
    }
  }
  addProblems(problems, await checkUrlManifest(root, site.urlManifest, sound ? published : undefined));
  const shown = new Set(articleFiles.map((path) => toFile(join(baseDir, path))));
  return {
    problems: sortProblems(problems),
    articles: articleFiles.length,
    isArticleFile: (file) => shown.has(file),
  };
}

/** Root-relative paths of the files the site serves as they are. */
async function listStaticFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => `/${relative(dir, join(e.parentPath, e.name)).split("\\").join("/")}`);
}
