import { collectRedirects, type Redirect } from "./redirects";
import { getPublicArticles } from "../archive/collection";

let redirects: Promise<Redirect[]> | undefined;

/**
 * Every old address (alias) of a public article and where it leads, computed once per
 * build. Drafts have none. The redirect pages and the `_redirects` file are made from it;
 * lists of the site's pages (a sitemap) must leave these addresses out.
 */
export function getRedirects(): Promise<Redirect[]> {
  redirects ??= getPublicArticles().then(collectRedirects);
  return redirects;
}
