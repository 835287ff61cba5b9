import { z } from "astro/zod";
import { TextSchema, WebUrlSchema, strictObject } from "./fields";

/** Where an archived copy was retrieved from: shown as "Retrieved 27 April 2024 from Phys.org". */
export function createSourceSchema<DateSchema extends z.ZodType>(date: DateSchema) {
  return strictObject(
    {
      /** The site or publication the copy came from. */
      publisher: TextSchema,
      /** The address of the original. */
      url: WebUrlSchema.optional(),
      /** The day the copy was retrieved. */
      retrieved: date.optional(),
      /** What the source calls the story (a feed item's id, a NewsML-G2 guid): how an import finds it again. */
      id: TextSchema.optional(),
      /** The source's version of the story that was imported. */
      version: z
        .union([TextSchema, z.number().transform(String)], {
          error: "expected a version, e.g. 3 or 2016-06-15T10:00:00Z",
        })
        .optional(),
      /** A hash of the text as imported, written by npm run import: how it knows the source's text changed. */
      fingerprint: TextSchema.optional(),
    },
    "expected a source with publisher, url, retrieved, id, version and fingerprint fields",
  );
}
