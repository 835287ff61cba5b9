import { createRequire } from "node:module";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { launchBrowser } from "../../src/cli/bench/chromium";

// One way to start Chromium, shared with the benchmark.
export { launchBrowser };

/** Console errors and warnings, and uncaught page errors, collected while a test runs. */
export function collectConsoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** The page of the current test, and what it has logged so far (take expected lines out with splice). */
export interface BrowserPage {
  page(): Page;
  problems(): string[];
}

/**
 * One browser for the test file (or the describe block it is called in) and a fresh page in a
 * context of `options` for each test, failing a test whose page logged an error or a warning.
 */
export function useBrowserPage(options: BrowserContextOptions = {}): BrowserPage {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let problems: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error("the browser did not start");
    // A context of its own per test, so that permissions and storage never carry over.
    page = await (await browser.newContext(options)).newPage();
    problems = collectConsoleProblems(page);
  });
  afterEach(async () => {
    await page?.context().close();
    expect(problems).toEqual([]);
  });
  return {
    page: () => {
      if (!page) throw new Error("no page: call this inside a test");
      return page;
    },
    problems: () => problems,
  };
}

/** The ids of the axe-core rules the page currently breaks (none is what a test wants). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => v.id);
  });
}
