import type { APIRoute } from "astro";
import { getPublicArticles } from "../archive/collection";
import { getDatedPagePaths } from "../archive/browse-pages";
import { collectSitemapPages } from "../addresses/sitemap";
import { site } from "../site.config";

/**
 * The sitemap's pages and dates, for the sitemap step of the build (src/addresses/sitemap-integration.ts),
 * which reads this file and removes it: it is never published.
 */
export const GET: APIRoute = async () => {
  const pages = collectSitemapPages(await getPublicArticles(), site.timezone);
  // Built in parts, the sitemap is written by the part without the dated pages: it lists theirs too.
  const elsewhere = site.part.kind === "all-years" ? { elsewhere: await getDatedPagePaths() } : {};
  return new Response(JSON.stringify({ ...pages, ...elsewhere }), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
