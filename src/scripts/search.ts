/**
 * The search page: reads the view from the address (words, filters, order, language, how many
 * results), asks Pagefind, and shows filters with counts and the results. Every change is
 * written back to the address, so a reload, a shared link or Back shows the same view.
 * Pagefind's files load only here. The page is written with the newest articles in the site's
 * language, the view before anything is asked, and keeps that list until the reader searches,
 * filters, sorts or asks for more (or reads in another language); Pagefind loads meanwhile.
 */
import { SEARCH_FACETS, limitFacetValues, listFacetValues, type FacetKey } from "../lib/search-filters";
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
} from "../lib/search-state";
import { SEARCH_INDEXES_FILE, type SearchIndexEntry, type SearchIndexList } from "../lib/build-part";
import { indexesFor, languagesOf, yearSlices } from "../lib/search-indexes";
import { withBase } from "../lib/urls";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindResponse {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  filters: FilterCounts;
}
interface PagefindSearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, "asc" | "desc">;
}
interface PagefindInstance {
  preload(term: string | null, options?: PagefindSearchOptions): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
}
interface PagefindMergingInstance extends PagefindInstance {
  mergeIndex(
    path: string,
    options: { language: string; baseUrl: string; highlightParam: string },
  ): Promise<void>;
}
interface PagefindModule {
  createInstance(options: {
    basePath: string;
    baseUrl: string;
    highlightParam: string;
    noWorker: boolean;
  }): PagefindMergingInstance;
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
const instances = new Map<string, Promise<PagefindInstance>>();
let indexList: Promise<SearchIndexEntry[]> | undefined;
let state: SearchState = parseSearchState(new URLSearchParams(location.search));
let current:
  { results: PagefindResponse["results"]; shown: number; language: string; browsing: boolean } | undefined;
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
  indexList ??= fetch(withBase(`/${SEARCH_INDEXES_FILE}`)).then(async (response) => {
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

/** A Pagefind instance searching one language's index. */
function instanceFor(language: string): Promise<PagefindInstance> {
  let instance = instances.get(language);
  if (!instance) {
    instance = createInstance(language);
    instances.set(language, instance);
  }
  return instance;
}

async function createInstance(language: string): Promise<PagefindInstance> {
  const all = await loadIndexes();
  // Every index carries the same pagefind.js: it is loaded once, from the first.
  pagefindModule ??= import(
    /* @vite-ignore */ withBase(`${all[0]!.path}pagefind.js`)
  ) as Promise<PagefindModule>;
  const module = await pagefindModule;
  const [primary = all[0]!, ...others] = indexesFor(all, language);
  // Pagefind picks the index from <html lang> when an instance is created, whatever the
  // options say; the search page's own language is restored at once.
  const html = document.documentElement;
  const own = html.getAttribute("lang");
  html.setAttribute("lang", language);
  let instance: PagefindMergingInstance;
  try {
    // In Pagefind's web worker, so that loading the index and searching never block the page:
    // on the main thread they cost a phone 350-600 ms of Total Blocking Time (Lighthouse mobile,
    // performance 85-92). Pagefind falls back to the main thread if the worker cannot start.
    instance = module.createInstance({
      basePath: withBase(primary.path),
      baseUrl: base,
      highlightParam: HIGHLIGHT_PARAM,
      noWorker: false,
    });
  } finally {
    if (own === null) html.removeAttribute("lang");
    else html.setAttribute("lang", own);
  }
  // The other parts' indexes are searched by the same instance (and its WebAssembly), and
  // ranked together by relevance.
  for (const other of others) {
    await instance.mergeIndex(withBase(other.path), {
      language,
      baseUrl: base,
      highlightParam: HIGHLIGHT_PARAM,
    });
  }
  const holding = [primary, ...others];
  return {
    preload: (term, options) => instance.preload(term, options),
    search: (term, options = {}) => searchInOrder(instance, holding, term, options),
  };
}

/**
 * Searches merged indexes. Pagefind interleaves merged indexes by position when sorting by date,
 * so a date order searches each index's years in turn and puts the results one after another.
 */
async function searchInOrder(
  instance: PagefindInstance,
  indexes: SearchIndexEntry[],
  term: string | null,
  options: PagefindSearchOptions,
): Promise<PagefindResponse> {
  const direction = options.sort?.date;
  const slices = direction ? yearSlices(indexes, direction, options.filters?.year?.any ?? []) : undefined;
  if (slices === undefined || slices.length === 0) return instance.search(term, options);
  const responses = await Promise.all(
    slices.map((years) =>
      instance.search(term, { ...options, filters: { ...options.filters, year: { any: years } } }),
    ),
  );
  const filters: FilterCounts = {};
  for (const response of responses) {
    for (const [key, values] of Object.entries(response.filters)) {
      const sum = (filters[key] ??= {});
      for (const [value, count] of Object.entries(values)) sum[value] = (sum[value] ?? 0) + count;
    }
  }
  return { results: responses.flatMap((response) => response.results), filters };
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
function renderFacets(counts: Partial<Record<FacetKey, Record<string, number>>>, view: SearchState): void {
  if (!facets) return;
  shownCounts = counts;
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
        text.textContent = `${value} (${count})`;
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
 * The counts of every open filter: what each value would give, with the other filters
 * applied and its own not. Loads the value lists of open filters that are not loaded yet.
 */
async function countFacets(
  pagefind: PagefindInstance,
  view: SearchState,
  main: PagefindResponse,
): Promise<Partial<Record<FacetKey, Record<string, number>>>> {
  const term = view.query === "" ? null : view.query;
  const wanted = SEARCH_FACETS.filter(({ key }) => openFacets.has(key) || view.filters[key].length > 0);
  const unloaded = wanted.filter(({ key }) => !(key in main.filters));
  if (unloaded.length > 0) {
    await pagefind.preload(null, {
      filters: Object.fromEntries(unloaded.map(({ key }) => [key, { any: [] }])),
    });
  }
  const fresh = unloaded.length > 0 ? await pagefind.search(term, searchOptions(view)) : main;
  const entries = [];
  for (const { key } of wanted) {
    if (!openFacets.has(key)) continue;
    const response =
      view.filters[key].length === 0
        ? fresh
        : await pagefind.search(term, { filters: pagefindFilters(view.filters, key) });
    entries.push([key, response.filters[key] ?? {}] as const);
  }
  return Object.fromEntries(entries);
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

/** Loads and appends results up to `upTo`; returns the first appended item, if any. */
async function showResults(upTo: number, id: number): Promise<HTMLLIElement | undefined> {
  if (!current || !list || !more) return undefined;
  const { results, language, browsing } = current;
  const batch = await Promise.all(results.slice(current.shown, upTo).map((r) => r.data()));
  if (id !== runId) return undefined;
  const items = batch.map((data) => renderResult(data, language, browsing));
  list.append(...items);
  current.shown += items.length;
  more.hidden = current.shown >= results.length;
  return items[0];
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

/** Says which other languages have matches for the words, whether or not this one has any. */
async function offerOtherLanguages(
  query: string,
  language: string,
  hereToo: boolean,
  id: number,
): Promise<void> {
  if (!elsewhere) return;
  const others = Object.keys(await loadLanguages()).filter((l) => l !== language);
  const found = await Promise.all(
    others.map(
      async (other) => [other, (await (await instanceFor(other)).search(query)).results.length] as const,
    ),
  );
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
    const pagefind = await instanceFor(language);
    const term = view.query === "" ? null : view.query;
    // Chosen values keep their filter open, so that the choice can be seen and undone.
    for (const { key } of SEARCH_FACETS) if (view.filters[key].length > 0) openFacets.add(key);
    const main = await pagefind.search(term, searchOptions(view));
    const counts = await countFacets(pagefind, view, main);
    const { results } = main;
    if (id !== runId) return;
    renderFacets(counts, view);
    current = { results, shown: 0, language, browsing: view.query === "" };
    // A reader on a result or "Show more" when the view changes (Back, Forward) keeps a place in it.
    const hadFocus = list.contains(document.activeElement) || document.activeElement === more;
    list.replaceChildren();
    elsewhere.hidden = true;
    await showResults(view.pages * pageSize, id);
    if (id !== runId) return;
    if (hadFocus && !list.contains(document.activeElement) && document.activeElement !== more) {
      (list.querySelector<HTMLElement>(".result__title a") ?? box)?.focus();
    }
    // Announced once the results are on the page, so that the count and the list agree.
    status.textContent = describe(view, results.length);
    // Names the search in tabs, bookmarks and the history list, which otherwise all read "Search".
    document.title = view.query === "" ? pageTitle : `“${view.query}” – ${pageTitle}`;
    // Asked after the results are shown, so that other languages never delay them.
    if (view.query !== "") await offerOtherLanguages(view.query, language, results.length > 0, id);
  } catch (error) {
    if (id === runId) {
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

/** Recounts the filters after one is opened, leaving the results as they are. */
async function refreshFacets(): Promise<void> {
  const id = runId;
  const view = state;
  // The written list has no counts to show: the index is asked for the same view.
  if (!current) return run();
  const pagefind = await instanceFor(current.language);
  const main = await pagefind.search(view.query === "" ? null : view.query, searchOptions(view));
  const counts = await countFacets(pagefind, view, main);
  if (id === runId) renderFacets(counts, view);
}

facets?.addEventListener("click", (event) => {
  const key = (event.target as HTMLElement).closest<HTMLButtonElement>(".facet__more")?.dataset.facet as
    FacetKey | undefined;
  if (!key) return;
  if (!expandedFacets.delete(key)) expandedFacets.add(key);
  renderFacets(shownCounts, state);
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
  state = { ...state, pages: Math.ceil(current.shown / pageSize) + 1 };
  history.replaceState(historyState(), "", urlFor(state));
  void showResults(current.shown + pageSize, runId)
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
  // one-off costs (at 10,000 articles it took about 60 ms longer than the next): a search without
  // words, which needs no index chunk or fragment file, pays them meanwhile and downloads nothing.
  let loading: Promise<unknown> | undefined;
  const load = (): void => {
    loading ??= instanceFor(language)
      .then((pagefind) => pagefind.search(null))
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
