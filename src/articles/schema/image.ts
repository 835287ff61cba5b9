import { z } from "astro/zod";
import { isRelativeFilePath } from "../../lib/paths";
import { TextSchema, strictObject } from "./fields";

/** A local image path as written: relative to the article file, never a remote URL. */
export const LocalImagePathSchema = TextSchema.refine(isRelativeFilePath, {
  message:
    "expected a path relative to the article file, e.g. ./images/photo.jpg; for a photo the archive does not hold, leave out src and keep the caption and credit",
});

/**
 * One photo of an article. `src` is the image file; without it the entry records a
 * photo the archive does not hold, shown as its caption and credit.
 */
export function createImageSchema<Src extends z.ZodType>(src: Src) {
  return strictObject(
    {
      /** Image file, relative to the article file. Leave out for a photo the archive does not hold. */
      src: src.optional(),
      /** Text alternative for readers who cannot see the image; required with `src`. */
      alt: TextSchema.optional(),
      /** What the photo shows, in the archive's words. */
      caption: TextSchema.optional(),
      /** Who took or supplied the photo, e.g. "Jason Lee/Pool Photo via AP". */
      credit: TextSchema.optional(),
    },
    "expected an image: src and alt for a file in the archive, or caption and credit for a photo it does not hold",
  ).superRefine((image, ctx) => {
    if (image.src !== undefined && image.alt === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["alt"],
        message: "required whenever src is given: describe the photo for readers who cannot see it",
      });
    }
    if (image.src === undefined && image.caption === undefined && image.credit === undefined) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: "an image needs a src, or a caption or credit recording the photo the archive does not hold",
      });
    }
  });
}
