import type { APIRoute, GetStaticPaths } from "astro";
import { getTopicFeeds } from "../../../data/feeds";
import { toRss, type FeedChannel } from "../../../lib/feeds";

export const getStaticPaths = (async () =>
  (await getTopicFeeds()).map(({ slug, feed }) => ({
    params: { slug },
    props: { feed },
  }))) satisfies GetStaticPaths;

/** The latest articles on one topic as RSS 2.0. */
export const GET: APIRoute<{ feed: Promise<FeedChannel> }> = async ({ props }) =>
  new Response(toRss(await props.feed), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
