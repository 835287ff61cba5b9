import { describe, expect, it } from "vitest";
import {
  formatAuditReport,
  meetsBudget,
  pickSearchWord,
  summarizePage,
  summarizeRun,
  type LighthouseResult,
} from "../../tools/audit/audit-report";

/** A Lighthouse result with these category scores; performance loses points to CLS when under 1. */
function lhr(scores: { performance: number; seo?: number }): LighthouseResult {
  const category = (score: number, auditRefs: { id: string; weight: number }[] = []) => ({
    score,
    auditRefs,
  });
  return {
    categories: {
      performance: category(scores.performance, [
        { id: "cumulative-layout-shift", weight: 25 },
        { id: "render-blocking-resources", weight: 0 },
        { id: "diagnostics", weight: 0 },
      ]),
      accessibility: category(1),
      "best-practices": category(1),
      seo: category(scores.seo ?? 1, [{ id: "is-crawlable", weight: 4.6 }]),
    },
    audits: {
      "cumulative-layout-shift": {
        id: "cumulative-layout-shift",
        title: "Cumulative Layout Shift",
        score: scores.performance < 1 ? 0.32 : 1,
        scoreDisplayMode: "numeric",
        displayValue: "0.345",
      },
      "render-blocking-resources": {
        id: "render-blocking-resources",
        title: "Eliminate render-blocking resources",
        score: 0.5,
        scoreDisplayMode: "metricSavings",
      },
      diagnostics: { id: "diagnostics", title: "Diagnostics", score: null, scoreDisplayMode: "informative" },
      "is-crawlable": {
        id: "is-crawlable",
        title: "Page is blocked from indexing",
        score: scores.seo === undefined ? 1 : 0,
        scoreDisplayMode: "binary",
      },
    },
  };
}

describe("Lighthouse results in npm run audit", () => {
  it("keeps the four scores out of 100 and the audits that did not pass, weighted or not", () => {
    const run = summarizeRun(lhr({ performance: 0.83, seo: 0.69 }));
    expect(run.scores).toEqual({ performance: 83, accessibility: 100, "best-practices": 100, seo: 69 });
    expect(run.failing.performance).toEqual([
      {
        id: "cumulative-layout-shift",
        title: "Cumulative Layout Shift",
        score: 32,
        displayValue: "0.345",
        weighted: true,
      },
      {
        id: "render-blocking-resources",
        title: "Eliminate render-blocking resources",
        score: 50,
        weighted: false,
      },
    ]);
    expect(run.failing.seo.map((a) => a.id)).toEqual(["is-crawlable"]);
    expect(run.failing.accessibility).toEqual([]);
  });

  it("refuses a run Lighthouse could not do", () => {
    expect(() =>
      summarizeRun({ ...lhr({ performance: 1 }), runtimeError: { code: "NO_FCP", message: "no paint" } }),
    ).toThrow(/NO_FCP: no paint/);
  });

  it("takes the median of the runs, and the lower middle run of an even number", () => {
    const runs = [0.9, 1, 1].map((performance) => summarizeRun(lhr({ performance })));
    const page = summarizePage("search", "/search/?q=light", runs);
    expect(page.scores.performance).toBe(100);
    expect(page.runs.performance).toEqual([90, 100, 100]);
    expect(page.failing.performance.filter((a) => a.weighted)).toEqual([]);
    expect(meetsBudget([page])).toBe(true);

    const two = summarizePage(
      "home",
      "/",
      [1, 0.9].map((performance) => summarizeRun(lhr({ performance }))),
    );
    expect(two.scores.performance).toBe(90);
    expect(two.failing.performance[0]?.id).toBe("cumulative-layout-shift");
    expect(meetsBudget([page, two])).toBe(false);
  });

  it("prints a table of scores and names what cost points", () => {
    const page = summarizePage("search", "/search/?q=light", [
      summarizeRun(lhr({ performance: 0.83, seo: 0.69 })),
    ]);
    const report = formatAuditReport([page]);
    expect(report).toContain("| page   | Performance | Accessibility | Best practices | SEO |");
    expect(report).toContain("| search | 83          | 100           | 100            | 69  |");
    expect(report).toContain(
      "search, Performance 83:\n  cumulative-layout-shift (32): Cumulative Layout Shift: 0.345\n",
    );
    expect(report).toContain(
      "  render-blocking-resources (50): Eliminate render-blocking resources [not weighted]",
    );
    expect(report).toContain("search, SEO 69:\n  is-crawlable (0): Page is blocked from indexing");
  });

  it("searches for the longest word of a headline", () => {
    expect(pickSearchWord("Kellsport lighthouse lit again")).toBe("lighthouse");
    expect(pickSearchWord("Élan at sea")).toBe("élan");
    expect(pickSearchWord("1, 2, 3")).toBeUndefined();
  });
});
