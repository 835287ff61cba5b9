import type { APIRoute } from "astro";
import { getSiteFeed } from "../feeds/feed-data";
import { toJsonFeed } from "../feeds/feeds";

/** The latest articles as JSON Feed 1.1. */
export const GET: APIRoute = async () =>
  new Response(toJsonFeed(await getSiteFeed()), {
    headers: { "Content-Type": "application/feed+json; charset=utf-8" },
  });
