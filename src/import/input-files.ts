import { opendir, stat } from "node:fs/promises";
import { join } from "node:path";

/**
 * The files of the paths given, folders read through in name order; hidden files and folders left
 * out. A folder that cannot be read is given as itself, so that reading it fails with the reason.
 */
export async function* inputFiles(paths: readonly string[]): AsyncGenerator<string> {
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    const entries: string[] = [];
    try {
      if (info?.isDirectory()) {
        for await (const entry of await opendir(path)) {
          if (!entry.name.startsWith(".")) entries.push(join(path, entry.name));
        }
      }
    } catch {
      yield path;
      continue;
    }
    if (info?.isDirectory()) yield* inputFiles(entries.sort());
    else yield path;
  }
}
