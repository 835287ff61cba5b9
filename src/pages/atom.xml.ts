import type { APIRoute } from "astro";
import { getSiteFeed } from "../feeds/feed-data";
import { toAtom } from "../feeds/feeds";

/** The latest articles as Atom 1.0. */
export const GET: APIRoute = async () =>
  new Response(toAtom(await getSiteFeed()), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8" },
  });
