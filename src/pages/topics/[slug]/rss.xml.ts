import type { APIRoute, GetStaticPaths } from "astro";
import type { Article } from "../../../data/archive";
import { allYearsRoutes } from "../../../data/build-part";
import { articleBody, withCacheKeys } from "../../../data/cache-keys";
import { getFeedTopics, getTopicFeed } from "../../../data/feeds";
import type { LabelGroup } from "../../../lib/labels";
import { toRss } from "../../../lib/feeds";

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
