import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { formatProblem, sortProblems } from "../lib/problems";
import { redirectFilePath } from "./redirects";
import { findBrokenUrls } from "./url-manifest";
import { isArticlePath } from "../lib/urls";
import { readUrlManifest, writeUrlManifest } from "./url-manifest-check";

/** The old addresses the build wrote redirects for, read back from its `_redirects` file, without the base. */
export async function readAliases(outDir: string, base: string): Promise<string[]> {
  const path = join(outDir, "_redirects");
  if (!existsSync(path)) return [];
  const prefix = base.replace(/\/+$/, "");
  return (await readFile(path, "utf8"))
    .split("\n")
    .filter((line) => line.startsWith("/"))
    .map((line) => (line.split(/\s+/)[0] ?? "").slice(prefix.length));
}

/**
 * Keeps the URL manifest (`manifestPath`, relative to the project): once the site is
 * built, every address in it must be served by a file of the output, or the build fails
 * and the manifest is left as it was; otherwise the new article and alias addresses are
 * added. Runs after every other build step, so a failed build records nothing.
 */
export function urlManifestIntegration(manifestPath: string): AstroIntegration {
  let root = process.cwd();
  let base = "/";
  return {
    name: "archive:url-manifest",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base;
      },
      "astro:build:done": async ({ dir, pages, logger }) => {
        const outDir = fileURLToPath(dir);
        const articles = pages
          .filter((page) => isArticlePath(page.pathname))
          .map((page) => `/${page.pathname.replace(/^\/+|\/+$/g, "")}/`);
        const published = [...articles, ...(await readAliases(outDir, base))];
        const { manifest, file } = await readUrlManifest(root, manifestPath);
        const served = (url: string): boolean => existsSync(join(outDir, redirectFilePath(url)));
        const problems = [...manifest.problems, ...findBrokenUrls(manifest, served, file)];
        if (problems.length > 0) {
          throw new Error(
            `The built site does not serve every address in ${file}; nothing was recorded:\n${sortProblems(problems).map(formatProblem).join("\n")}`,
          );
        }
        const added = await writeUrlManifest(root, manifestPath, published);
        logger.info(`${file}: ${added} new address${added === 1 ? "" : "es"} recorded.`);
      },
    },
  };
}
