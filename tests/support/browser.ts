import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContextOptions, Page, Request } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { launchBrowser } from "../../tools/chromium";

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

/**
 * Everything that shows a page is broken, collected while a test runs: console errors and
 * warnings, uncaught errors, failed or 4xx/5xx requests of anything but the page itself (a missing
 * image, script or index file), and every Content-Security-Policy violation the page reports.
 */
export async function collectPageProblems(page: Page): Promise<string[]> {
  const problems = collectConsoleProblems(page);
  const isDocument = (request: Request) =>
    request.isNavigationRequest() && request.frame() === page.mainFrame();
  page.on("requestfailed", (request) => {
    // ERR_ABORTED is the browser giving up a load because the page left (a redirect page does at once).
    const error = request.failure()?.errorText;
    if (!isDocument(request) && error !== "net::ERR_ABORTED")
      problems.push(`request failed: ${request.url()} (${error})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !isDocument(response.request()))
      problems.push(`request failed: ${response.url()} (${response.status()})`);
  });
  await page.exposeBinding("__reportPolicyViolation", (_source, violation: string) => {
    problems.push(`securitypolicyviolation: ${violation}`);
  });
  // Runs before any script of the page, whatever its policy allows.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportPolicyViolation(v: string): void })
        .__reportPolicyViolation;
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return problems;
}

/** The page of the current test, and what it has logged so far (take expected lines out with splice). */
export interface BrowserPage {
  page(): Page;
  problems(): string[];
}

/**
 * One browser for the test file (or the describe block it is called in) and a fresh page in a
 * context of `options` for each test, failing a test whose page had a problem (collectPageProblems).
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
    problems = await collectPageProblems(page);
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The axe rules the site is held to: WCAG 2.0–2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * The axe-core rules the page currently breaks, each with the elements that break it (none is what
 * a test wants). axe is evaluated, not added as a script tag, so the page's policy does not block it.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  }, AXE_TAGS);
}
