import { getCollection, type CollectionEntry } from "astro:content";
import { compareNewestFirst, isPublic, type ArticleLike } from "../lib/articles";
import { summarize } from "../lib/format";
import { articlePath } from "../lib/urls";

/** Characters of the summary on a list's card. */
const CARD_SUMMARY_LENGTH = 220;

/** A public article with everything its pages need, computed once per build. */
export interface Article extends ArticleLike {
  id: string;
  entry: CollectionEntry<"articles">;
  data: CollectionEntry<"articles">["data"] & { slug: string };
  /** Root-relative URL path, without the base. */
  path: string;
  /** The dek, else the body's opening words, for descriptions, feeds and search results. */
  summary: string;
  /** A longer summary for the cards of lists. */
  cardSummary: string;
}

let archive: Promise<Article[]> | undefined;

/**
 * Every public article, newest first. The only place the collection is loaded; fails
 * the build when an article did not render. (The article loader has already refused
 * invalid files, drafts, shared URLs and aliases that cannot redirect.)
 */
export function getPublicArticles(): Promise<Article[]> {
  archive ??= loadArchive();
  return archive;
}

async function loadArchive(): Promise<Article[]> {
  const entries = await getCollection("articles");
  const all: Article[] = entries.map((entry) => {
    const data = entry.data as Article["data"];
    return {
      id: entry.id,
      entry,
      data,
      file: entry.filePath ?? entry.id,
      path: articlePath({ published: data.published, slug: data.slug }),
      // Made once here: every list card, feed, description and search key would otherwise strip
      // the whole body again.
      summary: summarize(data.dek, entry.body),
      cardSummary: summarize(data.dek, entry.body, CARD_SUMMARY_LENGTH),
    };
  });
  // The glob loader logs a rendering failure and stores the entry without HTML; never publish that.
  const unrendered = all.filter((a) => a.entry.rendered === undefined);
  if (unrendered.length > 0) {
    throw new Error(
      `These articles could not be rendered (see the errors above): ${unrendered.map((a) => a.file).join(", ")}`,
    );
  }
  // Drafts never reach the store (see the article loader); the same gate is applied here so
  // that this list is public by construction.
  return all.filter(isPublic).sort(compareNewestFirst);
}
