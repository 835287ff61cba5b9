import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { parsePolicy } from "../../src/security/policy";
import { axeViolations, useBrowserPage } from "../support/browser";

// The fixture site, served with the headers of its own _headers file, as Netlify or Cloudflare would.
const siteUrl = inject("siteUrl");
const searchSiteUrl = inject("searchSiteUrl");
const at = (path: string): string => new URL(path, siteUrl).href;
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
// Fails each test on any securitypolicyviolation event, console message, failed request or error.
const browserPage = useBrowserPage({ colorScheme: "light" });
let page: Page;
beforeEach(() => {
  page = browserPage.page();
});

describe("the security headers", () => {
  it("come with every page: a policy without inline script, and the other headers", async () => {
    const response = await page.goto(at("2019/05/02/harbour-light-returns/"));
    const headers = response?.headers() ?? {};
    const policy = headers["content-security-policy"] ?? "";
    expect(policy).toMatch(/(^|; )script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')*(;|$)/);
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Chromium warns about a feature it does not know; every one named is a real one.
    const known = await page.evaluate(() =>
      (document as unknown as { featurePolicy: { features(): string[] } }).featurePolicy.features(),
    );
    const named = (headers["permissions-policy"] ?? "").split(",").map((f) => f.trim().split("=")[0]);
    expect(named.filter((feature) => !known.includes(feature ?? ""))).toEqual([]);
    // The page carries its policy for hosts that send no headers: the header's, less frame-ancestors
    // (which only works as a header) and the hashes of other pages' inline styles.
    const meta = parsePolicy(
      (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute("content")) ?? "",
    );
    const header = parsePolicy(policy);
    expect([...meta.keys()].sort()).toEqual([...header.keys()].filter((d) => d !== "frame-ancestors").sort());
    for (const [directive, sources] of meta)
      expect(header.get(directive)).toEqual(expect.arrayContaining(sources));
    expect(meta.get("script-src")).toEqual(header.get("script-src"));
  });

  it("reports a violation when a page runs an inline script it does not list", async () => {
    await page.goto(at("2019/05/02/harbour-light-returns/"));
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.injectedRan = true;";
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { injectedRan?: boolean }).injectedRan ?? false;
    });
    expect(ran).toBe(false);
    const problems = browserPage.problems();
    await poll(() =>
      problems.some((p) => p.startsWith("securitypolicyviolation: script-src-elem blocked inline")),
    ).toBe(true);
    // Taken out, since this test caused them on purpose.
    problems.splice(0);
  });
});

describe("the gates themselves", () => {
  it("axe reports a page that breaks a rule", async () => {
    await page.goto(at("archive/"));
    await page.evaluate(() => document.querySelector("main")?.append(document.createElement("button")));
    expect(await axeViolations(page)).toEqual([expect.stringMatching(/^button-name: /)]);
  });
});

describe("under the policy", () => {
  it("search runs: words, a filter, the sort, more results, and the highlight on the article", async () => {
    // Pagefind searches in its worker; a worker the policy refused would leave search on the page
    // itself, working but slower, so the test also checks that the worker started.
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(new URL(worker.url()).pathname));
    // The search fixture site, whose "tidewater" search has two batches of results.
    await page.goto(new URL("search/?q=tidewater", searchSiteUrl).href);
    const status = page.locator("#search-status");
    const results = page.locator("#search-results > li");
    await poll(() => status.textContent()).toBe("4 results for “tidewater”");
    expect(workers.some((path) => path.endsWith("/pagefind-worker.js"))).toBe(true);
    await page.locator("#search-facets summary", { hasText: "Topic" }).click();
    const transport = page.getByRole("checkbox", { name: "transport (3)" });
    await transport.check();
    await poll(() => status.textContent()).toBe("3 results for “tidewater”");
    await transport.uncheck();
    await poll(() => status.textContent()).toBe("4 results for “tidewater”");
    await page.locator("#search-sort").selectOption("oldest");
    await poll(() => new URL(page.url()).searchParams.get("sort")).toBe("oldest");
    await poll(() => results.count()).toBe(2);
    await page.getByRole("button", { name: "Show more results" }).click();
    await poll(() => results.count()).toBe(4);
    await results.first().getByRole("link").click();
    await page.waitForURL(/\?highlight=tidewater$/);
    await poll(() => page.locator("main mark").count()).toBeGreaterThan(0);
  });

  it("the citation copy button copies", async () => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(siteUrl).origin,
    });
    await page.goto(at("2015/03/09/night-ferry-returns/"));
    await page.bringToFront();
    const button = page.locator('button[data-copy="cite-text-apa"]');
    await button.click();
    await poll(() => button.textContent()).toBe("Copied");
  });

  it("the theme switch changes the theme, and the next page keeps it", async () => {
    await page.goto(at("2019/05/02/harbour-light-returns/"));
    const toggle = page.locator("[data-theme-toggle]").first();
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    expect(before).toBe("light");
    await toggle.click();
    await poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    await page.goto(at("archive/"));
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  });
});
