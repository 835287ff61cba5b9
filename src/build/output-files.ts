import { readdirSync, statSync, type Stats } from "node:fs";
import { readdir, rm, rmdir } from "node:fs/promises";
import pLimit from "p-limit";
import { join, sep } from "node:path";

// Synchronous on purpose: Node's asynchronous recursive readdir and glob take several times as long
// over a site's tens of thousands of files, and nothing else runs meanwhile that they would let through.

/** Every file below `dir`, as a sorted path relative to it with "/" between folders; none when `dir` does not exist. */
export function listFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const prefix = dir.endsWith(sep) ? dir.length : dir.length + 1;
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(prefix).split(sep).join("/"))
    .sort();
}

/** The stats of `files`, relative to `dir`. */
export function statFiles(dir: string, files: readonly string[]): Stats[] {
  return files.map((file) => statSync(join(dir, file)));
}

/**
 * Removes `files` (paths relative to `dir`) and then the folders they leave empty. A folder that
 * still holds anything stays, whatever wrote it, so a file written since `files` were listed is
 * never lost.
 */
export async function removeFiles(dir: string, files: readonly string[]): Promise<void> {
  const limit = pLimit(32);
  await Promise.all(files.map((file) => limit(() => rm(join(dir, file), { force: true }))));
  const folders = new Set<string>();
  for (const file of files) {
    for (let i = file.lastIndexOf("/"); i > 0; i = file.lastIndexOf("/", i - 1))
      folders.add(file.slice(0, i));
  }
  // Deepest first, so that a folder whose only content was emptied folders goes too.
  const deepestFirst = [...folders].sort((a, b) => b.split("/").length - a.split("/").length);
  for (const folder of deepestFirst) {
    await rmdir(join(dir, folder)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST" && error.code !== "ENOENT") throw error;
    });
  }
}

/** Removes the folders below `dir` that hold no file; true when `dir` itself holds none. */
export async function removeEmptyFolders(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true });
  const kept = await Promise.all(
    entries.map(async (entry) => {
      if (!entry.isDirectory()) return true;
      const folder = join(dir, entry.name);
      if (!(await removeEmptyFolders(folder))) return true;
      await rm(folder, { recursive: true });
      return false;
    }),
  );
  return !kept.includes(true);
}
