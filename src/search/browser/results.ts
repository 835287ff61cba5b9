/**
 * One search result as the reader sees it: thumbnail, headline link, date, dateline and byline,
 * and an excerpt of the story's text around the matched words (excerpt.ts).
 */
import type { PagefindResultData } from "./pagefind-client";
import { storyExcerpt } from "./excerpt";

/** How a result is shown. */
export interface ResultContext {
  /** The language of the index searched. */
  language: string;
  /** The site's language: an article in another is marked with its own. */
  siteLanguage: string;
  /** True when no words were searched: the summary then says more than Pagefind's excerpt. */
  browsing: boolean;
  /** Where result links carry the searched words. */
  highlightParam: string;
}

/** Pagefind adds `highlight=` even when there are no words (filters alone); such a link gets none. */
export function withoutEmptyHighlight(url: string, highlightParam: string, from: string): string {
  const parsed = new URL(url, from);
  const words = parsed.searchParams.getAll(highlightParam).filter((word) => word !== "");
  parsed.searchParams.delete(highlightParam);
  for (const word of words) parsed.searchParams.append(highlightParam, word);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** A span of an article's own words, marked with its language when that is not the site's. */
function inLanguage(text: string, attributes: { lang?: string; dir?: string }): HTMLSpanElement {
  const span = document.createElement("span");
  span.textContent = text;
  Object.assign(span, attributes);
  return span;
}

/** The list item of one result. */
export function renderResult(data: PagefindResultData, context: ResultContext): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "result";
  const own = context.language === context.siteLanguage ? {} : { lang: context.language, dir: "auto" };
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
  link.href = withoutEmptyHighlight(data.url, context.highlightParam, location.href);
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
  // With words, the story's own text around them, HTML-escaped, with <mark> around the matched
  // words (excerpt.ts). Without words, or when they are only outside the story (its header, the
  // lead photo's caption, its labels), the article's summary says more than those would.
  const story = context.browsing ? undefined : storyExcerpt(data);
  if (story !== undefined) excerpt.innerHTML = story;
  else if (data.meta.summary) excerpt.textContent = data.meta.summary;
  else excerpt.innerHTML = data.excerpt;
  item.append(excerpt);
  return item;
}
