import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** Thrown when the file to write is already there: editors' work is never overwritten. */
export class FileExistsError extends Error {}

/**
 * Writes a new article file, creating its folder; refuses, without touching it, a file
 * that already exists (checked and created in one step, so two runs cannot race).
 */
export async function writeNewFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new FileExistsError(`${path} already exists; it was left as it is`, { cause: error });
    }
    throw error;
  }
}

/** `content/articles/YYYY/MM/<slug>.md` for an article published on `day` ("2016-06-14"). */
export function articleFilePath(articlesDir: string, day: string, slug: string): string {
  return `${articlesDir.replace(/\/+$/, "")}/${day.slice(0, 4)}/${day.slice(5, 7)}/${slug}.md`;
}
