import { collectRedirects, type Redirect } from "./redirects";
import { getPublicArticles } from "../archive/collection";
import { getBrowseData } from "../archive/browse-data";
import { entityRedirects } from "../entities/label-redirects";
import { getSiteEntities } from "../entities/site-registry";
import { site } from "../site.config";

let redirects: Promise<Redirect[]> | undefined;

/**
 * Every old address and where it leads, computed once per build: the aliases of public articles
 * (drafts have none), and the pages of entities' other names (src/entities/label-redirects.ts).
 * The redirect pages and the `_redirects` file are made from it; lists of the site's pages (a
 * sitemap) must leave these addresses out.
 */
export function getRedirects(): Promise<Redirect[]> {
  redirects ??= Promise.all([getPublicArticles(), getBrowseData()]).then(([articles, { labels }]) => {
    const pages = new Map<string, number>();
    for (const [kind, groups] of labels) {
      for (const group of groups)
        pages.set(`${kind}/${group.slug}`, Math.ceil(group.articles.length / site.pageSize));
    }
    const ofEntities = entityRedirects(
      getSiteEntities().registry,
      (kind, slug) => pages.get(`${kind}/${slug}`) ?? 0,
    );
    return [
      ...collectRedirects(articles),
      ...ofEntities.map((r): Redirect => ({
        alias: r.from,
        target: r.to,
        title: r.name,
        language: site.defaultLanguage,
        noun: "page",
      })),
    ].sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0));
  });
  return redirects;
}
