/**
 * The site's search indexes as the search page uses them: the index list (pagefind/indexes.json),
 * one Pagefind instance per language with the parts merged into it as searches need them, and a
 * search over some of those parts. Nothing here touches the page; `browserSource` is what ties it
 * to the browser, and tests give a fake Pagefind instead.
 */
import { SEARCH_INDEXES_FILE, type SearchIndexEntry, type SearchIndexList } from "../../parts/build-part";
import { indexesFor, languagesOf } from "../indexes";
import { PART_FILTER, addCounts, partValue, type FilterCounts } from "../progress";
import { withBase } from "../../lib/urls";
import type { ExcerptSource } from "./excerpt";
import type { PagefindFilters } from "../state";

// The parts of Pagefind's browser API the search page uses (pagefind.js in each index folder).
export interface PagefindResultData extends ExcerptSource {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
export interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}
export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, "asc" | "desc">;
}
export interface PagefindIndexOptions {
  language: string;
  baseUrl: string;
  highlightParam: string;
  mergeFilter?: Record<string, string>;
  metaCacheTag?: string;
}
export interface PagefindInstance {
  preload(term: string | null, options?: PagefindSearchOptions): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
  mergeIndex(path: string, options: PagefindIndexOptions): Promise<void>;
}
export interface PagefindModule {
  createInstance(
    options: Omit<PagefindIndexOptions, "language"> & { basePath: string; noWorker: boolean },
  ): PagefindInstance;
}

/** Where the indexes come from. */
export interface SearchIndexSource {
  /** The index list, asked for again on each visit. */
  readList(): Promise<SearchIndexList>;
  /** Pagefind's script at a URL. */
  loadPagefind(url: string): Promise<PagefindModule>;
  /** Runs `create` while the document says it is in `language`. */
  asLanguage<T>(language: string, create: () => T): T;
}

/** One language's search: its parts, and the one Pagefind instance that merges those it needed. */
export interface LanguageIndex {
  language: string;
  /** The parts holding the language, newest first. */
  parts: SearchIndexEntry[];
  /** Set when the language has several parts: searches are then limited to parts by PART_FILTER. */
  byPart: boolean;
  instance?: Promise<PagefindInstance>;
  /** The parts merged into the instance (the first is its own), by folder. */
  merged: Map<string, Promise<void>>;
}

/** The site's search indexes, loaded as searches need them. */
export interface SearchIndexes {
  /** The pages of every language across the indexes. */
  languages(): Promise<Record<string, { page_count: number }>>;
  /** The parts of one language's index; nothing is loaded from them yet. */
  language(tag: string): Promise<LanguageIndex>;
  /** The language's Pagefind instance with `parts` merged into it. */
  ready(index: LanguageIndex, parts: readonly SearchIndexEntry[]): Promise<PagefindInstance>;
  /** Searches `parts` of a language, loading and merging them first. */
  search(
    index: LanguageIndex,
    parts: readonly SearchIndexEntry[],
    term: string | null,
    options: PagefindSearchOptions,
  ): Promise<PagefindResponse>;
}

/** The indexes read through `source`; result links carry the searched words in `highlightParam`. */
export function createSearchIndexes(source: SearchIndexSource, highlightParam: string): SearchIndexes {
  let pagefindModule: Promise<PagefindModule> | undefined;
  let indexList: Promise<SearchIndexEntry[]> | undefined;
  const languageIndexes = new Map<string, LanguageIndex>();

  /** The site's search indexes: one, or one per range of years when the site was built in parts. */
  const loadIndexes = (): Promise<SearchIndexEntry[]> => {
    indexList ??= source.readList().then(({ indexes }) => {
      if (indexes.length === 0) throw new Error("The search index list is empty");
      return indexes;
    });
    return indexList;
  };

  /** What Pagefind is told about a part: its language, addresses, and what names its version. */
  const partOptions = (index: LanguageIndex, part: SearchIndexEntry): PagefindIndexOptions => ({
    language: index.language,
    baseUrl: withBase("/"),
    highlightParam,
    // Without it Pagefind asks for the entry file anew on every visit (`?ts=` the time); with the
    // part's digest, an unchanged part's entry file comes from the browser's cache.
    ...(part.hash !== undefined && { metaCacheTag: part.hash }),
    ...(index.byPart && { mergeFilter: { [PART_FILTER]: partValue(part) } }),
  });

  const createInstance = async (
    index: LanguageIndex,
    primary: SearchIndexEntry,
  ): Promise<PagefindInstance> => {
    // Every index carries the same pagefind.js: it is loaded once, from the first asked for.
    pagefindModule ??= source.loadPagefind(withBase(`${primary.path}pagefind.js`));
    const module = await pagefindModule;
    const { language, ...options } = partOptions(index, primary);
    // Pagefind picks the index from <html lang> when an instance is created, whatever the options say.
    // In Pagefind's web worker, so that loading the index and searching never block the page:
    // on the main thread they cost a phone hundreds of milliseconds of Total Blocking Time.
    // Pagefind falls back to the main thread if the worker cannot start.
    return source.asLanguage(language, () =>
      module.createInstance({ ...options, basePath: withBase(primary.path), noWorker: false }),
    );
  };

  /**
   * The instance is created on the first part a search needs, so that its WebAssembly loads once;
   * the other parts are added with `mergeIndex` as searches need them, and share it. A part is
   * never fetched before it is needed.
   */
  const ready = async (
    index: LanguageIndex,
    parts: readonly SearchIndexEntry[],
  ): Promise<PagefindInstance> => {
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
  };

  return {
    languages: async () => languagesOf(await loadIndexes()),
    language: async (tag) => {
      const parts = indexesFor(await loadIndexes(), tag);
      let index = languageIndexes.get(tag);
      if (!index) {
        index = { language: tag, parts, byPart: parts.length > 1, merged: new Map() };
        languageIndexes.set(tag, index);
      }
      return index;
    },
    ready,
    /**
     * Pagefind's merged instance searches every index merged into it, so the search is limited to
     * the parts by PART_FILTER. By relevance one search ranks them together; a date order searches
     * each part in turn and puts the results one part after another (Pagefind would interleave
     * merged indexes by position), in the order given. The filter counts are added up, PART_FILTER
     * left out.
     */
    search: async (index, parts, term, options) => {
      const instance = await ready(index, parts);
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
    },
  };
}

/** The indexes as the browser reaches them: the list and Pagefind's script from the site. */
export function browserSource(): SearchIndexSource {
  return {
    readList: async () => {
      // Asked again each visit (answered "not modified" while unchanged): it names the parts' versions.
      const response = await fetch(withBase(`/${SEARCH_INDEXES_FILE}`), { cache: "no-cache" });
      if (!response.ok) throw new Error(`The search index is missing (${response.status})`);
      return (await response.json()) as SearchIndexList;
    },
    loadPagefind: (url) => import(/* @vite-ignore */ url) as Promise<PagefindModule>,
    asLanguage: (language, create) => {
      // The search page's own language is restored at once.
      const html = document.documentElement;
      const own = html.getAttribute("lang");
      html.setAttribute("lang", language);
      try {
        return create();
      } finally {
        if (own === null) html.removeAttribute("lang");
        else html.setAttribute("lang", own);
      }
    },
  };
}
