/**
 * The search page: reads `q` from the address, asks Pagefind, and lists the results.
 * Pagefind's files load only here, only when there is something to search for.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindApi {
  options(options: { baseUrl?: string }): Promise<void>;
  search(query: string): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
}

const PAGE_SIZE = 20;
const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
let api: Promise<PagefindApi> | undefined;

function loadPagefind(): Promise<PagefindApi> {
  api ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await module.options({ baseUrl: base });
    return module;
  })();
  return api;
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "result";
  const heading = document.createElement("h2");
  heading.className = "result__title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  item.append(heading);
  const facts = [data.meta.date, data.meta.dateline, data.meta.byline && `By ${data.meta.byline}`].filter(
    Boolean,
  );
  if (facts.length > 0) {
    const meta = document.createElement("p");
    meta.className = "result__meta";
    meta.textContent = facts.join(" · ");
    item.append(meta);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "result__excerpt";
  // Pagefind's excerpt is the page's own text, HTML-escaped, with <mark> around the matched words.
  excerpt.innerHTML = data.excerpt;
  item.append(excerpt);
  return item;
}

async function run(): Promise<void> {
  const status = document.querySelector<HTMLElement>("#search-status");
  const list = document.querySelector<HTMLOListElement>("#search-results");
  const more = document.querySelector<HTMLButtonElement>("#search-more");
  if (!status || !list || !more) return;
  const query = new URLSearchParams(location.search).get("q")?.trim() ?? "";
  const box = document.querySelector<HTMLInputElement>("#page-search-q");
  if (box) box.value = query;
  if (query === "") {
    status.textContent = "Type words to search for in the box above.";
    return;
  }
  status.textContent = `Searching for “${query}”…`;
  try {
    const pagefind = await loadPagefind();
    const { results } = await pagefind.search(query);
    let shown = 0;
    const showMore = async (): Promise<void> => {
      const batch = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
      list.append(...batch.map(renderResult));
      shown += batch.length;
      more.hidden = shown >= results.length;
    };
    more.addEventListener("click", () => {
      const first = shown;
      void showMore().then(() => list.children[first]?.querySelector("a")?.focus());
    });
    await showMore();
    // Announced once the first results are on the page, so the count and the list agree.
    status.textContent =
      results.length === 0
        ? `No articles match “${query}”.`
        : `${results.length} ${results.length === 1 ? "result" : "results"} for “${query}”`;
  } catch (error) {
    status.textContent = "Search could not be loaded. Please reload the page to try again.";
    throw error;
  }
}

void run();
