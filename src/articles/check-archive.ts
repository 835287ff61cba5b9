import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import pLimit from "p-limit";
import { isArticleFile } from "./article-files";
import { toArchiveArticle, type ArchiveArticle } from "./archive-rules";
import { splitArticleSource } from "./frontmatter";
import { findMarkdownProblems } from "./markdown-lints";
import { addProblems, sortProblems, type Problem } from "../lib/problems";
import { createSitePathIndex } from "../addresses/site-paths";
import { judgeArchive, judgeArticleFile, listArticleFolder, type FileRules } from "./pipeline";
import { createArticleSchema } from "./schema/article";
import type { SiteConfig } from "../site.config";
import { loadEntityRegistry } from "../entities/load";
import type { EntityRegistry } from "../entities/registry";
import type { LabelledArticle } from "../lib/labels";
import { validateArticleFile } from "./validate-file";
import type { ValidationResult } from "./validate-article";
import { entityRedirectPaths } from "../entities/label-redirects";

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

/** The outcome of a check: every problem and warning, sorted, and how many articles were read. */
export interface CheckReport {
  problems: Problem[];
  /** What an editor should see to but that does not stop a build (a photo in the body without a credit). */
  warnings: Problem[];
  /** Article files read. */
  articles: number;
  /** Whether a problem's file is one of the article files (not a stray file or the URL manifest). */
  isArticleFile(file: string): boolean;
}

/**
 * Checks every article through the build's own pipeline (pipeline.ts), plus the Markdown lints
 * the build lets through, without building.
 */
export async function checkArchive({ root, site, publicDir = "public" }: CheckOptions): Promise<CheckReport> {
  const baseDir = resolve(root, site.articlesDir);
  if (!existsSync(baseDir)) {
    throw new Error(
      `The articles folder ${baseDir} does not exist; check ARTICLES_DIR or create the folder.`,
    );
  }
  const toFile = (path: string): string => relative(root, path).split("\\").join("/");
  const paths = await listArticleFolder(baseDir);
  // The build's glob skips hidden folders (reported as stray files).
  const articleFiles = paths.filter(isArticleFile);
  const { registry: entities, problems: entityProblems } = loadEntityRegistry(
    resolve(root, site.entitiesDir),
    root,
  );
  const rules: FileRules = {
    schema: createArticleSchema({ defaultLanguage: site.defaultLanguage, timezone: site.timezone, entities }),
    siteBase: site.base,
    // Unlike a build in parts, the check renders every body with raw HTML, drafts' too.
    checksRenderedHtml: () => true,
  };
  const problems: Problem[] = [...entityProblems];
  const published: ArchiveArticle[] = [];
  // Every body that can be told from its frontmatter, for the Markdown lints: a file with a
  // problem elsewhere still has all of its problems reported in the same run.
  const bodies: { file: string; body: string; bodyLine: number }[] = [];
  // A bounded number of files at a time: all at once, a large archive runs out of file
  // handles (EMFILE) where their number is limited, as on macOS (256 by default).
  await pLimit(FILES_AT_ONCE).map(articleFiles, async (path) => {
    const filePath = join(baseDir, path);
    const file = toFile(filePath);
    const verdict = await judgeArticleFile(filePath, file, rules);
    if (verdict.status === "refused") {
      problems.push(...verdict.problems);
      // A file that is not text has no body to lint.
      if (verdict.problems.some((p) => p.field === "encoding")) return;
      const split = splitArticleSource(await readFile(filePath, "utf8"));
      if (split.ok) bodies.push({ file, body: split.source.body, bodyLine: split.source.bodyLine });
      return;
    }
    const { article } = verdict;
    bodies.push({ file, body: article.body, bodyLine: article.bodyLine });
    if (verdict.status === "published") published.push(toArchiveArticle(file, article));
  });
  const { urlManifest } = site;
  const filesSound = problems.length === 0;
  const redirects = entityRedirectPaths(published, site.pageSize, entities);
  const scope = {
    root,
    baseDir,
    files: paths,
    toFile,
    published,
    urlManifest,
    filesSound,
    redirects,
    entities,
  };
  addProblems(problems, await judgeArchive(scope));
  const staticFiles = await listStaticFiles(resolve(root, publicDir));
  const isSitePath = createSitePathIndex({
    articles: published,
    pageSize: site.pageSize,
    staticFiles,
    entities,
  });
  const siteUrl = new URL(site.base === "/" ? "" : site.base, site.url).href.replace(/\/+$/, "");
  const warnings: Problem[] = [];
  for (const { file, body, bodyLine } of bodies) {
    for (const found of findMarkdownProblems(body, { isSitePath, siteUrl })) {
      const problem = { file, line: bodyLine + found.line - 1, field: "body", message: found.message };
      (found.warning ? warnings : problems).push(problem);
    }
  }
  const shown = new Set(articleFiles.map((path) => toFile(join(baseDir, path))));
  return {
    problems: sortProblems(problems),
    warnings: sortProblems(warnings),
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

/**
 * The labels of every article that passes the per-file rules, drafts too, as the registry files
 * them: what `npm run entities` advises on.
 */
export async function readLabelledArticles(
  scope: Pick<CheckOptions, "root" | "site">,
  entities: EntityRegistry,
): Promise<LabelledArticle[]> {
  return (await readArticleFiles(scope, entities)).flatMap(({ result }) =>
    result.ok ? [result.article] : [],
  );
}

/**
 * Every article file, named relative to `root`, with what the per-file rules make of it (its
 * frontmatter, body and the existence of its images; not the archive-wide rules), a bounded
 * number of files at a time.
 */
export async function readArticleFiles(
  { root, site }: Pick<CheckOptions, "root" | "site">,
  entities: EntityRegistry,
): Promise<{ file: string; result: ValidationResult }[]> {
  const baseDir = resolve(root, site.articlesDir);
  if (!existsSync(baseDir)) {
    throw new Error(
      `The articles folder ${baseDir} does not exist; check ARTICLES_DIR or create the folder.`,
    );
  }
  const schema = createArticleSchema({
    defaultLanguage: site.defaultLanguage,
    timezone: site.timezone,
    entities,
  });
  const files = (await listArticleFolder(baseDir)).filter(isArticleFile);
  return pLimit(FILES_AT_ONCE).map(files, async (path) => {
    const filePath = join(baseDir, path);
    const file = relative(root, filePath).split("\\").join("/");
    return { file, result: await validateArticleFile(filePath, file, schema) };
  });
}
