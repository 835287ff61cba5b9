import { CHECK_FORMATS, formatCheckReport, type CheckFormat } from "../articles/check-report";
import { site } from "../site.config";
import { readArgs } from "./args";
import { checkArchive } from "../articles/check-archive";

// `npm run check [-- --format text|json|github]`: every article checked without a build.
const { values } = readArgs(
  { options: { format: { type: "string", default: "text" } } },
  "npm run check [-- --format text|json|github]",
);
const format = values.format as CheckFormat;
if (!CHECK_FORMATS.includes(format)) {
  process.stderr.write(`--format must be one of ${CHECK_FORMATS.join(", ")}, not "${values.format}"\n`);
  process.exit(2);
}
try {
  const report = await checkArchive({ root: process.cwd(), site });
  process.stdout.write(formatCheckReport(report, format, report.isArticleFile));
  process.exitCode = report.problems.length > 0 ? 1 : 0;
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
