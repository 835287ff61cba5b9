import { site } from "../site.config";
import { readArgs } from "./args";
import { MergeError, mergeParts } from "../parts/merge";

// `npm run merge -- out/1996-2005 out/2006-2026 out/all-years --out dist`: one site from the parts
// built with ARCHIVE_YEARS (see docs/scaling.md).
const USAGE = "npm run merge -- PART_FOLDER… --out dist";
const { positionals, values } = readArgs(
  { allowPositionals: true, options: { out: { type: "string" } } },
  USAGE,
);
if (positionals.length === 0 || values.out === undefined) {
  process.stderr.write(`Usage: ${USAGE}\n`);
  process.exit(2);
}
try {
  const report = await mergeParts({
    parts: positionals,
    out: values.out,
    root: process.cwd(),
    manifestPath: site.urlManifest,
    base: site.base,
  });
  const years = report.indexes.map((index) => index.years.join("–")).join(", ");
  process.stdout.write(
    `Merged ${positionals.length} parts into ${values.out}: ${report.files} files, ` +
      `search over ${report.indexes.length} indexes (${years}); ` +
      `${site.urlManifest}: ${report.recorded} new address${report.recorded === 1 ? "" : "es"} recorded.\n`,
  );
} catch (error) {
  if (!(error instanceof MergeError)) throw error;
  process.stderr.write(`npm run merge: ${error.message}\n`);
  process.exit(1);
}
