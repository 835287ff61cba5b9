import { getCollection, type CollectionEntry } from "astro:content";
import { compareNewestFirst, isPublic, type ArticleLike } from "../lib/articles";
import { BODY_FACTS_KEY, type BodyFacts } from "../articles/markdown";
import type { ArticleBody } from "../articles/article-body";
import { articlePath } from "../lib/urls";
import { throwIfStoreUnread } from "../build/content-store";

/** A public article with everything its pages need, computed once per build. */
export interface Article extends ArticleLike {
  id: string;
  /** The stored entry: its data and file, without the body (see ArticleBody). */
  entry: CollectionEntry<"articles">;
  data: CollectionEntry<"articles">["data"] & { slug: string };
  /** Root-relative URL path, without the base. */
  path: string;
  /** The dek, else the body's opening words, for descriptions, feeds and search results. */
  summary: string;
  /** A longer summary for the cards of lists. */
  cardSummary: string;
  /** What the page that renders the body needs of it (src/articles/article-body.ts); lists show none of it. */
  body: ArticleBody;
}

let archive: Promise<Article[]> | undefined;

/**
 * Every public article, newest first. The only place the collection is loaded. (The article
 * loader has already refused invalid files, drafts, shared URLs and aliases that cannot redirect.)
 */
export function getPublicArticles(): Promise<Article[]> {
  archive ??= loadArchive();
  return archive;
}

async function loadArchive(): Promise<Article[]> {
  const entries = await getCollection("articles");
  throwIfStoreUnread();
  const all: Article[] = entries.map((stored) => {
    const { [BODY_FACTS_KEY]: facts, ...data } = stored.data as Article["data"] & {
      [BODY_FACTS_KEY]?: BodyFacts;
    };
    if (facts === undefined) {
      // Only an older version of the article loader stores an entry without them.
      throw new Error(
        `The content store holds ${stored.filePath ?? stored.id} without the facts of its body; delete the content cache (data-store.json) and build again.`,
      );
    }
    const { summary, cardSummary, ...body } = facts;
    return {
      id: stored.id,
      entry: { ...stored, data },
      data,
      file: stored.filePath ?? stored.id,
      path: articlePath({ published: data.published, slug: data.slug }),
      summary,
      cardSummary,
      body,
    };
  });
  // Drafts never reach the store (see the article loader); the same gate is applied here so
  // that this list is public by construction.
  return all.filter(isPublic).sort(compareNewestFirst);
}
