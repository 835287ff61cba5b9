import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import {
  AUDIT_CATEGORIES,
  formatAuditReport,
  meetsBudget,
  summarizePage,
  summarizeRun,
  type LighthouseResult,
  type RunSummary,
} from "./audit-report";
import { site } from "../../src/site.config";
import { readArgs } from "../../src/cli/args";
import { findAuditPages } from "./audit-pages";
import { CLOSED_NETWORK_FLAGS, requireChromium } from "../chromium";
import { serveStatic, type StaticHost } from "../static-server";

// `npm run audit [-- DIR] [--build] [--runs N] [--json FILE] [--page PATH …]`: Lighthouse (mobile)
// on the built site: the four pages of the budget, and any other page named with --page.
const USAGE = "npm run audit [-- [DIR] [--build] [--runs N] [--json FILE] [--page /places/china/ …]]";
const { values, positionals } = readArgs(
  {
    allowPositionals: true,
    options: {
      build: { type: "boolean", default: false },
      runs: { type: "string", default: "3" },
      json: { type: "string" },
      page: { type: "string", multiple: true, default: [] },
    },
  },
  USAGE,
);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || positionals.length > 1) {
  process.stderr.write(`Usage: ${USAGE}\n(--runs takes a whole number of at least 1)\n`);
  process.exit(2);
}
const dist = resolve(positionals[0] ?? "dist");
// Debian's Chromium, headless, in a closed network.
const CHROME_FLAGS = ["--headless=new", ...CLOSED_NETWORK_FLAGS];

let host: StaticHost | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  if (values.build) {
    const build = spawnSync("npm", ["run", "build", "--", "--local"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status ?? build.signal})`);
  }
  const chromePath = requireChromium();
  const extra = values.page.map((path) => ({ name: path, path: `${site.base.replace(/\/$/, "")}${path}` }));
  const pages = [...(await findAuditPages(dist, site.base)), ...extra];
  host = await serveStatic(dist, site.base);
  const origin = new URL(host.url).origin;
  chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: "silent" });

  // Runs go round the pages, so a busy moment of the machine does not fall on one page's runs only.
  let version = "";
  const results = new Map<string, RunSummary[]>(pages.map((page) => [page.name, []]));
  for (let run = 1; run <= runs; run++) {
    for (const page of pages) {
      process.stderr.write(`Lighthouse run ${run}/${runs}: ${page.name} (${page.path})\n`);
      const result = await lighthouse(origin + page.path, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...AUDIT_CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      version = result.lhr.lighthouseVersion;
      results.get(page.name)!.push(summarizeRun(result.lhr as unknown as LighthouseResult));
    }
  }
  const summaries = pages.map((page) => summarizePage(page.name, page.path, results.get(page.name)!));
  process.stdout.write(
    `Lighthouse ${version} (mobile), ${runs} run${runs === 1 ? "" : "s"} a page, median shown` +
      `${runs > 1 ? " (every run in brackets)" : ""}, site from ${dist}\n\n`,
  );
  process.stdout.write(formatAuditReport(summaries));
  if (values.json) {
    const summary = {
      date: new Date().toISOString(),
      lighthouse: version,
      runs,
      pages: summaries.map((page) => ({ ...page, everyRun: results.get(page.name) })),
    };
    await writeFile(values.json, `${JSON.stringify(summary, null, 2)}\n`);
  }
  const ok = meetsBudget(summaries);
  process.stdout.write(ok ? "\nEvery score is 100.\n" : "\nSome scores are under 100.\n");
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  process.stderr.write(`npm run audit: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
} finally {
  chrome?.kill();
  await host?.close();
}
