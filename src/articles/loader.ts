import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { glob, type Loader, type LoaderContext } from "astro/loaders";
import type { WrittenDate } from "../lib/dates";
import { BODY_FACTS_KEY, bodyFacts, type BodyFacts } from "./markdown";
import { findArchiveProblems, toArchiveArticle } from "./archive-rules";
import { importedSourceFiles } from "../build/source-files";
import { ArticleProblemsError, dedupeProblems, addProblems, type Problem } from "../lib/problems";
import { findLabelClash, findUrlClash, recheckMovedImages, storedArticles } from "./archive-checks";
import { shareLoadedCollection } from "../build/content-store";
import {
  findRenderedProblems,
  judgeArchive,
  judgeArticleFile,
  listArticleFolder,
  type FileRules,
} from "./pipeline";
import { createArticleSchema, type ArticleSchemaOptions } from "./schema/article";
import { entityRedirectPaths } from "../entities/label-redirects";

/** Where the articles are and how their dates and languages default. */
export interface ArticleLoaderOptions extends Omit<ArticleSchemaOptions, "imageSrc"> {
  /** Folder of article files, relative to the project root. */
  base: string;
  /** The URL manifest, relative to the project root: a build fails when an address in it would stop working. */
  urlManifest?: string;
  /** The entity registry's problems (src/entities/load.ts), reported with the articles'. */
  entityProblems?: readonly Problem[];
  /** Articles per list page: which pages of entities' other names redirect follows from it. */
  pageSize: number;
}

/** How the bodies of the articles are rendered and which of them this build publishes. */
export interface ArticleBodyOptions {
  /** The site's base path, which the Markdown settings put in front of links from the root. */
  siteBase: string;
  /** Whether this build writes the pages of a year (ARCHIVE_YEARS): only their bodies are rendered here. */
  rendersYear: (year: number) => boolean;
}

/**
 * The glob loader over the article folder, with every file first judged by the archive's one
 * pipeline (pipeline.ts, which `npm run check` runs too). All problems of a build are reported
 * together; a file with problems, and a draft, never reach the content store, so neither can be
 * published (a draft's images included) nor pass silently from the cache later.
 *
 * The store keeps each article's data and the facts of its body (BodyFacts: summaries, a
 * digest, its first line and images), not the body nor its HTML: a page renders its body when
 * it is built (src/articles/article-body.ts). The rendered HTML of a body with raw HTML is checked
 * here all the same, for the articles whose pages this build writes, so that a problem fails
 * the build before any page is written; the others are checked where a page renders them.
 */
export function articleLoader(options: ArticleLoaderOptions, bodies: ArticleBodyOptions): Loader {
  const inner = glob({
    base: options.base,
    pattern: "**/*.md",
    // The file's path identifies the entry; the URL comes from its date and slug.
    generateId: ({ entry }) => entry.replace(/\.md$/, ""),
  });
  const schema = createArticleSchema(options);
  const fieldOrder = Object.keys(schema.shape);
  return {
    name: "article-loader",
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const baseDir = resolve(root, options.base);
      const toFile = (path: string): string => relative(root, path).split("\\").join("/");
      if (!existsSync(baseDir)) {
        // An empty archive would otherwise be published, with every page missing.
        throw new Error(
          `The articles folder ${baseDir} does not exist; check ARTICLES_DIR or create the folder.`,
        );
      }
      const problems: Problem[] = [...(options.entityProblems ?? [])];
      const withheld = new Set<string>();
      const bodyLines = new Map<string, number>();
      /** Articles whose rendered HTML passed the check in this load. */
      const checked = new Set<string>();
      let initialLoadDone = false;
      const report = (found: Problem[]): void => {
        if (found.length === 0) return;
        // After the first load (the dev server's file watcher), the glob loader logs a thrown
        // error and keeps the entry's last good version.
        if (initialLoadDone) throw new ArticleProblemsError(found);
        problems.push(...found);
      };
      const rules: FileRules = {
        schema,
        siteBase: bodies.siteBase,
        // Only the bodies whose pages this build writes: a page that renders another checks it then.
        checksRenderedHtml: (article, published) =>
          published && bodies.rendersYear(article.data.published.year),
      };
      // Cached entries skip validation; when the rules or the site settings change, recheck them all.
      const fingerprint = await rulesFingerprint(root, options);
      if (context.meta.get(FINGERPRINT_KEY) !== fingerprint) context.store.clear();
      try {
        await inner.load({
          ...context,
          ...withoutRendering(context),
          store: guardedStore(context.store, (entry) => {
            if (withheld.has(entry.id)) return undefined;
            // A build checks shared URLs and label spellings once all articles are in; the dev
            // server's later edits are checked one by one, so a copy cannot silently take another
            // article's address, nor a new spelling break every page that lists labels.
            if (initialLoadDone) {
              report(findUrlClash(context.store, entry, root));
              report(findLabelClash(context.store, entry, root));
            }
            const data = entry.data as { dek?: string };
            const facts = bodyFacts(
              entry.body ?? "",
              data.dek,
              bodyLines.get(entry.id) ?? 1,
              checked.has(entry.id),
            );
            // Neither the body nor HTML (the glob loader renders none) is stored.
            const kept = { ...entry };
            delete kept.body;
            delete kept.rendered;
            return {
              ...kept,
              data: { ...entry.data, [BODY_FACTS_KEY]: facts },
              // What Astro's renderer would have listed: the body images it resolves when the page is built.
              assetImports: facts.images,
            };
          }),
          parseData: async (props) => {
            const filePath = props.filePath ?? "";
            const verdict = await judgeArticleFile(filePath, toFile(filePath), rules);
            if (verdict.status !== "published") {
              withheld.add(props.id);
              if (verdict.status === "refused") report(verdict.problems);
              return props.data;
            }
            const { article } = verdict;
            bodyLines.set(props.id, article.bodyLine);
            if (verdict.renderedChecked) checked.add(props.id);
            else checked.delete(props.id);
            withheld.delete(props.id);
            // Without an image file, the collection's schema would give what the article rules
            // just did: the data is stored as validated, in the schema's field order, instead of
            // being parsed a second time (with a schema built for the entry).
            if (article.data.images.every((image) => image.src === undefined)) {
              return inSchemaOrder(article.data, fieldOrder) as typeof props.data;
            }
            // The data as written (dates as strings), with the slug the file name gives when none is set.
            const written: Record<string, unknown> = {
              ...article.rawData,
              slug: article.data.slug,
            };
            return context.parseData({ ...props, data: written as typeof props.data });
          },
        });
      } catch (error) {
        // Astro reads the frontmatter itself (js-yaml) before parseData; its YAML errors name
        // no line of the file and stop at the first file. Check every file with the archive's
        // own rules instead, so the editor gets every problem in the usual form.
        if (error instanceof ArticleProblemsError) throw error;
        const found = await validateAll(baseDir, toFile, { ...rules, checksRenderedHtml: () => false });
        if (found.length === 0) throw error;
        throw new ArticleProblemsError(dedupeProblems([...problems, ...found]), { cause: error });
      }
      // Articles kept from the cache of a build that did not write their pages (another part's years).
      for (const entry of context.store.values()) {
        const facts = entry.data[BODY_FACTS_KEY] as BodyFacts | undefined;
        if (facts?.checked !== false || !entry.filePath) continue;
        if (!bodies.rendersYear((entry.data as { published: WrittenDate }).published.year)) continue;
        const unsafe = await findRenderedProblems(
          join(root, entry.filePath),
          entry.filePath,
          { bodyLine: facts.line },
          bodies.siteBase,
        );
        if (unsafe.length === 0) continue;
        problems.push(...unsafe);
        // Parsed and checked again when the next build finds it missing.
        context.store.delete(entry.id);
      }
      initialLoadDone = true;
      // The dev server shows work in progress: only a build is held to every published address.
      const urlManifest = context.watcher === undefined ? options.urlManifest : undefined;
      const filesSound = problems.length === 0;
      const published = storedArticles(context.store, root);
      const redirects = options.entities
        ? entityRedirectPaths(published, options.pageSize, options.entities)
        : [];
      addProblems(
        problems,
        await judgeArchive({
          root,
          baseDir,
          files: await listArticleFolder(baseDir),
          toFile,
          published,
          urlManifest,
          filesSound,
          redirects,
          ...(options.entities && { entities: options.entities }),
        }),
      );
      addProblems(problems, await recheckMovedImages(context.store, root, toFile, schema));
      if (problems.length > 0) throw new ArticleProblemsError(problems);
      context.meta.set(FINGERPRINT_KEY, fingerprint);
      // A build's pages read these entries rather than a copy from the store's file.
      if (context.watcher === undefined) shareLoadedCollection(context.collection, context.store);
    },
  };
}

/** The fields of `data` in the order the schema's output has them. */
function inSchemaOrder(data: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of order) if (key in data) ordered[key] = data[key];
  return ordered;
}

const FINGERPRINT_KEY = "article-rules";
/**
 * Where the code whose change can change the verdict on an unchanged article file starts: this
 * loader and the site's settings, with every file they import (so a rule that moves to another
 * folder is still covered).
 */
const RULE_ENTRIES = ["src/articles/loader.ts", "src/site.config.ts"];

/** A hash of the article rules' source code (below `root`) and the options they run with. */
export async function rulesFingerprint(root: string, options: ArticleLoaderOptions): Promise<string> {
  const hash = createHash("sha256").update(JSON.stringify(options));
  for (const file of await importedSourceFiles(root, RULE_ENTRIES)) {
    hash.update(file).update(await readFile(join(root, file)));
  }
  return hash.digest("hex");
}

/**
 * Every article file below `baseDir` judged by the pipeline's rules for one file, and the
 * published ones by the archive-wide rules, for a full report when Astro's own reading failed.
 */
async function validateAll(
  baseDir: string,
  toFile: (path: string) => string,
  rules: FileRules,
): Promise<Problem[]> {
  const entries = await readdir(baseDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => join(e.parentPath, e.name));
  const verdicts = await Promise.all(
    files.map(async (path) => ({
      file: toFile(path),
      verdict: await judgeArticleFile(path, toFile(path), rules),
    })),
  );
  return [
    ...verdicts.flatMap(({ verdict }) => (verdict.status === "refused" ? verdict.problems : [])),
    ...findArchiveProblems(
      verdicts.flatMap(({ file, verdict }) =>
        verdict.status === "published" ? [toArchiveArticle(file, verdict.article)] : [],
      ),
    ),
  ];
}

/**
 * The store, except that each entry is written as `prepare` makes it; one it refuses (undefined) is
 * never written, and any old copy is removed.
 */
function guardedStore(
  store: LoaderContext["store"],
  prepare: (entry: StoreEntry) => StoreEntry | undefined,
): LoaderContext["store"] {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === "set") {
        return (entry: StoreEntry) => {
          const prepared = prepare(entry);
          if (prepared) return target.set(prepared);
          target.delete(entry.id);
          return false;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

type StoreEntry = Parameters<LoaderContext["store"]["set"]>[0];

/**
 * The loader context with Markdown's render function left out of its entry types, so the glob
 * loader stores no HTML and renders nothing. Astro passes the entry types to its own loaders in a
 * field the public type leaves out; a context without them is refused rather than let the glob
 * loader render every body.
 */
function withoutRendering(context: LoaderContext): { entryTypes: Map<string, object> } {
  const { entryTypes } = context as LoaderContext & { entryTypes?: unknown };
  if (!(entryTypes instanceof Map)) {
    throw new Error(
      "The article loader found no entry types in Astro's loader context (changed in this Astro version?); it cannot keep the glob loader from rendering every body.",
    );
  }
  return {
    entryTypes: new Map(
      [...(entryTypes as Map<string, Record<string, unknown>>)].map(([extension, type]) => [
        extension,
        { ...type, getRenderFunction: undefined },
      ]),
    ),
  };
}
