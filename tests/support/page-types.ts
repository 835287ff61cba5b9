import { LABEL_KINDS } from "../../src/lib/labels";

/**
 * The families of HTML files a build writes, by their path in dist. Every HTML file of the fixture
 * site must belong to one (tests/build/page-types.test.ts), and every family has a page in
 * PAGE_TYPES, so a new kind of page cannot escape the quality gates.
 */
export const PAGE_FAMILIES = {
  home: /^index\.html$/,
  "home page": /^page\/\d+\/index\.html$/,
  article: /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/,
  "archive overview": /^archive\/index\.html$/,
  year: /^archive\/\d{4}\/index\.html$/,
  "year page": /^archive\/\d{4}\/page\/\d+\/index\.html$/,
  month: /^archive\/\d{4}\/\d{2}\/index\.html$/,
  "month page": /^archive\/\d{4}\/\d{2}\/page\/\d+\/index\.html$/,
  day: /^archive\/\d{4}\/\d{2}\/\d{2}\/index\.html$/,
  "day page": /^archive\/\d{4}\/\d{2}\/\d{2}\/page\/\d+\/index\.html$/,
  "label index": new RegExp(`^(${LABEL_KINDS.map((k) => k.kind).join("|")})/index\\.html$`),
  label: new RegExp(`^(${LABEL_KINDS.map((k) => k.kind).join("|")})/[^/]+/index\\.html$`),
  "label page": new RegExp(`^(${LABEL_KINDS.map((k) => k.kind).join("|")})/[^/]+/\\d+/index\\.html$`),
  search: /^search\/index\.html$/,
  "not found": /^404\.html$/,
  // Redirect pages live at editors' old addresses, any path: they are known by their content.
  redirect: /(?!)/,
} as const;

/** A family of pages, as named in PAGE_FAMILIES. */
export type PageFamily = keyof typeof PAGE_FAMILIES;

/** One kind of page every quality gate visits. */
export interface PageType {
  /** What the page is, for failure messages. */
  name: string;
  family: PageFamily;
  /** Root-relative address without the base path (a query string only where the page reads one). */
  path: string;
  /** "search" for a page of the search fixture site (tests/fixtures/search) that the main fixture lacks. */
  site?: "main" | "search";
}

/**
 * Every kind of page of the fixture site (tests/fixtures/site/articles, 2 articles a page), one
 * place for every gate: axe, the console check, the CSP runs. The build test checks each exists.
 * The Chinese article comes from the search fixture site, whose build the browser tests also serve.
 */
export const PAGE_TYPES: readonly PageType[] = [
  { name: "home", family: "home", path: "/" },
  { name: "home page 2", family: "home page", path: "/page/2/" },
  { name: "article with a lead image", family: "article", path: "/2019/05/02/harbour-light-returns/" },
  { name: "article with a missing photo", family: "article", path: "/2016/06/14/late-evening-filing/" },
  { name: "article with every field", family: "article", path: "/2015/03/09/night-ferry-returns/" },
  { name: "article in Arabic (right to left)", family: "article", path: "/2023/05/17/arabic-bulletin/" },
  { name: "article with corrections", family: "article", path: "/2021/02/08/corrected-report/" },
  {
    name: "article with every Markdown construct",
    family: "article",
    path: "/2024/11/05/ferry-figures-explained/",
  },
  { name: "article with hostile text", family: "article", path: "/2013/07/04/feeds-hostile-text/" },
  { name: "article in Chinese", family: "article", path: "/2021/08/08/old-harbour-library/", site: "search" },
  { name: "archive overview", family: "archive overview", path: "/archive/" },
  { name: "year", family: "year", path: "/archive/2016/" },
  { name: "year page 2", family: "year page", path: "/archive/2016/page/2/" },
  { name: "month", family: "month", path: "/archive/2016/06/" },
  { name: "month page 2", family: "month page", path: "/archive/2016/06/page/2/" },
  { name: "day", family: "day", path: "/archive/2016/06/14/" },
  ...LABEL_KINDS.map(({ kind }): PageType => ({
    name: `${kind} index`,
    family: "label index",
    path: `/${kind}/`,
  })),
  { name: "topic", family: "label", path: "/topics/testing/" },
  { name: "place with a registry entry", family: "label", path: "/places/queens/" },
  { name: "place named in several scripts, with a place in it", family: "label", path: "/places/china/" },
  { name: "topic page 2", family: "label page", path: "/topics/testing/2/" },
  { name: "author in Arabic", family: "label", path: "/authors/srh-lkhtyb/" },
  { name: "search, empty", family: "search", path: "/search/" },
  { name: "search with results", family: "search", path: "/search/?q=ferry" },
  { name: "not found", family: "not found", path: "/404.html" },
  { name: "old address (redirect)", family: "redirect", path: "/news/2015/night-ferry.html" },
];

/** The family of a built HTML file, from its path in dist and its text; undefined for an unknown kind. */
export function pageFamily(file: string, html: string): PageFamily | undefined {
  if (/<meta http-equiv="refresh"/i.test(html) && /<meta name="robots" content="noindex"/i.test(html))
    return "redirect";
  return (Object.keys(PAGE_FAMILIES) as PageFamily[]).find((family) => PAGE_FAMILIES[family].test(file));
}
