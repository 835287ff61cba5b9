import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { listFiles, removeEmptyFolders } from "../build/output-files";
import { isYearPartFile, partName, type BuildPart } from "./build-part";

/**
 * In a build of a range of years (ARCHIVE_YEARS), removes what the all-years part publishes: the
 * single pages every build renders (home, search, 404, feeds, robots, `/archive/`) and the static
 * files of public/. What stays is the years' article and date archive pages, their search index and
 * the shared assets, so the parts' folders merge without overlap (`npm run merge`).
 */
export function buildPartIntegration(part: BuildPart): AstroIntegration {
  let assetsDir = "_astro";
  return {
    name: "archive:build-part",
    hooks: {
      "astro:config:done": ({ config }) => {
        assetsDir = config.build.assets;
      },
      "astro:build:done": async ({ dir, logger }) => {
        if (part.kind !== "years") return;
        const outDir = fileURLToPath(dir);
        const dropped = listFiles(outDir).filter((file) => !isYearPartFile(part, file, assetsDir));
        await Promise.all(dropped.map((file) => rm(join(outDir, file))));
        await removeEmptyFolders(outDir);
        logger.info(`Built the years ${partName(part)}; left ${dropped.length} files to the all-years part.`);
      },
    },
  };
}
