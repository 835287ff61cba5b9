/**
 * The search page: reads the view from the address (words, filters, order, language, how many
 * results), asks Pagefind, and shows filters with counts and the results. Every change is
 * written back to the address, so a reload, a shared link or Back shows the same view.
 * Pagefind's files load only here. The page is written with the newest articles in the site's
 * language, the view before anything is asked, and keeps that list until the reader searches,
 * filters, sorts or asks for more (or reads in another language); Pagefind loads meanwhile.
 *
 * This file wires the page; the indexes are in pagefind-client.ts, the filter counts in
 * facet-counts.ts, the results in results.ts and the words above them in status.ts.
 */
import { SEARCH_FACETS, type FacetKey } from "../filters";
import {
  effectiveSort,
  emptySelection,
  isNarrowed,
  pagefindFilters,
  pagefindSort,
  parseSearchState,
  searchStateParams,
  type SearchState,
  type SortOrder,
} from "../state";
import { addResults, planStages } from "../progress";
import { spanOf } from "../date-range";
import {
  browserSource,
  createSearchIndexes,
  type LanguageIndex,
  type PagefindResult,
  type PagefindSearchOptions,
} from "./pagefind-client";
import type { SearchIndexEntry } from "../../parts/build-part";
import { countFacets, needsCounts, stageCounts, type Stage } from "./facet-counts";
import { FilterPanel, openFacetsIn } from "./filter-panel";
import { chooseLanguage, renderLanguages, showState, type SearchControls } from "./controls";
import { renderResult } from "./results";
import { describe, describeSoFar, plural } from "./status";
import { autonym, languageNameIn } from "../../lib/language";
import { withBase } from "../../lib/urls";

const app = document.querySelector<HTMLElement>("#search-app");
const form = document.querySelector<HTMLFormElement>("#search-page-form");
const box = document.querySelector<HTMLInputElement>("#page-search-q");
const options = document.querySelector<HTMLElement>(".search-page__options");
const sortSelect = document.querySelector<HTMLSelectElement>("#search-sort");
const facets = document.querySelector<HTMLElement>("#search-facets");
const status = document.querySelector<HTMLElement>("#search-status");
const elsewhere = document.querySelector<HTMLElement>("#search-elsewhere");
const suggestion = document.querySelector<HTMLElement>("#search-suggestion");
const list = document.querySelector<HTMLOListElement>("#search-results");
const more = document.querySelector<HTMLButtonElement>("#search-more");
// The links to the browse pages, for readers whose browser cannot search.
const browse = document.querySelector<HTMLElement>("#search-browse");
const refine = document.querySelector<HTMLDetailsElement>("#search-refine");
const refineCount = document.querySelector<HTMLElement>("#search-refine-count");
const controls: SearchControls = {
  box,
  sortSelect,
  languageChoice: document.querySelector<HTMLElement>("#search-language-choice"),
  languageSelect: document.querySelector<HTMLSelectElement>("#search-language"),
  from: document.querySelector<HTMLInputElement>("#search-from"),
  to: document.querySelector<HTMLInputElement>("#search-to"),
  clearDates: document.querySelector<HTMLButtonElement>("#search-dates-clear"),
};
const { languageSelect } = controls;

// The loader on article pages marks the words it finds under this name in the address.
const HIGHLIGHT_PARAM = "highlight";
const pageSize = Number(app?.dataset.pageSize) || 10;
const pageTitle = document.title;
const siteLanguage = app?.dataset.defaultLanguage ?? "en";
// Counts and language names as the pages write them ("1,204 articles", "in English").
const locale = app?.dataset.locale || navigator.language;
const numbers = new Intl.NumberFormat(locale);

const indexes = createSearchIndexes(browserSource(), HIGHLIGHT_PARAM);
let state: SearchState = parseSearchState(new URLSearchParams(location.search));

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
const panel = new FilterPanel(facets, openFacetsIn(history.state));

/** The state kept with a history entry beside its address. */
function historyState(): { openFacets: FacetKey[] } {
  return { openFacets: [...panel.open] };
}

function urlFor(next: SearchState): string {
  const query = searchStateParams(next).toString();
  return query === "" ? location.pathname : `${location.pathname}?${query}`;
}

/**
 * Counts the open filters in every stage searched so far that has not counted them (a filter
 * opened while a search runs, or after it), and shows the sums.
 */
async function fillCounts(shown: Shown, id: number): Promise<void> {
  for (const stage of [...shown.stages]) {
    const counts = await countFacets(
      indexes,
      shown.index,
      stage.parts,
      shown.view,
      panel.open,
      undefined,
      stage.counts,
    );
    for (const [key, values] of Object.entries(counts)) stage.counts[key as FacetKey] ??= values;
  }
  if (id === runId && current === shown)
    panel.render(stageCounts(shown.stages, panel.open), shown.view, shown.complete);
}

function searchOptions(view: SearchState, index: LanguageIndex): PagefindSearchOptions {
  return { filters: pagefindFilters(view, spanOf(index.parts)), sort: pagefindSort(effectiveSort(view)) };
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
    const items = batch.map((data) =>
      renderResult(data, {
        language: shown.index.language,
        siteLanguage,
        browsing: shown.browsing,
        highlightParam: HIGHLIGHT_PARAM,
      }),
    );
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

/** How many results the words have in every part of another language's index. */
async function countIn(language: string, query: string): Promise<number> {
  const index = await indexes.language(language);
  return (await indexes.search(index, index.parts, query, {})).results.length;
}

/** Says which other languages have matches for the words, whether or not this one has any. */
async function offerOtherLanguages(
  query: string,
  language: string,
  hereToo: boolean,
  id: number,
): Promise<void> {
  if (!elsewhere) return;
  const others = Object.keys(await indexes.languages()).filter((l) => l !== language);
  const found = await Promise.all(others.map(async (other) => [other, await countIn(other, query)] as const));
  if (id !== runId) return;
  const links = found
    .filter(([, count]) => count > 0)
    .map(([other, count]) => {
      const link = languageLink(other);
      const number = document.createElement("span");
      number.textContent = ` (${plural(numbers, count, "result", "results")})`;
      return [link, number];
    });
  if (links.length === 0) return;
  elsewhere.replaceChildren(
    hereToo ? "Also found in other languages: " : "Found in other languages: ",
    ...links.flatMap((l, i) => (i > 0 ? [", ", ...l] : l)),
  );
  elsewhere.hidden = false;
}

/**
 * "Did you mean …?" for a search that found few results or none: for the words typed that the
 * parts searched lack, the closest they hold, when the same view with them finds articles. A failure to
 * read the word lists only means no suggestion.
 */
async function findSpelling(
  view: SearchState,
  index: LanguageIndex,
  parts: readonly SearchIndexEntry[],
): Promise<SearchState | undefined> {
  try {
    const { suggestQuery } = await import("./did-you-mean");
    const read = async (path: string) => {
      const response = await fetch(withBase(path));
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return (await response.json()) as Record<string, number>;
    };
    const better = await suggestQuery(view.query, parts, index.language, read);
    if (better === undefined) return undefined;
    const next: SearchState = { ...view, query: better, pages: 1 };
    const { results } = await indexes.search(index, parts, better, searchOptions(next, index));
    return results.length > 0 ? next : undefined;
  } catch {
    return undefined;
  }
}

/** Shows "Did you mean …?" with a link to the better view, or nothing. */
function showSpelling(next: SearchState | undefined): void {
  if (!suggestion) return;
  suggestion.hidden = next === undefined;
  if (next === undefined) return;
  const link = document.createElement("a");
  link.href = urlFor(next);
  link.textContent = next.query;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    go(next);
  });
  suggestion.replaceChildren("Did you mean ", link, "?");
}

/** Says how many articles the archive holds in each other language, with a link to browse them. */
function showOtherLanguages(available: Record<string, { page_count: number }>, language: string): void {
  if (!elsewhere) return;
  const others = Object.entries(available).filter(
    ([tag, { page_count }]) => tag !== language && page_count > 0,
  );
  if (others.length === 0) return;
  elsewhere.replaceChildren(
    "Also in the archive: ",
    ...others.flatMap(([other, { page_count }], i) => [
      ...(i > 0 ? [", "] : []),
      languageLink(other),
      ` (${plural(numbers, page_count, "article", "articles")})`,
    ]),
  );
  elsewhere.hidden = false;
}

/** A link to the same search in another language's index, named in that language. */
function languageLink(other: string): HTMLAnchorElement {
  const link = document.createElement("a");
  link.href = urlFor({ ...state, language: other, filters: emptySelection(), pages: 1 });
  link.append(autonym(other));
  link.lang = other;
  return link;
}

async function run(): Promise<void> {
  const id = ++runId;
  const view = state;
  showChosenCount(view);
  if (!status || !list || !more || !elsewhere) return;
  written = undefined;
  status.textContent = view.query === "" ? "Loading…" : `Searching for “${view.query}”…`;
  // What the articles without words or filters are counted in: their language, when there are several.
  let scope: string | undefined;
  try {
    const available = await indexes.languages();
    const language = chooseLanguage(view.language, Object.keys(available), navigator.languages, siteLanguage);
    if (id !== runId) return;
    if (Object.keys(available).length > 1) scope = languageNameIn(language, locale);
    renderLanguages(controls, available, language);
    showState(controls, view, language);
    if (options) options.hidden = false;
    // The language searched is written into the address whenever there is a choice, so that a
    // shared link shows the same results to a reader whose browser prefers another language.
    const named = Object.keys(available).length > 1 ? language : undefined;
    if (view.language !== named) {
      state = { ...view, language: named };
      history.replaceState(historyState(), "", urlFor(state));
    }
    const index = await indexes.language(language);
    const term = view.query === "" ? null : view.query;
    const sort = effectiveSort(view);
    // Chosen values keep their filter open, so that the choice can be seen and undone.
    for (const { key } of SEARCH_FACETS) if (view.filters[key].length > 0) panel.open.add(key);
    // The parts holding the chosen years only, newest first (oldest for "oldest first"); a view
    // whose years no part holds still asks one part, which finds nothing and counts the filters.
    const planned = planStages(index.parts, sort, view.filters.year, { from: view.from, to: view.to });
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
      const main = await indexes.search(index, parts, term, searchOptions(view, index));
      const counts = await countFacets(indexes, index, parts, view, panel.open, main);
      // A misspelt word finds little or nothing: only then are the index's words read, before the
      // results are shown, so that the suggestion above them moves nothing.
      const spelling =
        i === 0 && view.query !== "" && main.results.length < pageSize
          ? await findSpelling(view, index, parts)
          : undefined;
      if (id !== runId) return;
      if (i === 0) {
        current = shown;
        // A reader on a result or "Show more" when the view changes (Back, Forward) keeps a place in it.
        const hadFocus = list.contains(document.activeElement) || document.activeElement === more;
        list.replaceChildren();
        elsewhere.hidden = true;
        showSpelling(spelling);
        // Known before any result: shown with them, so that nothing moves once they are in.
        if (view.query === "" && !isNarrowed(view)) showOtherLanguages(available, language);
        shown.results = main.results;
        shown.stages.push({ parts, counts });
        shown.complete = stages.length === 1;
        panel.render(stageCounts(shown.stages, panel.open), view, shown.complete);
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
        panel.render(stageCounts(shown.stages, panel.open), view, shown.complete);
        // "Show more" may have asked for more pages meanwhile.
        await showResults(shown, state.pages * pageSize, id);
        if (id !== runId) return;
      }
      updateMore(shown);
      // Announced once the results are on the page, so that the count and the list agree.
      status.textContent = shown.complete
        ? describe(numbers, view, shown.results.length, scope)
        : describeSoFar(
            numbers,
            view,
            shown.results.length,
            shown.stages.flatMap((stage) => stage.parts),
            "…",
            scope,
          );
      // A filter opened while this stage ran is counted over the stages before it too.
      if (needsCounts(shown.stages, panel.open)) await fillCounts(shown, id);
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
        numbers,
        view,
        partial.results.length,
        partial.stages.flatMap((stage) => stage.parts),
        ".",
        scope,
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

/** The filters and the date range as the form has them. */
function formSelection(): Pick<SearchState, "filters" | "from" | "to"> {
  if (!form) return { filters: emptySelection(), from: undefined, to: undefined };
  const { filters, from, to } = parseSearchState(
    new URLSearchParams(new FormData(form) as unknown as string),
  );
  return { filters, from, to };
}

form?.addEventListener("submit", (event) => {
  event.preventDefault();
  go({ ...state, query: (box?.value ?? "").trim(), ...formSelection(), pages: 1 });
});

facets?.addEventListener("change", () => go({ ...state, ...formSelection(), pages: 1 }));
// A date picker changes once a whole day is chosen or typed, or the field is cleared.
for (const input of [controls.from, controls.to]) {
  input?.addEventListener("change", () => go({ ...state, ...formSelection(), pages: 1 }));
}
controls.clearDates?.addEventListener("click", () => {
  go({ ...state, from: undefined, to: undefined, pages: 1 });
  controls.from?.focus();
});
facets?.addEventListener(
  "toggle",
  (event) => {
    const group = event.target as HTMLDetailsElement;
    const key = group.dataset.facet as FacetKey | undefined;
    if (!key || group.open === panel.open.has(key)) return;
    if (group.open) panel.open.add(key);
    else panel.open.delete(key);
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
  panel.toggleAll(key, state);
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
  panel.open.clear();
  for (const key of openFacetsIn(event.state)) panel.open.add(key);
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
    !isNarrowed(view) &&
    effectiveSort(view) === "newest" &&
    view.pages === 1 &&
    panel.open.size === 0
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
  const available = await indexes.languages().catch(() => undefined);
  const language =
    available && chooseLanguage(state.language, Object.keys(available), navigator.languages, siteLanguage);
  // Anything else asked meanwhile, or an index list that cannot be read, is the search's to show.
  if (id !== runId || written === undefined) return;
  if (!available || language !== written) return run();
  renderLanguages(controls, available, language);
  showState(controls, state, language);
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
    loading ??= indexes
      .language(language)
      .then((index) => indexes.search(index, index.parts.slice(0, 1), null, {}))
      .catch(() => undefined);
  };
  box?.addEventListener("focus", load, { once: true });
  if (typeof requestIdleCallback === "function") requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 0);
}

/** How many filter values are chosen, on the summary of the sort and filter panel a phone folds away. */
function showChosenCount(view: SearchState): void {
  const dates = view.from !== undefined || view.to !== undefined ? 1 : 0;
  const chosen = SEARCH_FACETS.reduce((n, { key }) => n + view.filters[key].length, dates);
  if (refineCount) refineCount.textContent = chosen > 0 ? ` (${chosen} chosen)` : "";
}

// Beside the results on a wide screen the sort and filters are always open; a phone folds them
// away under the search box until the reader asks, so that the results come first.
const wide = matchMedia("(min-width: 60rem)");
const openOnWideScreens = (): void => {
  if (refine && wide.matches) refine.open = true;
};
openOnWideScreens();
wide.addEventListener("change", openOnWideScreens);
showChosenCount(state);

// Search runs here, so the links offered to readers without JavaScript step aside until it fails.
if (browse) browse.hidden = true;
// A written list that is not the view asked for is not shown while the search runs.
if (written !== undefined && !isWrittenView(state)) {
  list?.replaceChildren();
  if (more) more.hidden = true;
}
void start();
