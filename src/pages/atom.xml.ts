import type { APIRoute } from "astro";
import { getSiteFeed } from "../data/feeds";
import { toAtom } from "../lib/feeds";

/** The latest articles as Atom 1.0. */
export const GET: APIRoute = async () =>
  new Response(toAtom(await getSiteFeed()), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8" },
  });
