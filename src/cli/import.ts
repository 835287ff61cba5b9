import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { slugFromHeadline } from "../lib/scaffold";
import { formatWireArticle, parseWireExport } from "../lib/wire-import";
import { site } from "../site.config";
import { readArgs } from "./args";
import { articleFilePath, writeNewFile } from "./write-article";

// `npm run import -- FILE… [--publish]`: wire text exports to article files, one at a time,
// so that a file that cannot be converted stops only itself.
const USAGE = "npm run import -- export.txt [more.txt …] [--publish]";
const { positionals: files, values } = readArgs(
  { allowPositionals: true, options: { publish: { type: "boolean", default: false } } },
  USAGE,
);
if (files.length === 0) {
  process.stderr.write(`Usage: ${USAGE}\n`);
  process.exit(2);
}
if (!existsSync(resolve(site.articlesDir))) {
  process.stderr.write(
    `The articles folder ${resolve(site.articlesDir)} does not exist; check ARTICLES_DIR or create the folder.\n`,
  );
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  const problems = await importFile(file);
  failed += problems.length > 0 ? 1 : 0;
  for (const problem of problems) process.stderr.write(`${problem}\n`);
}
const done = files.length - failed;
process.stdout.write(
  `Imported ${done} of ${files.length} export${files.length === 1 ? "" : "s"}${failed > 0 ? `; ${failed} not converted (nothing written for them)` : ""}.\n`,
);
process.exitCode = failed > 0 ? 1 : 0;

/** Converts one export and writes its article; returns the problems (`file:line: import: …`) when it cannot. */
async function importFile(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return [`${file}:1: import: cannot read the file (${(error as Error).message})`];
  }
  const parsed = parseWireExport(text);
  if (!parsed.ok) return parsed.problems.map((p) => `${file}:${p.line}: import: ${p.message}`);
  const slug = slugFromHeadline(parsed.article.title);
  if (slug === "") {
    return [
      `${file}:1: import: the headline gives no URL slug; convert it by hand with npm run new -- --slug`,
    ];
  }
  const path = articleFilePath(site.articlesDir, parsed.article.published, slug);
  try {
    await writeNewFile(resolve(path), formatWireArticle(parsed.article, { publish: values.publish }));
  } catch (error) {
    return [`${file}:1: import: ${(error as Error).message}`];
  }
  process.stdout.write(`${file} → ${path}\n`);
  for (const note of parsed.notes)
    process.stderr.write(`${file}:${note.line}: import: note: ${note.message}\n`);
  return [];
}
