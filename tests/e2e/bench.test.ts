import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BenchRecords } from "../../src/lib/bench/table";
import { runCli, type CliResult } from "../support/cli";

const dir = await mkdtemp(join(tmpdir(), "bench-run-"));
const json = join(dir, "records.json");
let result: CliResult;

beforeAll(async () => {
  result = await runCli("bench", ["100", "--json", json], { cwd: dir });
}, 600_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The rows of the Markdown tables in the output, without header and separator rows, as cells. */
function tableRows(stdout: string): string[][] {
  const rows = stdout
    .split("\n")
    .filter((line) => line.startsWith("| "))
    .map((line) => line.slice(2, -2).split(" | "));
  return rows.filter((cells) => cells[0] !== "articles" && !cells[0]?.startsWith("---"));
}

/** A figure as printed ("1,234.5 ✓"), as a number. */
const figure = (cell: string): number => Number(cell.replace(/[✓✗]/g, "").replace(/,/g, "").trim());

describe("npm run bench -- 100", () => {
  it("ends successfully, printing progress on stderr", () => {
    expect(result.stderr).toContain("[bench] 100 articles: floor build");
    expect(result.code, result.stderr).toBe(0);
  });

  it("prints a row for each build with every figure present and positive", () => {
    const builds = tableRows(result.stdout).filter((cells) => cells.length === 7);
    expect(builds.map((cells) => cells.slice(0, 2))).toEqual([
      ["100", "floor"],
      ["100", "site, cold"],
      ["100", "site, rebuild"],
    ]);
    for (const cells of builds) {
      for (const cell of [cells[0], ...cells.slice(2)])
        expect(figure(cell as string), cells.join(" | ")).toBeGreaterThan(0);
    }
  });

  it("prints the ratios, the first search and the page budgets, each present and positive", () => {
    const summary = tableRows(result.stdout).filter((cells) => cells.length === 11);
    expect(summary).toHaveLength(1);
    for (const cell of summary[0] as string[]) expect(figure(cell), cell).toBeGreaterThan(0);
    // Targets judged at every size are marked; build ratios are judged from 10,000 articles.
    expect(summary[0]?.[4]).toMatch(/[✓✗]$/);
    expect(summary[0]?.[1]).not.toMatch(/[✓✗]$/);
  });

  it("names the machine it measured on", () => {
    expect(result.stdout).toMatch(/^Measured on \d+ cores .*, \d+ GiB, .*Node v\d+/);
  });

  it("writes the raw records with --json", async () => {
    const records = JSON.parse(await readFile(json, "utf8")) as BenchRecords;
    expect(records.builds.map((b) => b.step)).toEqual(["floor", "site-cold", "site-rebuild"]);
    for (const b of records.builds) {
      for (const value of [b.wallMs, b.peakRssBytes, b.pages, b.indexBytes, b.indexFiles])
        expect(value).toBeGreaterThan(0);
    }
    const [browser] = records.browser;
    expect(browser?.search.results).toBeGreaterThan(0);
    expect(browser?.pages.map((p) => p.name)).toEqual(["article", "home", "month"]);
  });
});
