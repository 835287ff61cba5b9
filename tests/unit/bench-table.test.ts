import { describe, expect, it } from "vitest";
import {
  formatBenchTable,
  type BenchRecords,
  type BuildRecord,
  type BuildStep,
} from "../../src/lib/bench/table";

const build = (articles: number, step: BuildStep, wallMs: number, peakRssBytes: number): BuildRecord => ({
  articles,
  step,
  wallMs,
  peakRssBytes,
  pages: articles * 5,
  indexBytes: articles * 4_000,
  indexFiles: articles + 50,
});

const browser = (articles: number, ms: number) => ({
  articles,
  search: { word: "thean", bytes: 150_000, files: 25, queryBytes: 50_000, queryFiles: 10, ms, results: 10 },
  pages: [
    { name: "article", path: "/2016/11/10/a-0/", bytes: 8_300, jsBytes: 1_040, requests: 4 },
    { name: "home", path: "/", bytes: 7_000, jsBytes: 1_770, requests: 6 },
    { name: "month", path: "/archive/2016/11/", bytes: 5_500, jsBytes: 2_100, requests: 4 },
  ],
});

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
    build(1_000, "floor", 8_000, 1_000e6),
    build(1_000, "site-cold", 16_000, 1_200e6),
    build(1_000, "site-rebuild", 12_000, 1_100e6),
    build(10_000, "floor", 26_000, 2_000e6),
    build(10_000, "site-cold", 30_000, 2_800e6),
    build(10_000, "site-rebuild", 6_000, 2_000e6),
    build(50_000, "floor", 84_000, 5_000e6),
    build(50_000, "site-cold", 150_000, 6_000e6),
    build(50_000, "site-rebuild", 20_000, 5_000e6),
  ],
  browser: [browser(1_000, 120), browser(10_000, 350)],
};

const lines = formatBenchTable(records).split("\n");
const rowOf = (start: string, nth = 0): string[] =>
  (lines.filter((line) => line.startsWith(start))[nth] ?? "").slice(2, -2).split(" | ");

describe("formatBenchTable", () => {
  it("names the machine and the seed first", () => {
    expect(lines[0]).toBe(
      "Measured on 2 cores (Test CPU), 24 GiB, linux, Node v24.21.0, 2026-11-26; seed 1.",
    );
  });

  it("prints one row per build with seconds, MB and counts", () => {
    expect(rowOf("| 10,000 | site, cold")).toEqual([
      "10,000",
      "site, cold",
      "30.0",
      "2,800",
      "50,000",
      "40.0",
      "10,050",
    ]);
    expect(lines.filter((line) => / \| (floor|site, cold|site, rebuild) \| /.test(line))).toHaveLength(9);
  });

  it("judges build ratios from 10,000 articles only, and the budgets at every size", () => {
    const small = rowOf("| 1,000 |", 3);
    expect(small).toEqual([
      "1,000",
      "2.00",
      "1.20",
      "0.75",
      "150.0 ✓",
      "50.0",
      "120 ✓",
      "8.3 ✓",
      "1.04 ✓",
      "2.10 ✗",
      "1.77 ✓",
    ]);
    const ten = rowOf("| 10,000 |", 3);
    expect(ten.slice(1, 4)).toEqual(["1.15 ✓", "1.40 ✗", "0.20 ✓"]);
    expect(ten[6]).toBe("350 ✗");
  });

  it("shows a dash where a size has no browser measurement", () => {
    expect(rowOf("| 50,000 |", 3).slice(4)).toEqual(["–", "–", "–", "–", "–", "–", "–"]);
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
