/**
 * The builds measured at each size: the bare floor with one page an article, the floor with as many
 * pages as the site writes, the site cold, after a one-article change and after a day's news.
 */
export type BuildStep = "floor-per-article" | "floor-same-pages" | "site-cold" | "site-rebuild" | "site-day";

/** The steps in the order they are shown. */
export const BUILD_STEPS: readonly BuildStep[] = [
  "floor-per-article",
  "floor-same-pages",
  "site-cold",
  "site-rebuild",
  "site-day",
];

/** One build, measured. */
export interface BuildRecord {
  articles: number;
  step: BuildStep;
  wallMs: number;
  /** Peak of the summed resident memory of the build's whole process tree. */
  peakRssBytes: number;
  /** `.html` files in the output. */
  pages: number;
  /** Total bytes of the output's `pagefind/` folder. */
  indexBytes: number;
  /** Files in the output's `pagefind/` folder. */
  indexFiles: number;
  /** The floor's trivial pages written beside its article pages (the same-pages floor only). */
  extraPages?: number;
  /** Articles added since the previous build (the day's news only). */
  addedArticles?: number;
}

/** What one page costs a reader on a first visit, compressed, as Chromium received it. */
export interface PageWeight {
  /** "article", "home" or "month". */
  name: string;
  path: string;
  /** Bytes of every response except images: bodies as sent (brotli where compressed, as most hosts send text) plus headers. */
  bytes: number;
  /** Script the page runs: its script files as sent (bodies, compressed) plus its inline scripts. */
  jsBytes: number;
  requests: number;
}

/** The first search on the search page. */
export interface SearchMeasurement {
  word: string;
  /** Bytes of the Pagefind files fetched from opening the search page until the first result shows. */
  bytes: number;
  /** How many Pagefind files those were. */
  files: number;
  /** The part of `bytes` fetched after the query was submitted (the page loads an index to list articles before). */
  queryBytes: number;
  /** How many Pagefind files those were. */
  queryFiles: number;
  /** From the search form's submit event to the first result in the list. */
  ms: number;
  /** Results in the list when the first one was shown. */
  results: number;
  /** Bytes of the Pagefind files fetched from opening the search page until the search said it was complete. */
  completeBytes: number;
  /** How many Pagefind files those were. */
  completeFiles: number;
  /** From the submit event to the status line saying the search is complete. */
  completeMs: number;
  /** Results in the list then. */
  completeResults: number;
  /** The status line that said so. */
  completeStatus: string;
}

/** A search for the same word in one Pagefind index of the site's article pages, as many results loaded as the site showed. */
export interface WholeIndexSearch {
  word: string;
  /** Bytes of every Pagefind file it fetched, compressed as sent plus headers. */
  bytes: number;
  files: number;
  /** Results found. */
  results: number;
}

/** The browser measurements of the full site at one size. */
export interface BrowserRecord {
  articles: number;
  search: SearchMeasurement;
  /** The same search in one index of the site's article pages. */
  wholeIndex?: WholeIndexSearch;
  pages: PageWeight[];
}

/** Where and when a run was measured. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  platform: string;
  node: string;
  date: string;
}

/** Everything one `npm run bench` measured: what `--json` writes and the table is made from. */
export interface BenchRecords {
  seed: string;
  machine: MachineInfo;
  builds: BuildRecord[];
  browser: BrowserRecord[];
}

/** A figure's target: the most it may be, and from which corpus size it applies. */
interface Target {
  max: number;
  fromArticles: number;
}

/**
 * The requirement's targets. Build ratios apply from 10,000 articles, where fixed start-up costs no
 * longer dominate; memory is judged at 50,000, against the same-pages floor.
 */
export const TARGETS = {
  /** The cold build's time over the same-pages floor's. */
  timeRatio: { max: 1.3, fromArticles: 10_000 },
  /** The cold build's peak memory over the same-pages floor's (which keeps one index of everything). */
  rssRatio: { max: 0.5, fromArticles: 50_000 },
  /** The rebuild after one article changed, over the cold build. */
  rebuildRatio: { max: 0.2, fromArticles: 10_000 },
  /** The rebuild after a day's news, over the cold build. */
  daysNewsRatio: { max: 0.3, fromArticles: 10_000 },
  /** Bytes until the first results. */
  searchKB: { max: 200, fromArticles: 0 },
  /** Bytes until the search is complete, over a search's in one index of everything. */
  completeRatio: { max: 1.3, fromArticles: 0 },
  searchMs: { max: 300, fromArticles: 0 },
  articleKB: { max: 50, fromArticles: 0 },
  articleJsKB: { max: 2, fromArticles: 0 },
  monthJsKB: { max: 2, fromArticles: 0 },
  homeJsKB: { max: 4, fromArticles: 0 },
  /** The 50,000-article cold build's time over the 10,000 one's. */
  scaling: { max: 5.5, fromArticles: 0 },
} satisfies Record<string, Target>;

/** How many articles the day's news adds. */
export const DAYS_NEWS_ARTICLES = 25;

const STEP_LABELS: Record<BuildStep, string> = {
  "floor-per-article": "floor, 1 page/article",
  "floor-same-pages": "floor, same pages",
  "site-cold": "site, cold",
  "site-rebuild": "site, 1 article changed",
  "site-day": "site, day's news",
};

/** 1 KB = 1,000 bytes and 1 MB = 1,000,000 bytes throughout. */
const KB = 1_000;
const MB = 1_000_000;

const number = (value: number, digits: number): string =>
  value.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A figure with ✓ or ✗ against its target where the target applies at this size. */
function judged(value: number, digits: number, target: Target, articles: number): string {
  const text = number(value, digits);
  if (articles < target.fromArticles) return text;
  return `${text} ${value <= target.max ? "✓" : "✗"}`;
}

const heading = (label: string, target: Target): string => `${label} (≤ ${target.max})`;

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function findBuild(records: BenchRecords, articles: number, step: BuildStep): BuildRecord | undefined {
  return records.builds.find((b) => b.articles === articles && b.step === step);
}

const ratio = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined || b === undefined ? undefined : a / b;

/**
 * The benchmark's report as Markdown: one row per build; then one row per size with the build
 * ratios; then one per size with the first search and the page budgets; each figure with a target
 * judged against it.
 */
export function formatBenchTable(records: BenchRecords): string {
  const sizes = [...new Set(records.builds.map((b) => b.articles))].sort((a, b) => a - b);
  const { machine } = records;
  const lines = [
    `Measured on ${machine.cpus} cores (${machine.cpuModel}), ${number(machine.memoryBytes / 2 ** 30, 0)} GiB, ` +
      `${machine.platform}, Node ${machine.node}, ${machine.date}; seed ${records.seed}.`,
    "",
    row(["articles", "build", "wall s", "peak RSS MB", "pages", "index MB", "index files"]),
    row(["---:", "---", "---:", "---:", "---:", "---:", "---:"]),
  ];
  for (const articles of sizes) {
    for (const step of BUILD_STEPS) {
      const b = findBuild(records, articles, step);
      if (!b) continue;
      lines.push(
        row([
          number(articles, 0),
          STEP_LABELS[step],
          number(b.wallMs / 1000, 1),
          number(b.peakRssBytes / MB, 0),
          number(b.pages, 0),
          number(b.indexBytes / MB, 1),
          number(b.indexFiles, 0),
        ]),
      );
    }
  }
  const t = TARGETS;
  const cellAt =
    (articles: number) =>
    (value: number | undefined, digits: number, target: Target): string =>
      value === undefined || !Number.isFinite(value) ? "–" : judged(value, digits, target, articles);
  const plain = (value: number | undefined, digits: number): string =>
    value === undefined || !Number.isFinite(value) ? "–" : number(value, digits);

  lines.push(
    "",
    row([
      "articles",
      heading("time site/floor", t.timeRatio),
      heading("RSS site/floor", t.rssRatio),
      "time site/floor 1 page/article",
      "RSS site/floor 1 page/article",
      heading("1 article changed/cold", t.rebuildRatio),
      heading("day's news/cold", t.daysNewsRatio),
    ]),
    row(["---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
  );
  for (const articles of sizes) {
    const time = (step: BuildStep) => findBuild(records, articles, step)?.wallMs;
    const rss = (step: BuildStep) => findBuild(records, articles, step)?.peakRssBytes;
    const cell = cellAt(articles);
    lines.push(
      row([
        number(articles, 0),
        cell(ratio(time("site-cold"), time("floor-same-pages")), 2, t.timeRatio),
        cell(ratio(rss("site-cold"), rss("floor-same-pages")), 2, t.rssRatio),
        plain(ratio(time("site-cold"), time("floor-per-article")), 2),
        plain(ratio(rss("site-cold"), rss("floor-per-article")), 2),
        cell(ratio(time("site-rebuild"), time("site-cold")), 2, t.rebuildRatio),
        cell(ratio(time("site-day"), time("site-cold")), 2, t.daysNewsRatio),
      ]),
    );
  }

  lines.push(
    "",
    row([
      "articles",
      heading("first results KB", t.searchKB),
      "query KB",
      heading("first results ms", t.searchMs),
      "complete KB",
      "whole index KB",
      heading("complete/whole index", t.completeRatio),
      "complete ms",
      heading("article KB", t.articleKB),
      heading("article JS KB", t.articleJsKB),
      heading("month JS KB", t.monthJsKB),
      heading("home JS KB", t.homeJsKB),
    ]),
    row(["---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
  );
  for (const articles of sizes) {
    const browser = records.browser.find((b) => b.articles === articles);
    const search = browser?.search;
    const page = (name: string): PageWeight | undefined => browser?.pages.find((p) => p.name === name);
    const cell = cellAt(articles);
    lines.push(
      row([
        number(articles, 0),
        cell(divide(search?.bytes, KB), 1, t.searchKB),
        plain(divide(search?.queryBytes, KB), 1),
        cell(search?.ms, 0, t.searchMs),
        plain(divide(search?.completeBytes, KB), 1),
        plain(divide(browser?.wholeIndex?.bytes, KB), 1),
        cell(ratio(search?.completeBytes, browser?.wholeIndex?.bytes), 2, t.completeRatio),
        plain(search?.completeMs, 0),
        cell(divide(page("article")?.bytes, KB), 1, t.articleKB),
        cell(divide(page("article")?.jsBytes, KB), 2, t.articleJsKB),
        cell(divide(page("month")?.jsBytes, KB), 2, t.monthJsKB),
        cell(divide(page("home")?.jsBytes, KB), 2, t.homeJsKB),
      ]),
    );
  }
  const small = findBuild(records, 10_000, "site-cold");
  const large = findBuild(records, 50_000, "site-cold");
  if (small && large) {
    lines.push(
      "",
      `50,000/10,000 cold build time: ${judged(large.wallMs / small.wallMs, 2, t.scaling, 0)} (≤ ${t.scaling.max})`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function divide(value: number | undefined, by: number): number | undefined {
  return value === undefined ? undefined : value / by;
}
