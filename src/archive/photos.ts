import { getImage } from "astro:assets";
import type { ImageMetadata } from "astro";
import type { PublishedPhoto } from "../lib/structured-data";
import { absoluteAssetUrl } from "../lib/urls";
import { site } from "../site.config";
import type { Article } from "./collection";

/** An archive photo as feeds, link previews and structured data point to it. */
export interface SharedPhoto extends PublishedPhoto {
  /** Media type, e.g. "image/jpeg". */
  type: string;
}

// Feed readers and link previews show photos at most column-wide; a larger copy only costs bandwidth.
const SHARED_WIDTH = 1200;
// Formats every feed reader and preview displays; anything else is converted to JPEG.
const SHARED_FORMATS = new Set(["jpeg", "jpg", "png", "gif", "webp"]);

const photos = new Map<Article, Promise<(SharedPhoto | undefined)[]>>();

async function sharedCopy(src: ImageMetadata) {
  const format = SHARED_FORMATS.has(src.format) ? src.format : "jpg";
  const image = await getImage({ src, width: Math.min(src.width, SHARED_WIDTH), format });
  return {
    url: absoluteAssetUrl(image.src, site.url),
    type: `image/${format === "jpg" ? "jpeg" : format}`,
    width: Number(image.attributes.width),
    height: Number(image.attributes.height),
  };
}

/**
 * An article's photos in order, each as an absolute URL of a copy the build writes, or
 * undefined for a photo the archive does not hold. Made once per build per article.
 */
export function getSharedPhotos(article: Article): Promise<(SharedPhoto | undefined)[]> {
  let result = photos.get(article);
  if (!result) {
    result = Promise.all(
      article.data.images.map(async (image) =>
        image.src
          ? {
              ...(await sharedCopy(image.src)),
              alt: image.alt ?? "",
              caption: image.caption,
              credit: image.credit,
            }
          : undefined,
      ),
    );
    photos.set(article, result);
  }
  return result;
}
