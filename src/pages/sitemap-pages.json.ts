import type { APIRoute } from "astro";
import { getPublicArticles } from "../data/archive";
import { collectSitemapPages } from "../lib/sitemap";
import { site } from "../site.config";

/**
 * The sitemap's pages and dates, for the sitemap step of the build (src/integrations/sitemap.ts),
 * which reads this file and removes it: it is never published.
 */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(collectSitemapPages(await getPublicArticles(), site.timezone)), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
