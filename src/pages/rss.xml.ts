import type { APIRoute } from "astro";
import { getSiteFeed } from "../feeds/feed-data";
import { toRss } from "../feeds/feeds";

/** The latest articles as RSS 2.0. */
export const GET: APIRoute = async () =>
  new Response(toRss(await getSiteFeed()), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
