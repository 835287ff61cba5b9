import type { Article } from "./archive";
import ArticleCard from "../components/ArticleCard.astro";
import { renderComponent } from "./container";

/** Heading level of a card's title within its list. */
export type CardLevel = 2 | 3;

const cards = new Map<string, Promise<string>>();

/**
 * The card of an article, rendered once per heading level: an article is listed on the home
 * pages, its month and day pages and the page of every label it carries, with the same card.
 */
export function getCardHtml(article: Article, level: CardLevel): Promise<string> {
  const key = `${level} ${article.id}`;
  let html = cards.get(key);
  if (html === undefined) {
    html = renderComponent(ArticleCard, { article, level });
    cards.set(key, html);
  }
  return html;
}
