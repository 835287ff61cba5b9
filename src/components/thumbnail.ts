import { getImage } from "astro:assets";
import type { Article } from "../archive/collection";

/**
 * A small copy of the article's lead photo, made once per article whatever asks for it (the same
 * options give the same file). Called while a page renders, so that the page is known to use it.
 */
export function articleThumbnail(article: Article): ReturnType<typeof getImage> | undefined {
  const lead = article.data.images[0]?.src;
  return lead ? getImage({ src: lead, width: Math.min(lead.width, 160), format: "webp" }) : undefined;
}
