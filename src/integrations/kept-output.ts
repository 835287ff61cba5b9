import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { listFiles, removeFiles, statFiles } from "../lib/output-files";

/** The record, in the cache folder, of the output folder the last successful build left. */
export const KEPT_OUTPUT_RECORD = "kept-output.json";

interface OutputRecord {
  outDir: string;
  files: string;
}

/**
 * A digest of every file below `dir`: its path, size and time of last change. Any file written,
 * added or removed since changes it, so an output folder matches the record only when it is exactly
 * as the recorded build left it.
 */
export function fingerprintFolder(dir: string): string {
  const files = listFiles(dir);
  const stats = statFiles(dir, files);
  const hash = createHash("sha256");
  files.forEach((file, i) => hash.update(`${file}\0${stats[i]!.size}\0${stats[i]!.mtimeMs}\n`));
  return hash.digest("base64url");
}

/** Whether `outDir` is exactly what the last build recorded in `cacheDir` left there. */
export async function outputMatchesRecord(cacheDir: string, outDir: string): Promise<boolean> {
  let record: OutputRecord;
  try {
    record = JSON.parse(await readFile(join(cacheDir, KEPT_OUTPUT_RECORD), "utf8")) as OutputRecord;
  } catch {
    return false;
  }
  return record.outDir === outDir && record.files === fingerprintFolder(outDir);
}

/**
 * Of the `files` in `outDir`, those an earlier build left that this one did not write: neither a
 * page or endpoint of this build (`written`, those Astro left in place included) nor changed since
 * it `started`.
 */
export function leftoverFiles(
  outDir: string,
  files: readonly string[],
  written: ReadonlySet<string>,
  started: number,
): string[] {
  const unwritten = files.filter((file) => !written.has(file));
  const stats = statFiles(outDir, unwritten);
  return unwritten.filter((_, i) => stats[i]!.mtimeMs < started);
}

/**
 * Keeps the output folder between builds, so that a rebuild leaves each unchanged page where it is
 * instead of emptying the folder and copying every page back from Astro's cache. The folder is kept
 * only when it is exactly as the last successful build with the same cache folder left it (the
 * record `finish` writes, which `start` removes before anything is built); otherwise Astro empties
 * it as usual. A kept folder loses, before any other step reads it, every file this build did not
 * write: the pages of deleted articles, old assets, an old search index.
 */
export function keptOutputIntegrations(): { start: AstroIntegration; finish: AstroIntegration } {
  let cacheDir = "";
  let outDir = "";
  let kept = false;
  let started = 0;
  return {
    start: {
      name: "archive:kept-output",
      hooks: {
        "astro:config:setup": async ({ command, config, updateConfig, logger }) => {
          if (command !== "build") return;
          started = Date.now();
          cacheDir = fileURLToPath(config.cacheDir);
          outDir = fileURLToPath(config.outDir);
          kept = await outputMatchesRecord(cacheDir, outDir);
          // A build that stops half-way leaves no record, so its output is never kept.
          await rm(join(cacheDir, KEPT_OUTPUT_RECORD), { force: true });
          if (!kept) return;
          updateConfig({ vite: { build: { emptyOutDir: false } } });
          logger.info(`${outDir} is as the last build left it: unchanged pages stay in place.`);
        },
        "astro:build:done": async ({ dir, assets, logger }) => {
          if (!kept) return;
          const root = fileURLToPath(dir);
          const written = new Set(
            [...assets.values()]
              .flat()
              .map((url) => relative(root, fileURLToPath(url)).split("\\").join("/")),
          );
          const files = listFiles(root);
          const leftovers = leftoverFiles(root, files, written, started);
          await removeFiles(root, files, leftovers);
          if (leftovers.length > 0) {
            logger.info(
              `Removed ${leftovers.length} files an earlier build left that this one does not write.`,
            );
          }
        },
      },
    },
    finish: {
      name: "archive:kept-output-record",
      hooks: {
        "astro:build:done": async ({ dir }) => {
          if (!cacheDir) return;
          const record: OutputRecord = { outDir, files: fingerprintFolder(fileURLToPath(dir)) };
          const file = join(cacheDir, KEPT_OUTPUT_RECORD);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, JSON.stringify(record));
        },
      },
    },
  };
}
