/**
 * What `npm run audit` makes of Lighthouse results: the median score of each category over
 * several runs, the audits that cost points, and the table it prints. Pure: results in, text out.
 */

/** The Lighthouse categories the archive's budget sets at 100. */
export const AUDIT_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

/** The part of a Lighthouse result (LHR) the report reads. */
export interface LighthouseResult {
  categories: Record<
    string,
    { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined
  >;
  audits: Record<
    string,
    | { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }
    | undefined
  >;
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
}

/** An audit that did not pass, as the report lists it. */
export interface FailingAudit {
  id: string;
  title: string;
  /** 0 to 100. */
  score: number;
  /** Lighthouse's measurement ("3.1 s", "2 elements"), when it gives one. */
  displayValue?: string;
  /** Whether the audit counts towards the category score (Lighthouse's weight > 0). */
  weighted: boolean;
}

/** One Lighthouse run of one page, reduced to what the report needs. */
export interface RunSummary {
  /** 0 to 100 per category; null when Lighthouse could not score it. */
  scores: Record<AuditCategory, number | null>;
  failing: Record<AuditCategory, FailingAudit[]>;
  warnings: string[];
}

/** One audited page over all its runs. */
export interface PageSummary {
  name: string;
  url: string;
  /** The median of the runs per category (the lower middle run when their number is even). */
  scores: Record<AuditCategory, number | null>;
  /** Every run's score per category, in run order. */
  runs: Record<AuditCategory, (number | null)[]>;
  /** The failing audits of the median run, per category. */
  failing: Record<AuditCategory, FailingAudit[]>;
  warnings: string[];
}

// Audits that never change a score: informative notes, manual checks, audits that do not apply.
const UNSCORED = new Set(["informative", "manual", "notApplicable", "error"]);

/** Reduces a Lighthouse result to its four scores and its failing audits; throws on a run that failed. */
export function summarizeRun(lhr: LighthouseResult): RunSummary {
  if (lhr.runtimeError) {
    throw new Error(
      `Lighthouse could not audit the page: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`,
    );
  }
  const scores = {} as RunSummary["scores"];
  const failing = {} as RunSummary["failing"];
  for (const category of AUDIT_CATEGORIES) {
    const result = lhr.categories[category];
    scores[category] = result?.score == null ? null : Math.round(result.score * 100);
    failing[category] = (result?.auditRefs ?? []).flatMap((ref): FailingAudit[] => {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1 || UNSCORED.has(audit.scoreDisplayMode))
        return [];
      return [
        {
          id: audit.id,
          title: audit.title,
          score: Math.round(audit.score * 100),
          ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
          weighted: ref.weight > 0,
        },
      ];
    });
  }
  return { scores, failing, warnings: lhr.runWarnings ?? [] };
}

/** The median of several runs of one page, per category, with the failing audits of the median run. */
export function summarizePage(name: string, url: string, runs: RunSummary[]): PageSummary {
  if (runs.length === 0) throw new Error(`no Lighthouse run for ${name}`);
  const page: PageSummary = {
    name,
    url,
    scores: {} as PageSummary["scores"],
    runs: {} as PageSummary["runs"],
    failing: {} as PageSummary["failing"],
    warnings: [...new Set(runs.flatMap((run) => run.warnings))],
  };
  for (const category of AUDIT_CATEGORIES) {
    // A run Lighthouse could not score sorts lowest: it is never hidden behind better runs.
    const ordered = [...runs].sort((a, b) => (a.scores[category] ?? -1) - (b.scores[category] ?? -1));
    const median = ordered[Math.floor((ordered.length - 1) / 2)]!;
    page.scores[category] = median.scores[category];
    page.runs[category] = runs.map((run) => run.scores[category]);
    page.failing[category] = median.failing[category];
  }
  return page;
}

/** True when every category of every page has a median of 100: the archive's budget. */
export function meetsBudget(pages: PageSummary[]): boolean {
  return pages.every((page) => AUDIT_CATEGORIES.every((category) => page.scores[category] === 100));
}

const HEADINGS: Record<AuditCategory, string> = {
  performance: "Performance",
  accessibility: "Accessibility",
  "best-practices": "Best practices",
  seo: "SEO",
};

/**
 * The report: a table of the median scores per page (with every run's score when there were
 * several), then, for each score under 100, the audits that cost points.
 */
export function formatAuditReport(pages: PageSummary[]): string {
  const cell = (page: PageSummary, category: AuditCategory) => {
    const median = page.scores[category] ?? "–";
    const runs = page.runs[category];
    return runs.length > 1 ? `${median} (${runs.map((s) => s ?? "–").join(", ")})` : String(median);
  };
  const rows = [
    ["page", ...AUDIT_CATEGORIES.map((c) => HEADINGS[c])],
    ...pages.map((page) => [page.name, ...AUDIT_CATEGORIES.map((c) => cell(page, c))]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((text, i) => text.padEnd(widths[i]!)).join(" | ")} |`;
  const out = [
    line(rows[0]!),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.slice(1).map(line),
  ];
  out.push("", ...pages.map((page) => `${page.name}: ${page.url}`));

  for (const page of pages) {
    for (const category of AUDIT_CATEGORIES) {
      if (page.scores[category] === 100) continue;
      out.push("", `${page.name}, ${HEADINGS[category]} ${page.scores[category] ?? "not scored"}:`);
      const failing = page.failing[category];
      if (failing.length === 0) out.push("  (no single audit failed: the runs varied)");
      for (const audit of failing) {
        const value = audit.displayValue ? `: ${audit.displayValue}` : "";
        const note = audit.weighted ? "" : " [not weighted]";
        out.push(`  ${audit.id} (${audit.score}): ${audit.title}${value}${note}`);
      }
    }
  }
  const warnings = pages.flatMap((page) => page.warnings.map((w) => `${page.name}: ${w}`));
  if (warnings.length > 0) out.push("", "Lighthouse warnings:", ...warnings.map((w) => `  ${w}`));
  return `${out.join("\n")}\n`;
}

/** A word of a headline to search for: its longest word of letters, lower-cased. */
export function pickSearchWord(headline: string): string | undefined {
  const words = headline.match(/\p{L}{3,}/gu) ?? [];
  return words
    .reduce<string | undefined>((best, word) => (!best || word.length > best.length ? word : best), undefined)
    ?.toLowerCase();
}
