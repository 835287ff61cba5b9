import type { PagefindFilters } from "../../src/search/state";
import type {
  PagefindIndexOptions,
  PagefindInstance,
  PagefindModule,
  PagefindResponse,
  PagefindSearchOptions,
} from "../../src/search/browser/pagefind-client";

/** A page of a fake index: its words, filters and date. */
export interface FakePage {
  url: string;
  title: string;
  date: string;
  filters: Record<string, string[]>;
}

/** What the fake was asked, in order. */
export type FakeCall =
  | { kind: "create"; basePath: string; options: Omit<PagefindIndexOptions, "language"> }
  | { kind: "merge"; path: string; options: PagefindIndexOptions }
  | { kind: "search"; term: string | null; options: PagefindSearchOptions | undefined }
  | { kind: "preload"; filters: string[] };

/**
 * Pagefind's browser API over pages held in memory, by index folder. Like Pagefind, a merged
 * instance searches every index merged into it, each page carrying its index's mergeFilter;
 * a search ranks pages by how early in the title the word is, or sorts them by date.
 */
export function fakePagefindModule(pages: Record<string, FakePage[]>): {
  module: PagefindModule;
  calls: FakeCall[];
} {
  const calls: FakeCall[] = [];
  const module: PagefindModule = {
    createInstance: ({ basePath, noWorker: _noWorker, ...options }) => {
      calls.push({ kind: "create", basePath, options });
      const merged: { pages: FakePage[]; mergeFilter: Record<string, string> }[] = [
        { pages: pages[basePath] ?? [], mergeFilter: options.mergeFilter ?? {} },
      ];
      const instance: PagefindInstance = {
        preload: async (_term, search) => {
          calls.push({ kind: "preload", filters: Object.keys(search?.filters ?? {}) });
        },
        mergeIndex: async (path, mergeOptions) => {
          calls.push({ kind: "merge", path, options: mergeOptions });
          merged.push({ pages: pages[path] ?? [], mergeFilter: mergeOptions.mergeFilter ?? {} });
        },
        search: async (term, search) => {
          calls.push({ kind: "search", term, options: search });
          const all = merged.flatMap((index) =>
            index.pages.map((page) => ({
              ...page,
              filters: { ...page.filters, ...mapValues(index.mergeFilter, (value) => [value]) },
            })),
          );
          // A key's `any` values, or (under the key `any`) alternatives, one of which must match.
          const matches = (page: { filters: Record<string, string[]> }, filters: PagefindFilters): boolean =>
            Object.entries(filters).every(([key, value]) =>
              Array.isArray(value)
                ? value.some((alternative) => matches(page, alternative))
                : value.any.length === 0 || value.any.some((v) => page.filters[key]?.includes(v)),
            );
          const matching = all.filter(
            (page) =>
              (term === null || page.title.toLowerCase().includes(term.toLowerCase())) &&
              matches(page, search?.filters ?? {}),
          );
          const date = search?.sort?.date;
          const scored = matching.map((page) => ({
            page,
            score: term === null ? 0 : 1 / (1 + page.title.toLowerCase().indexOf(term.toLowerCase())),
          }));
          if (date) scored.sort((a, b) => (a.page.date < b.page.date ? -1 : 1) * (date === "asc" ? 1 : -1));
          else scored.sort((a, b) => b.score - a.score);
          const filters: PagefindResponse["filters"] = {};
          for (const { page } of scored) {
            for (const [key, values] of Object.entries(page.filters)) {
              const counts = (filters[key] ??= {});
              for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
            }
          }
          return {
            results: scored.map(({ page, score }) => ({
              id: page.url,
              score,
              data: async () => ({ url: page.url, excerpt: page.title, meta: { title: page.title } }),
            })),
            filters,
          };
        },
      };
      return instance;
    },
  };
  return { module, calls };
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
