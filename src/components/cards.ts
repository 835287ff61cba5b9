import ArticleCard from "./ArticleCard.astro";
import CardSet from "./CardSet.astro";
import { getPublicArticles, type Article } from "../archive/collection";
import { renderComponent } from "../lib/render-component";

/** Heading level of a card's title within its list. */
export type CardLevel = 2 | 3;

/** Between two cards of a set: a comment no card can contain, since a card's text is escaped. */
const SEPARATOR = "<!--card-->";

const cardSets = new Map<CardLevel, Promise<Map<Article, string>>>();

/**
 * The card of an article. An article is listed on the home pages, its month and day pages and
 * the page of every label it carries, always with the same card: the cards of the whole archive
 * are rendered in one go, once per heading level, and every list reuses them.
 */
export async function getCardHtml(article: Article, level: CardLevel): Promise<string> {
  let cards = cardSets.get(level);
  if (cards === undefined) {
    cards = renderCardSet(level);
    cardSets.set(level, cards);
  }
  return (await cards).get(article) ?? renderComponent(ArticleCard, { article, level });
}

async function renderCardSet(level: CardLevel): Promise<Map<Article, string>> {
  const articles = await getPublicArticles();
  const html = await renderComponent(CardSet, { articles, level, separator: SEPARATOR });
  const cards = html.split(SEPARATOR);
  // One card before each separator, and nothing after the last.
  if (cards.length !== articles.length + 1) {
    throw new Error(`expected ${articles.length} article cards, found ${cards.length - 1}`);
  }
  return new Map(articles.map((article, i) => [article, cards[i]!]));
}
