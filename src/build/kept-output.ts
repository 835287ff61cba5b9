import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { listFiles, removeFiles, statFiles } from "./output-files";

/** The record, in the cache folder, of the output folder the last successful build left. */
export const KEPT_OUTPUT_RECORD = "kept-output.json";

interface OutputRecord {
  outDir: string;
  files: string;
}

/**
 * A digest of `files` below `dir` (every file there, as listFiles gives them): each one's path,
 * size and time of last change. Any file written, added or removed since changes it, so an output
 * folder matches the record only when it is exactly as the recorded build left it.
 */
export function fingerprintFolder(dir: string, files: readonly string[] = listFiles(dir)): string {
  const stats = statFiles(dir, files);
  const hash = createHash("sha256");
  files.forEach((file, i) => hash.update(`${file}\0${stats[i]!.size}\0${stats[i]!.mtimeMs}\n`));
  return hash.digest("base64url");
}

/**
 * The files of `outDir` when it is exactly what the last build recorded in `cacheDir` left
 * there; undefined when it is not.
 */
export async function keptFiles(cacheDir: string, outDir: string): Promise<string[] | undefined> {
  let record: OutputRecord;
  try {
    record = JSON.parse(await readFile(join(cacheDir, KEPT_OUTPUT_RECORD), "utf8")) as OutputRecord;
  } catch {
    return undefined;
  }
  if (record.outDir !== outDir) return undefined;
  const files = listFiles(outDir);
  return record.files === fingerprintFolder(outDir, files) ? files : undefined;
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
 * write: the pages of deleted articles, old assets. The folders in `managed` are left to the
 * integration that writes them (the search index keeps its unchanged parts in place).
 */
export function keptOutputIntegrations({ managed = [] as readonly string[] } = {}): {
  start: AstroIntegration;
  finish: AstroIntegration;
} {
  let cacheDir = "";
  let outDir = "";
  let kept: string[] | undefined;
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
          kept = await keptFiles(cacheDir, outDir);
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
          // What the folder held when the build started: any file added since, this build wrote.
          const unmanaged = kept.filter((file) => !managed.some((folder) => file.startsWith(`${folder}/`)));
          const leftovers = leftoverFiles(root, unmanaged, written, started);
          await removeFiles(root, leftovers);
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
