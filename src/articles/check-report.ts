import { formatProblem, type Problem } from "../lib/problems";

/** The ways `npm run check` can print its findings. */
export const CHECK_FORMATS = ["text", "json", "github"] as const;
/** One of {@link CHECK_FORMATS}. */
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** What a report is made from: every problem (sorted) and how many article files were read. */
export interface CheckResult {
  problems: readonly Problem[];
  articles: number;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "3 problems in 2 of 240 articles", or "No problems in 240 articles". */
export function summarizeCheck(
  { problems, articles }: CheckResult,
  isArticleFile: (file: string) => boolean,
): string {
  if (problems.length === 0) return `No problems in ${plural(articles, "article")}.`;
  const files = new Set(problems.map((p) => p.file));
  const inArticles = [...files].filter(isArticleFile).length;
  const others = files.size - inArticles;
  const where = [
    `${inArticles} of ${plural(articles, "article")}`,
    ...(others > 0 ? [plural(others, "other file")] : []),
  ].join(" and ");
  return `${plural(problems.length, "problem")} in ${where}.`;
}

/**
 * The report in `format`: one `path:line: field: message` line per problem and a summary
 * (text); one JSON document (json); GitHub Actions annotations (github).
 */
export function formatCheckReport(
  result: CheckResult,
  format: CheckFormat,
  isArticleFile: (file: string) => boolean,
): string {
  const summary = summarizeCheck(result, isArticleFile);
  if (format === "json") {
    return `${JSON.stringify({ ok: result.problems.length === 0, articles: result.articles, summary, problems: result.problems }, null, 2)}\n`;
  }
  const lines =
    format === "github"
      ? result.problems.map(
          (p) =>
            `::error file=${escapeProperty(p.file)},line=${p.line},title=${escapeProperty(p.field)}::${escapeData(p.message)}`,
        )
      : result.problems.map(formatProblem);
  return `${[...lines, summary].join("\n")}\n`;
}

// GitHub's workflow-command escapes: https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
