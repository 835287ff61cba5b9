import type { Stats } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import { join, relative } from "node:path";

/** Every file below `dir`, as a sorted path relative to it with "/" between folders; none when `dir` does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

/** The stats of `files` (relative to `dir`), a few hundred at a time so that a large site does not open them all at once. */
export async function statFiles(dir: string, files: readonly string[]): Promise<Stats[]> {
  const stats: Stats[] = [];
  for (let i = 0; i < files.length; i += 512) {
    stats.push(...(await Promise.all(files.slice(i, i + 512).map((file) => stat(join(dir, file))))));
  }
  return stats;
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
