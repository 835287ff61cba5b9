import type { z } from "astro/zod";
import { TextSchema, strictObject } from "./fields";

/** A correction notice shown on the article page. */
export function createCorrectionSchema<DateSchema extends z.ZodType>(date: DateSchema) {
  return strictObject(
    {
      /** When the correction was made. */
      date,
      /** What was corrected. */
      text: TextSchema,
    },
    "expected a correction with a date and text",
  );
}
