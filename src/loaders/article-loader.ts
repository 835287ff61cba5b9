import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { glob, type Loader } from "astro/loaders";
import { ArticleProblemsError, type Problem } from "../lib/problems";
import { validateArticleSource } from "../lib/validate-article";
import { createArticleSchema, type ArticleSchemaOptions } from "../schemas/article";

/** Where the articles are and how their dates and languages default. */
export interface ArticleLoaderOptions extends Omit<ArticleSchemaOptions, "imageSrc"> {
  /** Folder of article files, relative to the project root. */
  base: string;
}

/**
 * The glob loader over the article folder, with every file first checked by the
 * shared article rules. All problems of a build are reported together, and a file
 * with problems never reaches the content cache, so it cannot pass silently later.
 */
export function articleLoader(options: ArticleLoaderOptions): Loader {
  const inner = glob({
    base: options.base,
    pattern: "**/*.md",
    // The file's path identifies the entry; the URL comes from its date and slug.
    generateId: ({ entry }) => entry.replace(/\.md$/i, ""),
  });
  const schema = createArticleSchema(options);
  return {
    name: "article-loader",
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const problems: Problem[] = [];
      const rejected: string[] = [];
      let initialLoadDone = false;
      await inner.load({
        ...context,
        parseData: async (props) => {
          const filePath = props.filePath ?? "";
          const file = relative(root, filePath).split("\\").join("/");
          const result = validateArticleSource(await readFile(filePath, "utf8"), file, schema, {
            imageExists: (src) => existsSync(resolve(dirname(filePath), src)),
          });
          if (!result.ok) {
            // After the first load (the dev server's file watcher), the glob loader logs a thrown
            // error and keeps the entry's last good version.
            if (initialLoadDone) throw new ArticleProblemsError(result.problems);
            problems.push(...result.problems);
            rejected.push(props.id);
            return props.data;
          }
          // The data as written (dates as strings), with the slug the file name gives when none is set.
          const written: Record<string, unknown> = {
            ...result.article.rawData,
            slug: result.article.data.slug,
          };
          const data = written as typeof props.data;
          return context.parseData({ ...props, data });
        },
      });
      initialLoadDone = true;
      if (problems.length > 0) {
        for (const id of rejected) context.store.delete(id);
        throw new ArticleProblemsError(problems);
      }
    },
  };
}
