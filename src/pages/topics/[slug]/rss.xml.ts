import type { APIRoute, GetStaticPaths } from "astro";
import type { Article } from "../../../archive/collection";
import { allYearsRoutes } from "../../../parts/built-here";
import { articleBody, withCacheKeys } from "../../../archive/cache-keys";
import { getFeedTopics, getTopicFeed } from "../../../feeds/feed-data";
import type { LabelGroup } from "../../../lib/labels";
import { toRss } from "../../../feeds/feeds";

/** A feed for every topic; an entry carries the article's body. */
export const getStaticPaths = (async () =>
  withCacheKeys(
    allYearsRoutes(await getFeedTopics()).map((topic) => ({
      params: { slug: topic.slug },
      props: { topic },
    })),
    ({ props }) => props.topic.articles.map(articleBody),
  )) satisfies GetStaticPaths;

/** The latest articles on one topic as RSS 2.0. */
export const GET: APIRoute<{ topic: LabelGroup<Article> }> = async ({ props }) =>
  new Response(toRss(await getTopicFeed(props.topic)), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
