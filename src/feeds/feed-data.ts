import { buildsAllYearsPages } from "../parts/build-part";
import { lastChanged, parseWrittenDate } from "../lib/dates";
import { buildFeedContent, type FeedPhoto } from "./content";
import { FEED_SIZE, newestUpdate, type FeedChannel, type FeedEntry, type FeedImage } from "./feeds";
import { labelSlug, type LabelGroup } from "../lib/labels";
import { absoluteUrl, feedPath, homePagePath, labelIndexPath, labelPath, topicFeedPath } from "../lib/urls";
import { site } from "../site.config";
import { getPublicArticles, type Article } from "../archive/collection";
import { renderArticleBody } from "../articles/article-body";
import { getBrowseData } from "../archive/browse-data";
import { renderComponent } from "../lib/render-component";
import { getSharedPhotos } from "../archive/photos";

const entries = new Map<Article, Promise<FeedEntry>>();

/**
 * The body as the article page shows it, images resolved into the files the build writes. A build
 * of some years (ARCHIVE_YEARS) renders the site's feeds but drops them (the all-years part
 * publishes them): it renders no body for them, since a body of other years is not its to render.
 */
async function renderBody(article: Article): Promise<string> {
  if (!buildsAllYearsPages(site.part)) return "";
  const { Content } = await renderArticleBody(article);
  return renderComponent(Content);
}

async function buildEntry(article: Article): Promise<FeedEntry> {
  const { data } = article;
  const url = absoluteUrl(article.path, site.url);
  const shared = await getSharedPhotos(article);
  const photos: FeedPhoto[] = data.images.map((image, i) => ({ ...image, src: shared[i]?.url }));
  const lead = shared[0];
  const image: FeedImage | undefined = lead && { ...lead };
  return {
    url,
    title: data.title,
    summary: article.summary,
    contentHtml: buildFeedContent({ bodyHtml: await renderBody(article), pageUrl: url, photos }),
    published: data.published,
    updated: lastChanged(data),
    language: data.language,
    authors: data.byline.map((name) => ({
      name,
      url: absoluteUrl(labelPath("authors", labelSlug(name)), site.url),
    })),
    categories: data.topics.map((name) => ({ name, slug: labelSlug(name) })),
    image,
    rights: data.rights,
  };
}

/** The feed entry of an article, made once per build however many feeds carry it. */
function getFeedEntry(article: Article): Promise<FeedEntry> {
  let entry = entries.get(article);
  if (!entry) {
    entry = buildEntry(article);
    entries.set(article, entry);
  }
  return entry;
}

async function channel(
  fields: Pick<FeedChannel, "title" | "description" | "homeUrl" | "feedUrls">,
  articles: readonly Article[],
): Promise<FeedChannel> {
  const items = await Promise.all(articles.slice(0, FEED_SIZE).map(getFeedEntry));
  return {
    ...fields,
    language: site.defaultLanguage,
    categoryScheme: absoluteUrl(labelIndexPath("topics"), site.url),
    publisher: { name: site.name, url: absoluteUrl(homePagePath(1), site.url) },
    // An empty archive has no newest article; its feed says it was built now.
    updated: newestUpdate(items) ?? parseWrittenDate(new Date().toISOString(), site.timezone),
    timezone: site.timezone,
    entries: items,
  };
}

/** The site-wide feed: the latest public articles, newest first. */
export async function getSiteFeed(): Promise<FeedChannel> {
  return channel(
    {
      title: site.name,
      description: site.description,
      homeUrl: absoluteUrl(homePagePath(1), site.url),
      feedUrls: {
        rss: absoluteUrl(feedPath("rss"), site.url),
        atom: absoluteUrl(feedPath("atom"), site.url),
        json: absoluteUrl(feedPath("json"), site.url),
      },
    },
    await getPublicArticles(),
  );
}

/** The topics that have a feed: each with its name, slug and articles, newest first. */
export async function getFeedTopics(): Promise<LabelGroup<Article>[]> {
  return (await getBrowseData()).labels.get("topics") ?? [];
}

/**
 * One topic's RSS feed: its latest articles, newest first. Made when its page is built, not
 * all at once, so a large archive never renders every topic's entries in one go.
 */
export function getTopicFeed(topic: LabelGroup<Article>): Promise<FeedChannel> {
  return channel(
    {
      title: `${topic.name} · ${site.name}`,
      description: `The latest articles on ${topic.name} in ${site.name}.`,
      homeUrl: absoluteUrl(labelPath("topics", topic.slug), site.url),
      feedUrls: { rss: absoluteUrl(topicFeedPath(topic.slug), site.url) },
    },
    topic.articles,
  );
}
