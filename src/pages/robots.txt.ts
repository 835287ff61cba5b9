import type { APIRoute } from "astro";
import { SITEMAP_INDEX_PATH, absoluteUrl, searchPath, withBase } from "../lib/urls";
import { site } from "../site.config";

/** Lets crawlers in, keeps them out of search results, and points them to the sitemap. */
export const GET: APIRoute = () =>
  new Response(
    [
      "User-agent: *",
      `Disallow: ${withBase(searchPath())}`,
      "",
      `Sitemap: ${absoluteUrl(SITEMAP_INDEX_PATH, site.url)}`,
      "",
    ].join("\n"),
    { headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
