import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { validateArticleSource, type ValidationResult } from "../lib/validate-article";

/** Reads one article file and checks it with the shared rules, its images looked for beside it. */
export async function validateArticleFile(
  filePath: string,
  file: string,
  schema: Parameters<typeof validateArticleSource>[2],
): Promise<ValidationResult> {
  return validateArticleSource(await readFile(filePath, "utf8"), file, schema, {
    imageExists: (src) => existsSync(resolve(dirname(filePath), src)),
  });
}
