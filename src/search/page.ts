/**
 * The search page: reads the view from the address (words, filters, order, language, how many
 * results), asks Pagefind, and shows filters with counts and the results. Every change is
 * written back to the address, so a reload, a shared link or Back shows the same view.
 * Pagefind's files load only here. The page is written with the newest articles in the site's
 * language, the view before anything is asked, and keeps that list until the reader searches,
 * filters, sorts or asks for more (or reads in another language); Pagefind loads meanwhile.
 */
import { SEARCH_FACETS, limitFacetValues, listFacetValues, type FacetKey } from "./filters";
import {
  effectiveSort,
  emptySelection,
  hasFilters,
  pagefindFilters,
  pagefindSort,
  parseSearchState,
  searchStateParams,
  type SearchState,
  type SortOrder,
} from "./state";
import { SEARCH_INDEXES_FILE, type SearchIndexEntry, type SearchIndexList } from "../parts/build-part";
import { indexesFor, languagesOf } from "./indexes";
import {
  PART_FILTER,
  addCounts,
  addResults,
  partValue,
  planStages,
  yearsSearched,
  type FilterCounts,
} from "./progress";
import { withBase } from "../lib/urls";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}
interface PagefindSearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, "asc" | "desc">;
}
interface PagefindIndexOptions {
  language: string;
  baseUrl: string;
  highlightParam: string;
  mergeFilter?: Record<string, string>;
  metaCacheTag?: string;
}
interface PagefindInstance {
  preload(term: string | null, options?: PagefindSearchOptions): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
  mergeIndex(path: string, options: PagefindIndexOptions): Promise<void>;
}
interface PagefindModule {
  createInstance(
    options: Omit<PagefindIndexOptions, "language"> & { basePath: string; noWorker: boolean },
  ): PagefindInstance;
}

const app = document.querySelector<HTMLElement>("#search-app");
const form = document.querySelector<HTMLFormElement>("#search-page-form");
const box = document.querySelector<HTMLInputElement>("#page-search-q");
const options = document.querySelector<HTMLElement>(".search-page__options");
const sortSelect = document.querySelector<HTMLSelectElement>("#search-sort");
const languageChoice = document.querySelector<HTMLElement>("#search-language-choice");
const languageSelect = document.querySelector<HTMLSelectElement>("#search-language");
const facets = document.querySelector<HTMLElement>("#search-facets");
const status = document.querySelector<HTMLElement>("#search-status");
const elsewhere = document.querySelector<HTMLElement>("#search-elsewhere");
const list = document.querySelector<HTMLOListElement>("#search-results");
const more = document.querySelector<HTMLButtonElement>("#search-more");
// The links to the browse pages, for readers whose browser cannot search.
const browse = document.querySelector<HTMLElement>("#search-browse");

// The loader on article pages marks the words it finds under this name in the address.
const HIGHLIGHT_PARAM = "highlight";
const base = withBase("/");
const pageSize = Number(app?.dataset.pageSize) || 10;
const pageTitle = document.title;
const siteLanguage = app?.dataset.defaultLanguage ?? "en";
// Counts as the pages write them ("1,204 articles").
const numbers = new Intl.NumberFormat(app?.dataset.locale || undefined);

let pagefindModule: Promise<PagefindModule> | undefined;
const languageIndexes = new Map<string, LanguageIndex>();
let indexList: Promise<SearchIndexEntry[]> | undefined;
let state: SearchState = parseSearchState(new URLSearchParams(location.search));

/** One language's search: its parts, and the one Pagefind instance that merges those it needed. */
interface LanguageIndex {
  language: string;
  /** The parts holding the language, newest first. */
  parts: SearchIndexEntry[];
  /** Set when the language has several parts: searches are then limited to parts by PART_FILTER. */
  byPart: boolean;
  instance?: Promise<PagefindInstance>;
  /** The parts merged into the instance (the first is its own), by folder. */
  merged: Map<string, Promise<void>>;
}

/** One stage of the search shown: the parts it searched and the filter counts over them. */
interface Stage {
  parts: SearchIndexEntry[];
  counts: Partial<Record<FacetKey, Record<string, number>>>;
}

/** The search shown: its results so far, in the order shown, and how far it has come. */
interface Shown {
  view: SearchState;
  index: LanguageIndex;
  results: PagefindResult[];
  /** Results on the page or being put there: they never move. */
  claimed: number;
  stages: Stage[];
  complete: boolean;
  browsing: boolean;
  /** Each batch of results waits for the one before, so that they are appended in order. */
  rendering: Promise<unknown>;
}
let current: Shown | undefined;
let runId = 0;
// The language of the list the page was written with, while it is the one shown.
let written: string | undefined = list?.children.length ? list.dataset.language : undefined;
// Long filter lists show their most frequent values until the reader asks for all of them.
const FACET_LIMIT = 10;
const expandedFacets = new Set<FacetKey>();
// A filter's list of values loads when the reader opens it (or has chosen one of its values):
// at archive scale the lists together outweigh the rest of a first search.
// Which lists are open is kept with each history entry, so that a reload or Back reopens them.
const openFacets = new Set<FacetKey>(openFacetsIn(history.state));
let shownCounts: Partial<Record<FacetKey, Record<string, number>>> = {};
let shownComplete = true;

/** The filter lists recorded as open in a history entry's state. */
function openFacetsIn(saved: unknown): FacetKey[] {
  const open = (saved as { openFacets?: unknown } | null)?.openFacets;
  return SEARCH_FACETS.map(({ key }) => key).filter((key) => Array.isArray(open) && open.includes(key));
}

/** The state kept with a history entry beside its address. */
function historyState(): { openFacets: FacetKey[] } {
  return { openFacets: [...openFacets] };
}

/** The site's search indexes: one, or one per range of years when the site was built in parts. */
function loadIndexes(): Promise<SearchIndexEntry[]> {
  // Asked again each visit (answered "not modified" while unchanged): it names the parts' versions.
  indexList ??= fetch(withBase(`/${SEARCH_INDEXES_FILE}`), { cache: "no-cache" }).then(async (response) => {
    if (!response.ok) throw new Error(`The search index is missing (${response.status})`);
    const { indexes } = (await response.json()) as SearchIndexList;
    if (indexes.length === 0) throw new Error("The search index list is empty");
    return indexes;
  });
  return indexList;
}

async function loadLanguages(): Promise<Record<string, { page_count: number }>> {
  return languagesOf(await loadIndexes());
}

/** The parts of one language's index; nothing is loaded from them yet. */
async function languageIndex(language: string): Promise<LanguageIndex> {
  const parts = indexesFor(await loadIndexes(), language);
  let index = languageIndexes.get(language);
  if (!index) {
    index = { language, parts, byPart: parts.length > 1, merged: new Map() };
    languageIndexes.set(language, index);
  }
  return index;
}

/** What Pagefind is told about a part: its language, addresses, and what names its version. */
function partOptions(index: LanguageIndex, part: SearchIndexEntry): PagefindIndexOptions {
  return {
    language: index.language,
    baseUrl: base,
    highlightParam: HIGHLIGHT_PARAM,
    // Without it Pagefind asks for the entry file anew on every visit (`?ts=` the time); with the
    // part's digest, an unchanged part's entry file comes from the browser's cache.
    ...(part.hash !== undefined && { metaCacheTag: part.hash }),
    ...(index.byPart && { mergeFilter: { [PART_FILTER]: partValue(part) } }),
  };
}

/**
 * The language's Pagefind instance with `parts` merged into it. The instance is created on the
 * first part a search needs, so that its WebAssembly loads once; the other parts are added with
 * `mergeIndex` as searches need them, and share it. A part is never fetched before it is needed.
 */
async function partsReady(
  index: LanguageIndex,
  parts: readonly SearchIndexEntry[],
): Promise<PagefindInstance> {
  if (!index.instance) {
    const [first = index.parts[0]!] = parts;
    index.instance = createInstance(index, first);
    index.merged.set(first.path, Promise.resolve());
  }
  const instance = await index.instance;
  await Promise.all(
    parts.map((part) => {
      let merging = index.merged.get(part.path);
      if (!merging) {
        merging = instance.mergeIndex(withBase(part.path), partOptions(index, part));
        index.merged.set(part.path, merging);
      }
      return merging;
    }),
  );
  return instance;
}

async function createInstance(index: LanguageIndex, primary: SearchIndexEntry): Promise<PagefindInstance> {
  // Every index carries the same pagefind.js: it is loaded once, from the first asked for.
  pagefindModule ??= import(
    /* @vite-ignore */ withBase(`${primary.path}pagefind.js`)
  ) as Promise<PagefindModule>;
  const module = await pagefindModule;
  const { language, ...options } = partOptions(index, primary);
  // Pagefind picks the index from <html lang> when an instance is created, whatever the
  // options say; the search page's own language is restored at once.
  const html = document.documentElement;
  const own = html.getAttribute("lang");
  html.setAttribute("lang", language);
  try {
    // In Pagefind's web worker, so that loading the index and searching never block the page:
    // on the main thread they cost a phone hundreds of milliseconds of Total Blocking Time.
    // Pagefind falls back to the main thread if the worker cannot start.
    return module.createInstance({ ...options, basePath: withBase(primary.path), noWorker: false });
  } finally {
    if (own === null) html.removeAttribute("lang");
    else html.setAttribute("lang", own);
  }
}

/**
 * Searches `parts` of a language (all merged already). Pagefind's merged instance searches every
 * index merged into it, so the search is limited to the parts by PART_FILTER. By relevance one
 * search ranks them together; a date order searches each part in turn and puts the results one
 * part after another (Pagefind would interleave merged indexes by position), in the order given.
 * The filter counts are added up, PART_FILTER left out.
 */
async function searchParts(
  index: LanguageIndex,
  parts: readonly SearchIndexEntry[],
  term: string | null,
  options: PagefindSearchOptions,
): Promise<PagefindResponse> {
  const instance = await partsReady(index, parts);
  const limited = (group: readonly SearchIndexEntry[]): PagefindSearchOptions =>
    index.byPart
      ? { ...options, filters: { ...options.filters, [PART_FILTER]: { any: group.map(partValue) } } }
      : options;
  const groups = options.sort?.date && index.byPart ? parts.map((part) => [part]) : [parts];
  const responses = await Promise.all(groups.map((group) => instance.search(term, limited(group))));
  return {
    results: responses.flatMap((response) => response.results),
    filters: addCounts(...responses.map((response) => response.filters)),
  };
}

/** The index to search: the one asked for, else the reader's language, else the site's. */
function chooseLanguage(asked: string | undefined, available: string[]): string {
  const match = (tag: string): string | undefined => {
    const lower = tag.toLowerCase();
    const primary = (l: string): string => l.split("-")[0] ?? l;
    return available.find((l) => l === lower) ?? available.find((l) => primary(l) === primary(lower));
  };
  for (const tag of [...(asked ? [asked] : []), ...navigator.languages, siteLanguage]) {
    const found = match(tag);
    if (found) return found;
  }
  return available[0] ?? siteLanguage;
}

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${numbers.format(n)} ${n === 1 ? one : many}`;
}

function urlFor(next: SearchState): string {
  const query = searchStateParams(next).toString();
  return query === "" ? location.pathname : `${location.pathname}?${query}`;
}

/** Shows the state in the form's controls. */
function showState(view: SearchState, language: string): void {
  if (box) box.value = view.query;
  if (sortSelect) {
    sortSelect.value = effectiveSort(view);
    const relevance = sortSelect.querySelector<HTMLOptionElement>('option[value="relevance"]');
    // Without words there is nothing to rank by relevance.
    if (relevance) relevance.disabled = view.query === "";
  }
  if (languageSelect) languageSelect.value = language;
}

function renderLanguages(available: Record<string, { page_count: number }>, language: string): void {
  if (!languageSelect || !languageChoice) return;
  const tags = Object.keys(available);
  languageChoice.hidden = tags.length < 2;
  languageSelect.replaceChildren(
    ...tags.map((tag) => {
      const option = document.createElement("option");
      option.value = tag;
      option.lang = tag;
      option.textContent = languageName(tag);
      return option;
    }),
  );
  languageSelect.value = language;
}

/** The open/closed filter groups written by the page, one per filter key. */
function facetGroup(key: FacetKey): HTMLDetailsElement | null {
  return facets?.querySelector<HTMLDetailsElement>(`details[data-facet="${key}"]`) ?? null;
}

/** Fills the open filter lists, keeping keyboard focus on the same checkbox or button. */
function renderFacets(
  counts: Partial<Record<FacetKey, Record<string, number>>>,
  view: SearchState,
  complete = true,
): void {
  if (!facets) return;
  shownCounts = counts;
  shownComplete = complete;
  const active = document.activeElement;
  const focused =
    active instanceof HTMLInputElement && facets.contains(active)
      ? `input[name="${CSS.escape(active.name)}"][value="${CSS.escape(active.value)}"]`
      : active instanceof HTMLButtonElement && facets.contains(active)
        ? `button[data-facet="${active.dataset.facet ?? ""}"]`
        : undefined;
  for (const { key } of SEARCH_FACETS) {
    const group = facetGroup(key);
    const items = group?.querySelector("ul");
    if (!group || !items) continue;
    group.open = openFacets.has(key);
    const loaded = counts[key];
    group.querySelector(".facet__more")?.remove();
    if (!loaded) {
      items.replaceChildren();
      continue;
    }
    const values = listFacetValues(key, loaded, view.filters[key]);
    const shown = expandedFacets.has(key) ? values : limitFacetValues(values, view.filters[key], FACET_LIMIT);
    items.replaceChildren(
      ...shown.map(([value, count], i) => {
        const item = document.createElement("li");
        const input = document.createElement("input");
        input.type = "checkbox";
        input.name = key;
        input.value = value;
        input.id = `facet-${key}-${i}`;
        input.checked = view.filters[key].includes(value);
        const text = document.createElement("label");
        text.htmlFor = input.id;
        // Until every part is searched a count is what has been found so far: "12+".
        text.textContent = `${value} (${count}${complete ? "" : "+"})`;
        item.append(input, text);
        return item;
      }),
    );
    if (values.length === 0) {
      const none = document.createElement("li");
      none.textContent = "None in these results";
      items.append(none);
    }
    if (values.length > FACET_LIMIT) {
      const toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "facet__more";
      toggle.dataset.facet = key;
      toggle.setAttribute("aria-expanded", String(expandedFacets.has(key)));
      toggle.textContent = expandedFacets.has(key) ? "Show fewer" : `Show all ${values.length}`;
      items.after(toggle);
    }
  }
  facets.hidden = false;
  if (focused) facets.querySelector<HTMLElement>(focused)?.focus();
}

/**
 * The counts of the open filters over `parts`: what each value would give, with the other filters
 * applied and its own not. Loads the value lists of open filters that are not loaded yet. `main`
 * is the view's own search over the same parts, whose counts serve the filters with no value
 * chosen; only the filters not in `have` are counted.
 */
async function countFacets(
  index: LanguageIndex,
  parts: readonly SearchIndexEntry[],
  view: SearchState,
  main: PagefindResponse | undefined,
  have: Stage["counts"] = {},
): Promise<Stage["counts"]> {
  const term = view.query === "" ? null : view.query;
  const wanted = SEARCH_FACETS.filter(({ key }) => openFacets.has(key) && !(key in have));
  if (wanted.length === 0) return {};
  const unloaded = wanted.filter(({ key }) => !main || !(key in main.filters));
  if (unloaded.length > 0) {
    const pagefind = await partsReady(index, parts);
    await pagefind.preload(null, {
      filters: Object.fromEntries(unloaded.map(({ key }) => [key, { any: [] }])),
    });
  }
  // Counting needs no order: one search over the parts, however the results are sorted.
  const count = (filters: Record<string, { any: string[] }>): Promise<PagefindResponse> =>
    searchParts(index, parts, term, { filters });
  const fresh = main && unloaded.length === 0 ? main : await count(pagefindFilters(view.filters));
  const entries = [];
  for (const { key } of wanted) {
    const response = view.filters[key].length === 0 ? fresh : await count(pagefindFilters(view.filters, key));
    entries.push([key, response.filters[key] ?? {}] as const);
  }
  return Object.fromEntries(entries);
}

/** The counts of the open filters over every stage searched so far. */
function stageCounts(shown: Shown): Stage["counts"] {
  const counted = SEARCH_FACETS.filter(
    ({ key }) => openFacets.has(key) && shown.stages.every((stage) => key in stage.counts),
  );
  return Object.fromEntries(
    counted.map(({ key }) => [
      key,
      addCounts(...shown.stages.map((stage) => ({ [key]: stage.counts[key] })))[key] ?? {},
    ]),
  );
}

/** True when an open filter is not yet counted in every stage searched. */
function needsCounts(shown: Shown): boolean {
  return SEARCH_FACETS.some(
    ({ key }) => openFacets.has(key) && shown.stages.some((stage) => !(key in stage.counts)),
  );
}

/**
 * Counts the open filters in every stage searched so far that has not counted them (a filter
 * opened while a search runs, or after it), and shows the sums.
 */
async function fillCounts(shown: Shown, id: number): Promise<void> {
  for (const stage of [...shown.stages]) {
    const counts = await countFacets(shown.index, stage.parts, shown.view, undefined, stage.counts);
    for (const [key, values] of Object.entries(counts)) stage.counts[key as FacetKey] ??= values;
  }
  if (id === runId && current === shown) renderFacets(stageCounts(shown), shown.view, shown.complete);
}

function searchOptions(view: SearchState): PagefindSearchOptions {
  return { filters: pagefindFilters(view.filters), sort: pagefindSort(effectiveSort(view)) };
}

/** Pagefind adds `highlight=` even when there are no words (filters alone); such a link gets none. */
function withoutEmptyHighlight(url: string): string {
  const parsed = new URL(url, location.href);
  const words = parsed.searchParams.getAll(HIGHLIGHT_PARAM).filter((word) => word !== "");
  parsed.searchParams.delete(HIGHLIGHT_PARAM);
  for (const word of words) parsed.searchParams.append(HIGHLIGHT_PARAM, word);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** A span of an article's own words, marked with its language when that is not the site's. */
function inLanguage(text: string, attributes: { lang?: string; dir?: string }): HTMLSpanElement {
  const span = document.createElement("span");
  span.textContent = text;
  Object.assign(span, attributes);
  return span;
}

function renderResult(data: PagefindResultData, language: string, browsing: boolean): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "result";
  const own = language === siteLanguage ? {} : { lang: language, dir: "auto" };
  if (data.meta.image) {
    const image = document.createElement("img");
    image.className = "result__thumb";
    image.src = data.meta.image;
    // The title beside it says what the article is; the picture adds nothing to read aloud.
    image.alt = "";
    image.loading = "lazy";
    item.append(image);
  }
  const heading = document.createElement("h2");
  heading.className = "result__title";
  const link = document.createElement("a");
  link.href = withoutEmptyHighlight(data.url);
  link.textContent = data.meta.title ?? data.url;
  Object.assign(link, own);
  heading.append(link);
  item.append(heading);
  // The date and "By" are the site's words; the dateline and names are the article's, in its language.
  const facts: (string | HTMLElement)[][] = [];
  if (data.meta.date) facts.push([data.meta.date]);
  if (data.meta.dateline) facts.push([inLanguage(data.meta.dateline, own)]);
  if (data.meta.byline) facts.push(["By ", inLanguage(data.meta.byline, own)]);
  if (facts.length > 0) {
    const meta = document.createElement("p");
    meta.className = "result__meta";
    meta.append(...facts.flatMap((fact, i) => (i > 0 ? [" · ", ...fact] : fact)));
    item.append(meta);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "result__excerpt";
  Object.assign(excerpt, own);
  // Without words Pagefind's excerpt is the page's opening (section, headline, byline, date again):
  // the article's summary says more. With words, the excerpt is the page's own text around them,
  // HTML-escaped, with <mark> around the matched words.
  if (browsing && data.meta.summary) excerpt.textContent = data.meta.summary;
  else excerpt.innerHTML = data.excerpt;
  item.append(excerpt);
  return item;
}

/**
 * Loads and appends the results up to `upTo`; returns the first appended item, if any. Batches
 * wait for one another, and the results they take are claimed at once, so that a stage arriving
 * meanwhile places its results after them.
 */
function showResults(shown: Shown, upTo: number, id: number): Promise<HTMLLIElement | undefined> {
  const next = shown.rendering.then(async () => {
    if (!list || !more || id !== runId || current !== shown) return undefined;
    const from = shown.claimed;
    const taken = shown.results.slice(from, upTo);
    shown.claimed += taken.length;
    const batch = await Promise.all(taken.map((r) => r.data()));
    if (id !== runId || current !== shown) return undefined;
    const items = batch.map((data) => renderResult(data, shown.index.language, shown.browsing));
    list.append(...items);
    updateMore(shown);
    return items[0];
  });
  shown.rendering = next.catch(() => undefined);
  return next;
}

/** "Show more" is offered while results found are not shown yet. */
function updateMore(shown: Shown): void {
  if (more) more.hidden = shown.claimed >= shown.results.length;
}

function describe(view: SearchState, count: number): string {
  if (view.query !== "") {
    return count === 0
      ? `No articles match “${view.query}”.`
      : `${plural(count, "result", "results")} for “${view.query}”`;
  }
  if (hasFilters(view.filters)) {
    return count === 0
      ? "No articles match these filters."
      : `${plural(count, "article matches", "articles match")} these filters`;
  }
  return `${plural(count, "article", "articles")} in the archive, ${effectiveSort(view) === "oldest" ? "oldest" : "newest"} first`;
}

/** The status while parts are still to be searched: what has been found, and in which years. */
function describeSoFar(
  view: SearchState,
  count: number,
  parts: readonly SearchIndexEntry[],
  ending = "…",
): string {
  const searched = `(searched ${yearsSearched(parts)})${ending}`;
  if (view.query !== "")
    return `${plural(count, "result", "results")} so far for “${view.query}” ${searched}`;
  if (hasFilters(view.filters)) {
    return `${plural(count, "article", "articles")} so far ${count === 1 ? "matches" : "match"} these filters ${searched}`;
  }
  return `${plural(count, "article", "articles")} so far in the archive, ${effectiveSort(view) === "oldest" ? "oldest" : "newest"} first ${searched}`;
}

/** How many results the words have in every part of another language's index. */
async function countIn(language: string, query: string): Promise<number> {
  const index = await languageIndex(language);
  return (await searchParts(index, index.parts, query, {})).results.length;
}

/** Says which other languages have matches for the words, whether or not this one has any. */
async function offerOtherLanguages(
  query: string,
  language: string,
  hereToo: boolean,
  id: number,
): Promise<void> {
  if (!elsewhere) return;
  const others = Object.keys(await loadLanguages()).filter((l) => l !== language);
  const found = await Promise.all(others.map(async (other) => [other, await countIn(other, query)] as const));
  if (id !== runId) return;
  const links = found
    .filter(([, count]) => count > 0)
    .map(([other, count]) => {
      const link = document.createElement("a");
      link.href = urlFor({ ...state, language: other, filters: emptySelection(), pages: 1 });
      link.append(languageName(other));
      link.lang = other;
      const number = document.createElement("span");
      number.textContent = ` (${plural(count, "result", "results")})`;
      return [link, number];
    });
  if (links.length === 0) return;
  elsewhere.replaceChildren(
    hereToo ? "Also found in other languages: " : "Found in other languages: ",
    ...links.flatMap((l, i) => (i > 0 ? [", ", ...l] : l)),
  );
  elsewhere.hidden = false;
}

async function run(): Promise<void> {
  const id = ++runId;
  const view = state;
  if (!status || !list || !more || !elsewhere) return;
  written = undefined;
  status.textContent = view.query === "" ? "Loading…" : `Searching for “${view.query}”…`;
  try {
    const available = await loadLanguages();
    const language = chooseLanguage(view.language, Object.keys(available));
    if (id !== runId) return;
    renderLanguages(available, language);
    showState(view, language);
    if (options) options.hidden = false;
    // The language searched is written into the address whenever there is a choice, so that a
    // shared link shows the same results to a reader whose browser prefers another language.
    const named = Object.keys(available).length > 1 ? language : undefined;
    if (view.language !== named) {
      state = { ...view, language: named };
      history.replaceState(historyState(), "", urlFor(state));
    }
    const index = await languageIndex(language);
    const term = view.query === "" ? null : view.query;
    const sort = effectiveSort(view);
    // Chosen values keep their filter open, so that the choice can be seen and undone.
    for (const { key } of SEARCH_FACETS) if (view.filters[key].length > 0) openFacets.add(key);
    // The parts holding the chosen years only, newest first (oldest for "oldest first"); a view
    // whose years no part holds still asks one part, which finds nothing and counts the filters.
    const planned = planStages(index.parts, sort, view.filters.year);
    const stages = planned.length > 0 ? planned : [index.parts.slice(0, 1)];
    const shown: Shown = {
      view,
      index,
      results: [],
      claimed: 0,
      stages: [],
      complete: false,
      browsing: view.query === "",
      rendering: Promise.resolve(),
    };
    for (const [i, parts] of stages.entries()) {
      const main = await searchParts(index, parts, term, searchOptions(view));
      const counts = await countFacets(index, parts, view, main);
      if (id !== runId) return;
      if (i === 0) {
        current = shown;
        // A reader on a result or "Show more" when the view changes (Back, Forward) keeps a place in it.
        const hadFocus = list.contains(document.activeElement) || document.activeElement === more;
        list.replaceChildren();
        elsewhere.hidden = true;
        shown.results = main.results;
        shown.stages.push({ parts, counts });
        shown.complete = stages.length === 1;
        renderFacets(stageCounts(shown), view, shown.complete);
        await showResults(shown, state.pages * pageSize, id);
        if (id !== runId) return;
        if (hadFocus && !list.contains(document.activeElement) && document.activeElement !== more) {
          (list.querySelector<HTMLElement>(".result__title a") ?? box)?.focus();
        }
      } else {
        // Results already shown stay where they are; the new ones go below them (see addResults).
        shown.results = addResults(shown.results, shown.claimed, main.results, sort);
        shown.stages.push({ parts, counts });
        shown.complete = i === stages.length - 1;
        renderFacets(stageCounts(shown), view, shown.complete);
        // "Show more" may have asked for more pages meanwhile.
        await showResults(shown, state.pages * pageSize, id);
        if (id !== runId) return;
      }
      updateMore(shown);
      // Announced once the results are on the page, so that the count and the list agree.
      status.textContent = shown.complete
        ? describe(view, shown.results.length)
        : describeSoFar(
            view,
            shown.results.length,
            shown.stages.flatMap((stage) => stage.parts),
          );
      // A filter opened while this stage ran is counted over the stages before it too.
      if (needsCounts(shown)) await fillCounts(shown, id);
      if (id !== runId) return;
      // Names the search in tabs, bookmarks and the history list, which otherwise all read "Search".
      document.title = view.query === "" ? pageTitle : `“${view.query}” – ${pageTitle}`;
    }
    // Asked after the results are shown, so that other languages never delay them.
    if (view.query !== "") await offerOtherLanguages(view.query, language, shown.results.length > 0, id);
  } catch (error) {
    const partial = current?.view === view && !current.complete ? current : undefined;
    if (id === runId && partial) {
      // The results found so far stay; the status says which years they come from.
      status.textContent = `${describeSoFar(
        view,
        partial.results.length,
        partial.stages.flatMap((stage) => stage.parts),
        ".",
      )} The other years could not be searched. Please reload the page to try again.`;
    } else if (id === runId) {
      status.textContent = "Search could not be loaded. Please reload the page to try again.";
      // Every article can still be reached by browsing; the room kept for results is given back.
      if (browse) browse.hidden = false;
      app?.setAttribute("data-failed", "");
    }
    throw error;
  }
}

/** Shows a new view and records it in the history, so that Back returns to the one before. */
function go(next: SearchState): void {
  state = next;
  history.pushState(historyState(), "", urlFor(state));
  void run();
}

function formSelection(): SearchState["filters"] {
  return form
    ? parseSearchState(new URLSearchParams(new FormData(form) as unknown as string)).filters
    : emptySelection();
}

form?.addEventListener("submit", (event) => {
  event.preventDefault();
  go({ ...state, query: (box?.value ?? "").trim(), filters: formSelection(), pages: 1 });
});

facets?.addEventListener("change", () => go({ ...state, filters: formSelection(), pages: 1 }));
facets?.addEventListener(
  "toggle",
  (event) => {
    const group = event.target as HTMLDetailsElement;
    const key = group.dataset.facet as FacetKey | undefined;
    if (!key || group.open === openFacets.has(key)) return;
    if (group.open) openFacets.add(key);
    else openFacets.delete(key);
    history.replaceState(historyState(), "", location.href);
    if (group.open) void refreshFacets();
  },
  true,
);

/** Counts the filters after one is opened, over the parts searched so far, leaving the results as they are. */
async function refreshFacets(): Promise<void> {
  // The written list has no counts to show: the index is asked for the same view.
  if (!current) return run();
  await fillCounts(current, runId);
}

facets?.addEventListener("click", (event) => {
  const key = (event.target as HTMLElement).closest<HTMLButtonElement>(".facet__more")?.dataset.facet as
    FacetKey | undefined;
  if (!key) return;
  if (!expandedFacets.delete(key)) expandedFacets.add(key);
  renderFacets(shownCounts, state, shownComplete);
});

sortSelect?.addEventListener("change", () => go({ ...state, sort: sortSelect.value as SortOrder, pages: 1 }));

languageSelect?.addEventListener("change", () =>
  go({ ...state, language: languageSelect.value, filters: emptySelection(), pages: 1 }),
);

// Set while a batch loads: a second press meanwhile would append the same results again.
let loadingMore = false;
more?.addEventListener("click", () => {
  if (written !== undefined) {
    showMoreOfWritten();
    return;
  }
  if (!current || loadingMore) return;
  loadingMore = true;
  state = { ...state, pages: Math.ceil(current.claimed / pageSize) + 1 };
  history.replaceState(historyState(), "", urlFor(state));
  void showResults(current, current.claimed + pageSize, runId)
    .then((first) => {
      // Focus moves to the first new result, never to the page top when the button hides.
      first?.querySelector("a")?.focus();
    })
    .finally(() => {
      loadingMore = false;
    });
});

// Arrow keys move between results; Down from the search box goes to the first one.
function resultLinks(): HTMLAnchorElement[] {
  return [...(list?.querySelectorAll<HTMLAnchorElement>(".result__title a") ?? [])];
}
list?.addEventListener("keydown", (event) => {
  const links = resultLinks();
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at < 0) return;
  const target = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }[event.key];
  if (target === undefined) return;
  event.preventDefault();
  if (target < 0) box?.focus();
  else links[Math.min(target, links.length - 1)]?.focus();
});
box?.addEventListener("keydown", (event) => {
  if (event.key !== "ArrowDown") return;
  const first = resultLinks()[0];
  if (!first) return;
  event.preventDefault();
  first.focus();
});

window.addEventListener("popstate", (event) => {
  state = parseSearchState(new URLSearchParams(location.search));
  openFacets.clear();
  for (const key of openFacetsIn(event.state)) openFacets.add(key);
  void run();
});

/** "Show more" under the written list: the index shows the view with one batch more. */
function showMoreOfWritten(): void {
  if (loadingMore) return;
  loadingMore = true;
  state = { ...state, pages: 2 };
  history.replaceState(historyState(), "", urlFor(state));
  void run()
    .then(() => {
      // Focus moves to the first new result, as it does for any batch.
      list?.querySelectorAll<HTMLAnchorElement>(".result__title a")[pageSize]?.focus();
    })
    .finally(() => {
      loadingMore = false;
    });
}

/** True when the address asks for the view the page was written with: nothing searched or chosen. */
function isWrittenView(view: SearchState): boolean {
  return (
    view.query === "" &&
    !hasFilters(view.filters) &&
    effectiveSort(view) === "newest" &&
    view.pages === 1 &&
    openFacets.size === 0
  );
}

/**
 * Keeps the written list when it is the view asked for, in the reader's language: the controls
 * are shown and the language named in the address as after a search. Any other view is searched
 * at once.
 */
async function start(): Promise<void> {
  if (written === undefined || !isWrittenView(state)) return run();
  const id = runId;
  const available = await loadLanguages().catch(() => undefined);
  const language = available && chooseLanguage(state.language, Object.keys(available));
  // Anything else asked meanwhile, or an index list that cannot be read, is the search's to show.
  if (id !== runId || written === undefined) return;
  if (!available || language !== written) return run();
  renderLanguages(available, language);
  showState(state, language);
  if (options) options.hidden = false;
  if (facets) facets.hidden = false;
  const named = Object.keys(available).length > 1 ? language : undefined;
  if (state.language !== named) {
    state = { ...state, language: named };
    history.replaceState(historyState(), "", urlFor(state));
  }
  // Pagefind loads once the page is idle (or the reader goes to the search box first), so that a
  // search typed at once does not wait for it; the list above never does. A failure to load
  // is shown by the search that needs it. The first search of a Pagefind instance also pays
  // one-off costs that later ones do not: a search without words, which needs no index chunk or
  // fragment file, pays them meanwhile and downloads nothing.
  let loading: Promise<unknown> | undefined;
  const load = (): void => {
    loading ??= languageIndex(language)
      .then((index) => searchParts(index, index.parts.slice(0, 1), null, {}))
      .catch(() => undefined);
  };
  box?.addEventListener("focus", load, { once: true });
  if (typeof requestIdleCallback === "function") requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 0);
}

// Search runs here, so the links offered to readers without JavaScript step aside until it fails.
if (browse) browse.hidden = true;
// A written list that is not the view asked for is not shown while the search runs.
if (written !== undefined && !isWrittenView(state)) {
  list?.replaceChildren();
  if (more) more.hidden = true;
}
void start();
