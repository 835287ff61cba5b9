import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";

/** Relative module specifiers in source text: `from "./x"`, `import "./x"`, `import("./x")`. */
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

/** The relative module specifiers ("./x", "../y/z") a source file's text imports. */
export function relativeImports(text: string): string[] {
  return [...text.matchAll(RELATIVE_IMPORT)].map((match) => match[1]!);
}

/** The endings a specifier may leave out, in the order a bundler tries them. */
const ENDINGS = ["", ".ts", ".mts", ".js", ".mjs", "/index.ts", "/index.js"];

/**
 * The source files that `entries` import, themselves included, following relative imports to the
 * end (packages are not followed): what a change to could change what the entries do. Paths are
 * relative to `root`, sorted; an entry that does not exist is left out.
 */
export async function importedSourceFiles(root: string, entries: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  const waiting = entries.map((entry) => resolve(root, entry)).filter((file) => existsSync(file));
  while (waiting.length > 0) {
    const file = waiting.pop()!;
    if (found.has(file)) continue;
    found.add(file);
    const text = await readFile(file, "utf8");
    for (const specifier of relativeImports(text)) {
      const base = join(dirname(file), specifier);
      const target = ENDINGS.map((ending) => base + ending).find((path) => isFile(path));
      if (target !== undefined) waiting.push(target);
    }
  }
  return [...found].map((file) => relative(root, file).split("\\").join("/")).sort();
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}
