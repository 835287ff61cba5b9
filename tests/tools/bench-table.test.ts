import { describe, expect, it } from "vitest";
import {
  formatBenchTable,
  type BenchRecords,
  type BrowserRecord,
  type BuildRecord,
  type BuildStep,
} from "../../tools/bench/table";

const build = (articles: number, step: BuildStep, wallMs: number, peakRssBytes: number): BuildRecord => ({
  articles,
  step,
  wallMs,
  peakRssBytes,
  pages: articles * 5,
  indexBytes: articles * 4_000,
  indexFiles: articles + 50,
});

const browser = (articles: number, ms: number, completeBytes: number): BrowserRecord => ({
  articles,
  search: {
    word: "thean",
    bytes: 150_000,
    files: 25,
    queryBytes: 50_000,
    queryFiles: 10,
    ms,
    results: 10,
    completeBytes,
    completeFiles: 31,
    completeMs: ms + 100,
    completeResults: 10,
    completeStatus: "1,234 results for “thean”",
  },
  wholeIndex: { word: "thean", bytes: 200_000, files: 24, results: 1_234 },
  pages: [
    { name: "article", path: "/2016/11/10/a-0/", bytes: 8_300, jsBytes: 1_040, requests: 4 },
    { name: "home", path: "/", bytes: 7_000, jsBytes: 1_770, requests: 6 },
    { name: "month", path: "/archive/2016/11/", bytes: 5_500, jsBytes: 2_100, requests: 4 },
  ],
});

/** Every step of one size: the floors, then the site cold, after one article and after a day's news. */
const size = (
  articles: number,
  [perArticle, samePages, cold, rebuild, day]: [number, number, number, number, number],
  [perArticleRss, samePagesRss, coldRss]: [number, number, number],
): BuildRecord[] => [
  build(articles, "floor-per-article", perArticle, perArticleRss),
  build(articles, "floor-same-pages", samePages, samePagesRss),
  build(articles, "site-cold", cold, coldRss),
  build(articles, "site-rebuild", rebuild, coldRss),
  build(articles, "site-day", day, coldRss),
];

const records: BenchRecords = {
  seed: "1",
  machine: {
    cpus: 2,
    cpuModel: "Test CPU",
    memoryBytes: 24 * 2 ** 30,
    platform: "linux",
    node: "v24.21.0",
    date: "2026-11-26",
  },
  builds: [
    ...size(1_000, [8_000, 10_000, 16_000, 12_000, 13_000], [1_000e6, 1_100e6, 1_200e6]),
    ...size(10_000, [20_000, 26_000, 30_000, 6_000, 12_000], [2_000e6, 2_400e6, 2_800e6]),
    ...size(50_000, [84_000, 100_000, 150_000, 20_000, 40_000], [5_000e6, 12_000e6, 6_000e6]),
  ],
  browser: [browser(1_000, 120, 220_000), browser(10_000, 350, 300_000)],
};

const lines = formatBenchTable(records).split("\n");
/** The cells of the `nth` line that starts with `start` (0: the builds, then the two summaries). */
const rowOf = (start: string, nth = 0): string[] =>
  (lines.filter((line) => line.startsWith(start))[nth] ?? "").slice(2, -2).split(" | ");
const headingOf = (nth: number): string[] => rowOf("| articles |", nth);

describe("formatBenchTable", () => {
  it("names the machine and the seed first", () => {
    expect(lines[0]).toBe(
      "Measured on 2 cores (Test CPU), 24 GiB, linux, Node v24.21.0, 2026-11-26; seed 1.",
    );
  });

  it("prints one row per build, both floors first, with seconds, MB and counts", () => {
    expect(rowOf("| 10,000 | site, cold")).toEqual([
      "10,000",
      "site, cold",
      "30.0",
      "2,800",
      "50,000",
      "40.0",
      "10,050",
    ]);
    expect(
      lines
        .filter((line) => line.startsWith("| 1,000 | ") && /[a-z]/.test(line))
        .map((l) => l.split(" | ")[1]),
    ).toEqual([
      "floor, 1 page/article",
      "floor, same pages",
      "site, cold",
      "site, 1 article changed",
      "site, day's news",
    ]);
    expect(lines.filter((line) => /^\| [\d,]+ \| (floor|site),/.test(line))).toHaveLength(15);
  });

  it("heads the build ratios with their targets, time and memory against the same-pages floor", () => {
    expect(headingOf(1)).toEqual([
      "articles",
      "time site/floor (≤ 1.3)",
      "RSS site/floor (≤ 0.5)",
      "time site/floor 1 page/article",
      "RSS site/floor 1 page/article",
      "1 article changed/cold (≤ 0.2)",
      "day's news/cold (≤ 0.3)",
    ]);
  });

  it("judges time and rebuild ratios from 10,000 articles, memory at 50,000", () => {
    expect(rowOf("| 1,000 |", 5)).toEqual(["1,000", "1.60", "1.09", "2.00", "1.20", "0.75", "0.81"]);
    expect(rowOf("| 10,000 |", 5)).toEqual(["10,000", "1.15 ✓", "1.17", "1.50", "1.40", "0.20 ✓", "0.40 ✗"]);
    expect(rowOf("| 50,000 |", 5)).toEqual([
      "50,000",
      "1.50 ✗",
      "0.50 ✓",
      "1.79",
      "1.20",
      "0.13 ✓",
      "0.27 ✓",
    ]);
  });

  it("heads the search and page figures with their targets", () => {
    expect(headingOf(2)).toEqual([
      "articles",
      "first results KB (≤ 200)",
      "query KB",
      "first results ms (≤ 300)",
      "complete KB",
      "whole index KB",
      "complete/whole index (≤ 1.3)",
      "complete ms",
      "article KB (≤ 50)",
      "article JS KB (≤ 2)",
      "month JS KB (≤ 2)",
      "home JS KB (≤ 4)",
    ]);
  });

  it("judges the search and page budgets at every size, complete results against one whole index", () => {
    expect(rowOf("| 1,000 |", 6)).toEqual([
      "1,000",
      "150.0 ✓",
      "50.0",
      "120 ✓",
      "220.0",
      "200.0",
      "1.10 ✓",
      "220",
      "8.3 ✓",
      "1.04 ✓",
      "2.10 ✗",
      "1.77 ✓",
    ]);
    const ten = rowOf("| 10,000 |", 6);
    expect([ten[3], ten[6]]).toEqual(["350 ✗", "1.50 ✗"]);
  });

  it("shows a dash where a size has no browser measurement", () => {
    expect(rowOf("| 50,000 |", 6).slice(1)).toEqual(Array(11).fill("–"));
  });

  it("shows a dash for a ratio whose build is missing", () => {
    const without = formatBenchTable({
      ...records,
      builds: records.builds.filter((b) => b.step !== "floor-per-article" && b.step !== "site-day"),
    }).split("\n");
    const ten = (without.filter((line) => line.startsWith("| 10,000 |"))[3] ?? "").slice(2, -2).split(" | ");
    expect(ten).toEqual(["10,000", "1.15 ✓", "1.17", "–", "–", "0.20 ✓", "–"]);
  });

  it("gives the 50,000/10,000 time ratio when both ran", () => {
    expect(lines).toContain("50,000/10,000 cold build time: 5.00 ✓ (≤ 5.5)");
    const without = formatBenchTable({
      ...records,
      builds: records.builds.filter((b) => b.articles !== 50_000),
    });
    expect(without).not.toContain("50,000/10,000");
  });
});
