import type { Browser, Page, Request } from "playwright-core";
import type { PageWeight, SearchMeasurement } from "../../lib/bench/table";
import { launchBrowser } from "./chromium";
import { serveStatic } from "../static-server";

interface Transfer {
  /** Body as sent plus response headers. */
  bytes: number;
  /** Body as sent. */
  body: number;
  image: boolean;
  script: boolean;
}

interface Recorded {
  request: Request;
  done: Promise<Transfer>;
}

async function readTransfer(request: Request): Promise<Transfer> {
  const sizes = await request.sizes();
  const type = (await (await request.response())?.headerValue("content-type")) ?? "";
  return {
    bytes: sizes.responseBodySize + sizes.responseHeadersSize,
    body: sizes.responseBodySize,
    image: request.resourceType() === "image" || type.startsWith("image/"),
    script: request.resourceType() === "script" || type.startsWith("text/javascript"),
  };
}

/** Records every request of `page`, each with a promise of what it transferred once it ends. */
function recordRequests(page: Page): Recorded[] {
  const recorded: Recorded[] = [];
  const settle = new Map<Request, { resolve: (t: Transfer) => void; reject: (e: unknown) => void }>();
  page.on("request", (request) => {
    const done = new Promise<Transfer>((resolve, reject) => settle.set(request, { resolve, reject }));
    // A request that ends after its page has closed (another language's index, asked once the
    // results are shown) cannot be read; only the transfers awaited may fail the measurement.
    done.catch(() => undefined);
    recorded.push({ request, done });
  });
  page.on("requestfinished", (request) => {
    const pending = settle.get(request);
    if (pending) readTransfer(request).then(pending.resolve, pending.reject);
  });
  page.on("requestfailed", (request) =>
    settle.get(request)?.resolve({ bytes: 0, body: 0, image: false, script: false }),
  );
  return recorded;
}

async function weighPage(browser: Browser, origin: string, name: string, path: string): Promise<PageWeight> {
  // A fresh context per page: nothing comes from the cache of an earlier page.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const recorded = recordRequests(page);
    const response = await page.goto(new URL(path.replace(/^\//, ""), origin).href, {
      waitUntil: "networkidle",
    });
    if (!response?.ok()) throw new Error(`${path} answered ${response?.status() ?? "nothing"}`);
    const results = await Promise.all(recorded.map((r) => r.done));
    // Script the page runs: its script files as sent (headers are the host's, not the page's
    // script), and the bytes of its inline scripts (data blocks such as JSON-LD run nothing).
    const inlineBytes = await page.evaluate(() =>
      [...document.querySelectorAll("script:not([src])")]
        .filter((s) => !/json|importmap|speculationrules/i.test(s.getAttribute("type") ?? ""))
        .reduce((sum, s) => sum + new TextEncoder().encode(s.textContent ?? "").length, 0),
    );
    return {
      name,
      path,
      bytes: results.filter((r) => !r.image).reduce((sum, r) => sum + r.bytes, 0),
      jsBytes: results.filter((r) => r.script).reduce((sum, r) => sum + r.body, 0) + inlineBytes,
      requests: results.length,
    };
  } finally {
    await context.close();
  }
}

async function measureSearch(browser: Browser, origin: string, word: string): Promise<SearchMeasurement> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const recorded = recordRequests(page);
    await page.goto(new URL("search/", origin).href, { waitUntil: "networkidle" });
    const ready = await page.evaluate(() => {
      const list = document.querySelector("#search-results");
      if (!list) return false;
      const clock = { submitted: 0, shown: 0, results: 0 };
      (window as unknown as { benchClock: typeof clock }).benchClock = clock;
      // The page lists articles before any search (browsing): the query's results are the new ones.
      let before = new Set<Element>();
      // Capture phase on the document: runs before the search page's own submit handler.
      document.addEventListener(
        "submit",
        () => {
          clock.submitted = performance.now();
          before = new Set(list.querySelectorAll(".result"));
        },
        { capture: true, once: true },
      );
      const observer = new MutationObserver(() => {
        if (clock.submitted === 0) return;
        const results = [...list.querySelectorAll(".result")];
        if (!results.some((result) => !before.has(result))) return;
        clock.shown = performance.now();
        clock.results = results.length;
        observer.disconnect();
      });
      observer.observe(list, { childList: true, subtree: true });
      return true;
    });
    if (!ready) throw new Error("the search page has no #search-results list to watch");
    await page.fill("#page-search-q", word);
    await page.press("#page-search-q", "Enter");
    await page.waitForFunction(
      () => (window as unknown as { benchClock: { shown: number } }).benchClock.shown > 0,
      undefined,
      { timeout: 60_000 },
    );
    const clock = await page.evaluate(() => ({
      ...(window as unknown as { benchClock: { submitted: number; shown: number; results: number } })
        .benchClock,
      origin: performance.timeOrigin,
    }));
    // The index files requested until the first result appeared are the ones it needed; the page
    // goes on to ask other languages' indexes for counts, which the first results do not wait for.
    const isIndexFile = (r: Recorded): boolean => new URL(r.request.url()).pathname.includes("/pagefind/");
    const candidates = recorded.filter(isIndexFile);
    const transfers = await Promise.all(candidates.map((r) => r.done));
    const startedBy = (ms: number) => (_: Transfer, i: number) =>
      (candidates[i] as Recorded).request.timing().startTime <= clock.origin + ms;
    const needed = transfers.filter(startedBy(clock.shown));
    const beforeSubmit = transfers.filter(startedBy(clock.submitted));
    const sum = (list: Transfer[]): number => list.reduce((total, t) => total + t.bytes, 0);
    return {
      word,
      bytes: sum(needed),
      files: needed.length,
      queryBytes: sum(needed) - sum(beforeSubmit),
      queryFiles: needed.length - beforeSubmit.length,
      ms: clock.shown - clock.submitted,
      results: clock.results,
    };
  } finally {
    await context.close();
  }
}

/**
 * Serves `dist` as a compressing host does and measures, in Chromium, the first search for
 * `word` and the weight of each of `pages` (root-relative paths).
 */
export async function measureInBrowser(
  dist: string,
  word: string,
  pages: readonly { name: string; path: string }[],
): Promise<{ search: SearchMeasurement; pages: PageWeight[] }> {
  const server = await serveStatic(dist, "/");
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const search = await measureSearch(browser, server.url, word);
    const weights: PageWeight[] = [];
    for (const { name, path } of pages) weights.push(await weighPage(browser, server.url, name, path));
    return { search, pages: weights };
  } finally {
    await browser?.close();
    await server.close();
  }
}
