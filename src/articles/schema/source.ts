import type { z } from "astro/zod";
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
    },
    "expected a source with publisher, url and retrieved fields",
  );
}
