import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { formatProblem } from "../lib/problems";
import { slugFromHeadline } from "../articles/scaffold";
import { articlePath } from "../lib/urls";
import { validateArticleSource } from "../articles/validate-article";
import { formatWireArticle, parseWireExport, type WireProblem } from "../articles/wire-import";
import { createArticleSchema } from "../articles/schema/article";
import { site } from "../site.config";
import { readArgs } from "./args";
import { readAddressOwners } from "../articles/claimed-addresses";
import { articleFilePath, writeNewFile } from "../articles/write-article";

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
const schema = createArticleSchema({ defaultLanguage: site.defaultLanguage, timezone: site.timezone });
const converted = await Promise.all(files.map(convertFile));
// One pass over the archive for every address this run would take.
const ownerOf = await readAddressOwners(
  process.cwd(),
  site,
  converted.flatMap((c) => ("slug" in c ? [c.slug] : [])),
);
const taken = new Map<string, string>();
let failed = 0;
for (const conversion of converted) {
  const problems = "slug" in conversion ? await writeConverted(conversion) : conversion.problems;
  failed += problems.length > 0 ? 1 : 0;
  for (const problem of problems) process.stderr.write(`${problem}\n`);
}
const done = files.length - failed;
process.stdout.write(
  `Imported ${done} of ${files.length} export${files.length === 1 ? "" : "s"}${failed > 0 ? `; ${failed} not converted (nothing written for them)` : ""}.\n`,
);
process.exitCode = failed > 0 ? 1 : 0;

/** An export turned into an article file's text, not yet written. */
interface Conversion {
  file: string;
  slug: string;
  /** Where the article file goes, relative to the project. */
  path: string;
  /** The article page's address. */
  url: string;
  text: string;
  notes: WireProblem[];
}

/** Converts one export; returns the problems (`file:line: import: …`) when it cannot. */
async function convertFile(file: string): Promise<Conversion | { problems: string[] }> {
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (error) {
    return { problems: [`${file}:1: import: cannot read the file (${(error as Error).message})`] };
  }
  const parsed = parseWireExport(source);
  if (!parsed.ok) return { problems: parsed.problems.map((p) => `${file}:${p.line}: import: ${p.message}`) };
  const slug = slugFromHeadline(parsed.article.title);
  if (slug === "") {
    return {
      problems: [
        `${file}:1: import: the headline gives no URL slug; convert it by hand with npm run new -- --slug`,
      ],
    };
  }
  const path = articleFilePath(site.articlesDir, parsed.article.published, slug);
  const text = formatWireArticle(parsed.article, { publish: values.publish });
  // The same rules as npm run check: a file that would not pass them is not written.
  const checked = validateArticleSource(text, path, schema);
  if (!checked.ok) {
    return {
      problems: checked.problems.map(
        (p) => `${file}:1: import: the article would not pass npm run check (${formatProblem(p)})`,
      ),
    };
  }
  return { file, slug, path, url: articlePath(checked.article.data), text, notes: parsed.notes };
}

/** Writes a converted article unless its address is taken; returns the problems when it is not written. */
async function writeConverted({ file, path, url, text, notes }: Conversion): Promise<string[]> {
  const owner = ownerOf(url) ?? taken.get(url);
  if (owner !== undefined) {
    return [
      `${file}:1: import: ${url} is already the address of ${owner}; if this is the same story it is in the archive already, otherwise write its article by hand with another slug (slug: …)`,
    ];
  }
  try {
    await writeNewFile(resolve(path), text);
  } catch (error) {
    return [`${file}:1: import: ${(error as Error).message}`];
  }
  taken.set(url, path);
  process.stdout.write(`${file} → ${path}\n`);
  for (const note of notes) process.stderr.write(`${file}:${note.line}: import: note: ${note.message}\n`);
  return [];
}
