import { readdirSync, statSync, type Stats } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { join, sep } from "node:path";

// Synchronous on purpose: Node's asynchronous recursive readdir and glob take about five times as
// long over a site's tens of thousands of files, and nothing else runs meanwhile that they would let through.

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
 * Removes `files`, some of the `all` files below `dir` (paths relative to it), and the folders they
 * leave empty: a folder of nothing but such files goes with one call, not one a file.
 */
export async function removeFiles(
  dir: string,
  all: readonly string[],
  files: readonly string[],
): Promise<void> {
  const removed = new Set(files);
  const held = new Set<string>();
  for (const file of all) {
    if (removed.has(file)) continue;
    for (let i = file.indexOf("/"); i !== -1; i = file.indexOf("/", i + 1)) held.add(file.slice(0, i));
  }
  const targets = new Set<string>();
  for (const file of files) {
    let target = file;
    for (let i = file.indexOf("/"); i !== -1; i = file.indexOf("/", i + 1)) {
      if (!held.has(file.slice(0, i))) {
        target = file.slice(0, i);
        break;
      }
    }
    targets.add(target);
  }
  await Promise.all([...targets].map((target) => rm(join(dir, target), { recursive: true, force: true })));
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
