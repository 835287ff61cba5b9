import { paginate, type Page } from "../lib/articles";
import { site } from "../site.config";
import { getPublicArticles, type Article } from "./collection";

let homePages: Promise<Page<Article>[]> | undefined;

/** The home list's pages, newest first, computed once per build. */
export function getHomePages(): Promise<Page<Article>[]> {
  homePages ??= getPublicArticles().then((articles) => paginate(articles, site.pageSize));
  return homePages;
}
