import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Browser, Page, Request } from "playwright-core";
import { readSearchStatus } from "./search-status";
import type { PageWeight, SearchMeasurement, WholeIndexSearch } from "./table";
import { launchBrowser } from "../chromium";
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

/** A change of the search page's status line after the query was submitted. */
interface StatusChange {
  at: number;
  text: string;
  results: number;
}

/** The browser-side clock of a search, set up before the query is typed. */
interface BenchClock {
  submitted: number;
  shown: number;
  results: number;
  statuses: StatusChange[];
}

/** Waits until the status line has said the search is complete, and returns that change. */
async function waitForCompletion(page: Page, timeoutMs: number): Promise<StatusChange> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const statuses = await page.evaluate(
      () => (window as unknown as { benchClock: BenchClock }).benchClock.statuses,
    );
    for (const change of statuses) {
      const status = readSearchStatus(change.text);
      if (status === "failed") throw new Error(`the search failed: “${change.text}”`);
      if (status === "complete") return change;
    }
    if (performance.now() > deadline) {
      const last = statuses.at(-1)?.text ?? "(unchanged)";
      throw new Error(`the search did not complete in ${timeoutMs / 1000} s; its status: “${last}”`);
    }
    await page.waitForTimeout(50);
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
      const status = document.querySelector("#search-status");
      if (!list || !status) return false;
      const clock: BenchClock = { submitted: 0, shown: 0, results: 0, statuses: [] };
      (window as unknown as { benchClock: BenchClock }).benchClock = clock;
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
      // Every text the status line shows after the submit, with the time and the results listed
      // then: the bench reads in Node which of them says the search is complete.
      new MutationObserver(() => {
        if (clock.submitted === 0) return;
        const text = status.textContent ?? "";
        if (clock.statuses.at(-1)?.text === text) return;
        clock.statuses.push({
          at: performance.now(),
          text,
          results: list.querySelectorAll(".result").length,
        });
      }).observe(status, { childList: true, characterData: true, subtree: true });
      return true;
    });
    if (!ready)
      throw new Error("the search page has no #search-results list or #search-status line to watch");
    await page.fill("#page-search-q", word);
    await page.press("#page-search-q", "Enter");
    await page.waitForFunction(
      () => (window as unknown as { benchClock: BenchClock }).benchClock.shown > 0,
      undefined,
      { timeout: 60_000 },
    );
    const complete = await waitForCompletion(page, 60_000);
    const clock = await page.evaluate(() => ({
      ...(window as unknown as { benchClock: BenchClock }).benchClock,
      origin: performance.timeOrigin,
    }));
    // The index files requested until the first result appeared are the ones it needed, and those
    // requested until the status line gave its final count the ones the whole search needed; the
    // page goes on to ask other languages' indexes for counts, which neither waits for.
    const isIndexFile = (r: Recorded): boolean => new URL(r.request.url()).pathname.includes("/pagefind/");
    const candidates = recorded.filter(isIndexFile);
    const transfers = await Promise.all(candidates.map((r) => r.done));
    const startedBy = (ms: number) => (_: Transfer, i: number) =>
      (candidates[i] as Recorded).request.timing().startTime <= clock.origin + ms;
    const needed = transfers.filter(startedBy(clock.shown));
    const beforeSubmit = transfers.filter(startedBy(clock.submitted));
    const whole = transfers.filter(startedBy(complete.at));
    return {
      word,
      bytes: sumBytes(needed),
      files: needed.length,
      queryBytes: sumBytes(needed) - sumBytes(beforeSubmit),
      queryFiles: needed.length - beforeSubmit.length,
      ms: clock.shown - clock.submitted,
      results: clock.results,
      completeBytes: sumBytes(whole),
      completeFiles: whole.length,
      completeMs: complete.at - clock.submitted,
      completeResults: complete.results,
      completeStatus: complete.text.replace(/\s+/g, " ").trim(),
    };
  } finally {
    await context.close();
  }
}

const sumBytes = (list: Transfer[]): number => list.reduce((total, t) => total + t.bytes, 0);

/** The page written into the floor's output to search its one index as a search page would. */
const WHOLE_INDEX_PAGE = "bench-search/index.html";

/**
 * A bare page that searches the site's one Pagefind index for `?q=` and loads the data of the
 * first `?n=` results, as a search page showing them does, then sets `window.benchSearch`.
 */
const WHOLE_INDEX_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Search the whole index</title></head>
  <body>
    <script type="module">
      const params = new URLSearchParams(location.search);
      const pagefind = await import("/pagefind/pagefind.js");
      const search = await pagefind.search(params.get("q") ?? "");
      const shown = search.results.slice(0, Number(params.get("n") ?? "10"));
      await Promise.all(shown.map((result) => result.data()));
      window.benchSearch = { results: search.results.length };
    </script>
  </body>
</html>
`;

/**
 * Serves `dist`, a site with one Pagefind index of every article at `/pagefind/` (the floor), and
 * measures in Chromium every Pagefind file a search for `word` fetches until the data of its first
 * `shown` results is loaded, compressed as sent plus headers.
 */
async function measureWholeIndex(
  browser: Browser,
  dist: string,
  word: string,
  shown: number,
): Promise<WholeIndexSearch> {
  await mkdir(join(dist, dirname(WHOLE_INDEX_PAGE)), { recursive: true });
  await writeFile(join(dist, WHOLE_INDEX_PAGE), WHOLE_INDEX_HTML);
  const server = await serveStatic(dist, "/");
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const recorded = recordRequests(page);
    const address = new URL(dirname(WHOLE_INDEX_PAGE) + "/", server.url);
    address.search = new URLSearchParams({ q: word, n: String(shown) }).toString();
    await page.goto(address.href);
    const done = await page.waitForFunction(
      () => (window as unknown as { benchSearch?: { results: number } }).benchSearch,
      undefined,
      { timeout: 60_000 },
    );
    const { results } = (await done.jsonValue()) as { results: number };
    const index = recorded.filter((r) => new URL(r.request.url()).pathname.startsWith("/pagefind/"));
    const transfers = await Promise.all(index.map((r) => r.done));
    return { word, bytes: sumBytes(transfers), files: transfers.length, results };
  } finally {
    await context.close();
    await server.close();
  }
}

/**
 * Serves `dist` as a compressing host does and measures, in Chromium, the first search for
 * `word` and the weight of each of `pages` (root-relative paths); with `wholeIndex`, a site whose
 * one Pagefind index holds every article, also the same search there.
 */
export async function measureInBrowser(
  dist: string,
  word: string,
  pages: readonly { name: string; path: string }[],
  options: { wholeIndex?: string } = {},
): Promise<{ search: SearchMeasurement; wholeIndex?: WholeIndexSearch; pages: PageWeight[] }> {
  const server = await serveStatic(dist, "/");
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const search = await measureSearch(browser, server.url, word);
    const weights: PageWeight[] = [];
    for (const { name, path } of pages) weights.push(await weighPage(browser, server.url, name, path));
    if (options.wholeIndex === undefined) return { search, pages: weights };
    // As many results as the search page showed when complete, so that both load as many fragments.
    const shown = Math.max(1, search.completeResults);
    const wholeIndex = await measureWholeIndex(browser, options.wholeIndex, word, shown);
    return { search, wholeIndex, pages: weights };
  } finally {
    await browser?.close();
    await server.close();
  }
}
