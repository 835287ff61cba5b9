import type { APIRoute } from "astro";
import { SITEMAP_INDEX_PATH, absoluteUrl } from "../lib/urls";
import { site } from "../site.config";

/**
 * Lets crawlers in everywhere and points them to the sitemap. The search page is not shut out:
 * every `/search/?q=…` is the same static page with its canonical link to `/search/`, so crawlers
 * see one page, and a Disallow line would cost it Lighthouse's SEO check ("blocked from indexing").
 * It stays out of the sitemap.
 */
export const GET: APIRoute = () =>
  new Response(
    ["User-agent: *", "Allow: /", "", `Sitemap: ${absoluteUrl(SITEMAP_INDEX_PATH, site.url)}`, ""].join("\n"),
    { headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
