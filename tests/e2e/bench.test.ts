import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BenchRecords } from "../../tools/bench/table";
import { runCli, type CliResult } from "../support/cli";

const dir = await mkdtemp(join(tmpdir(), "bench-run-"));
const json = join(dir, "records.json");
let result: CliResult;

beforeAll(async () => {
  result = await runCli("bench", ["100", "--json", json], { cwd: dir });
}, 600_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The Markdown tables of the output, in order, each as rows of cells without header and separator rows. */
function tables(stdout: string): string[][][] {
  return stdout
    .split("\n\n")
    .map((block) => block.split("\n").filter((line) => line.startsWith("| ")))
    .filter((lines) => lines.length > 0)
    .map((lines) =>
      lines
        .map((line) => line.slice(2, -2).split(" | "))
        .filter((cells) => cells[0] !== "articles" && !cells[0]?.startsWith("---")),
    );
}

/** A figure as printed ("1,234.5 ✓"), as a number. */
const figure = (cell: string): number => Number(cell.replace(/[✓✗]/g, "").replace(/,/g, "").trim());

describe("npm run bench -- 100", () => {
  it("ends successfully, printing progress on stderr", () => {
    expect(result.stderr).toContain("[bench] 100 articles: floor-per-article build");
    expect(result.code, result.stderr).toBe(0);
  });

  it("prints three tables", () => {
    expect(tables(result.stdout).map((rows) => rows[0]?.length)).toEqual([7, 7, 12]);
  });

  it("prints a row for each build with every figure present and positive", () => {
    const [builds = []] = tables(result.stdout);
    expect(builds.map((cells) => cells.slice(0, 2))).toEqual([
      ["100", "floor, 1 page/article"],
      ["100", "floor, same pages"],
      ["100", "site, cold"],
      ["100", "site, 1 article changed"],
      ["100", "site, day's news"],
    ]);
    for (const cells of builds) {
      for (const cell of [cells[0], ...cells.slice(2)])
        expect(figure(cell as string), cells.join(" | ")).toBeGreaterThan(0);
    }
    // The same-pages floor writes as many pages as the site's cold build.
    expect(builds[1]?.[4]).toBe(builds[2]?.[4]);
  });

  it("prints the build ratios, the searches and the page budgets, each present and positive", () => {
    const [, ratios = [], browser = []] = tables(result.stdout);
    expect(ratios).toHaveLength(1);
    expect(browser).toHaveLength(1);
    for (const cell of [...(ratios[0] ?? []), ...(browser[0] ?? [])])
      expect(figure(cell), cell).toBeGreaterThan(0);
    // Targets judged at every size are marked; build ratios are judged from 10,000 articles.
    expect(browser[0]?.[1]).toMatch(/[✓✗]$/);
    expect(browser[0]?.[6]).toMatch(/[✓✗]$/);
    expect(ratios[0]?.[1]).not.toMatch(/[✓✗]$/);
  });

  it("names the machine it measured on", () => {
    expect(result.stdout).toMatch(/^Measured on \d+ cores .*, \d+ GiB, .*Node v\d+/);
  });

  it("writes the raw records with --json", async () => {
    const records = JSON.parse(await readFile(json, "utf8")) as BenchRecords;
    expect(records.builds.map((b) => b.step)).toEqual([
      "floor-per-article",
      "site-cold",
      "floor-same-pages",
      "site-rebuild",
      "site-day",
    ]);
    for (const b of records.builds) {
      for (const value of [b.wallMs, b.peakRssBytes, b.pages, b.indexBytes, b.indexFiles])
        expect(value).toBeGreaterThan(0);
    }
    const [browser] = records.browser;
    expect(browser?.search.results).toBeGreaterThan(0);
    expect(browser?.search.completeResults).toBeGreaterThanOrEqual(browser?.search.results ?? 0);
    expect(browser?.search.completeBytes).toBeGreaterThanOrEqual(browser?.search.bytes ?? 0);
    expect(browser?.wholeIndex?.results).toBeGreaterThan(0);
    expect(browser?.pages.map((p) => p.name)).toEqual(["article", "home", "month"]);
  });
});
