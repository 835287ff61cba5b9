/** The three builds measured at each size. */
export type BuildStep = "floor" | "site-cold" | "site-rebuild";

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
}

/** The browser measurements of the full site at one size. */
export interface BrowserRecord {
  articles: number;
  search: SearchMeasurement;
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

/** The requirement's targets. Build ratios apply from 10,000 articles, where fixed start-up costs no longer dominate. */
export const TARGETS = {
  timeRatio: { max: 1.3, fromArticles: 10_000 },
  rssRatio: { max: 1.3, fromArticles: 10_000 },
  rebuildRatio: { max: 0.3, fromArticles: 10_000 },
  searchKB: { max: 200, fromArticles: 0 },
  searchMs: { max: 300, fromArticles: 0 },
  articleKB: { max: 50, fromArticles: 0 },
  articleJsKB: { max: 2, fromArticles: 0 },
  monthJsKB: { max: 2, fromArticles: 0 },
  homeJsKB: { max: 4, fromArticles: 0 },
  /** The 50,000-article cold build's time over the 10,000 one's. */
  scaling: { max: 5.5, fromArticles: 0 },
} satisfies Record<string, Target>;

const STEP_LABELS: Record<BuildStep, string> = {
  floor: "floor",
  "site-cold": "site, cold",
  "site-rebuild": "site, rebuild",
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

/**
 * The benchmark's report as Markdown: one row per build, then one row per size with the
 * ratios, the first search and the page budgets, each judged against its target.
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
    for (const step of ["floor", "site-cold", "site-rebuild"] as const) {
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
  lines.push(
    "",
    row([
      "articles",
      heading("time site/floor", t.timeRatio),
      heading("RSS site/floor", t.rssRatio),
      heading("rebuild/cold", t.rebuildRatio),
      heading("search KB", t.searchKB),
      "query KB",
      heading("search ms", t.searchMs),
      heading("article KB", t.articleKB),
      heading("article JS KB", t.articleJsKB),
      heading("month JS KB", t.monthJsKB),
      heading("home JS KB", t.homeJsKB),
    ]),
    row(["---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
  );
  for (const articles of sizes) {
    const floor = findBuild(records, articles, "floor");
    const cold = findBuild(records, articles, "site-cold");
    const rebuild = findBuild(records, articles, "site-rebuild");
    const browser = records.browser.find((b) => b.articles === articles);
    const page = (name: string): PageWeight | undefined => browser?.pages.find((p) => p.name === name);
    const cell = (value: number | undefined, digits: number, target: Target): string =>
      value === undefined || !Number.isFinite(value) ? "–" : judged(value, digits, target, articles);
    lines.push(
      row([
        number(articles, 0),
        cell(cold && floor ? cold.wallMs / floor.wallMs : undefined, 2, t.timeRatio),
        cell(cold && floor ? cold.peakRssBytes / floor.peakRssBytes : undefined, 2, t.rssRatio),
        cell(rebuild && cold ? rebuild.wallMs / cold.wallMs : undefined, 2, t.rebuildRatio),
        cell(browser ? browser.search.bytes / KB : undefined, 1, t.searchKB),
        browser ? number(browser.search.queryBytes / KB, 1) : "–",
        cell(browser?.search.ms, 0, t.searchMs),
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
