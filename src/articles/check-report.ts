import { formatProblem, type Problem } from "../lib/problems";

/** The ways `npm run check` can print its findings. */
export const CHECK_FORMATS = ["text", "json", "github"] as const;
/** One of {@link CHECK_FORMATS}. */
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** What a report is made from: every problem and warning (sorted) and how many article files were read. */
export interface CheckResult {
  problems: readonly Problem[];
  /** Reported, but they do not fail the check. */
  warnings?: readonly Problem[];
  articles: number;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "3 problems in 2 of 240 articles", or "No problems in 240 articles", and how many warnings. */
export function summarizeCheck(result: CheckResult, isArticleFile: (file: string) => boolean): string {
  const warnings = result.warnings?.length ?? 0;
  const summary = summarizeProblems(result, isArticleFile);
  return warnings === 0 ? summary : `${summary.slice(0, -1)}; ${plural(warnings, "warning")}.`;
}

function summarizeProblems(
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
 * The report in `format`: one `path:line: field: message` line per problem, then one
 * `path:line: field: warning: message` line per warning, and a summary (text); one JSON document
 * (json); GitHub Actions annotations, errors and warnings (github).
 */
export function formatCheckReport(
  result: CheckResult,
  format: CheckFormat,
  isArticleFile: (file: string) => boolean,
): string {
  const summary = summarizeCheck(result, isArticleFile);
  const warnings = result.warnings ?? [];
  if (format === "json") {
    const { problems, articles } = result;
    return `${JSON.stringify({ ok: problems.length === 0, articles, summary, problems, warnings }, null, 2)}\n`;
  }
  const lines =
    format === "github"
      ? [
          ...result.problems.map((p) => annotation("error", p)),
          ...warnings.map((p) => annotation("warning", p)),
        ]
      : [
          ...result.problems.map(formatProblem),
          ...warnings.map((p) => formatProblem({ ...p, message: `warning: ${p.message}` })),
        ];
  return `${[...lines, summary].join("\n")}\n`;
}

/** A GitHub Actions annotation on the problem's file and line. */
export function annotation(level: "error" | "warning" | "notice", p: Problem): string {
  return `::${level} file=${escapeProperty(p.file)},line=${p.line},title=${escapeProperty(p.field)}::${escapeData(p.message)}`;
}

// GitHub's workflow-command escapes: https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
