import { z } from "astro/zod";
import { parseWrittenDate, DateFormatError, type WrittenDate } from "../../lib/dates";
import { unknownFieldMessage } from "../suggest";

/** Non-empty text, trimmed. */
export const TextSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? "required"
        : issue.input === null
          ? "is empty: write a value after the colon"
          : "expected text; put a value that YAML reads as something else in quotes",
  })
  .trim()
  .min(1, "must not be empty");

/**
 * A name: text in one Unicode form (NFC) with single spaces, so that a name pasted with a
 * decomposed accent or a doubled space is the same name, with the same page, as it typed.
 */
export const NameSchema = TextSchema.transform((value) => value.normalize("NFC").replace(/\s+/g, " "));

/** One name or a list of names, always read as a list without repeats. */
export const NameListSchema = z
  .preprocess(
    // One name may stand alone; "A, B" is kept as text so that it is refused below.
    (value) => (typeof value === "string" && !value.includes(",") ? [value] : value),
    z.array(NameSchema, {
      error: (issue) =>
        issue.input === null
          ? "is empty: write a value after the colon, or remove the line"
          : typeof issue.input === "string"
            ? `"${issue.input}" reads as several names in one: if it is one name, put it in quotes ("${issue.input}"); if it is several, write a list ([${issue.input}])`
            : "expected a name or a list of names, e.g. [Gerry Shih]",
    }),
  )
  .transform((names) => [...new Set(names)]);

/** A date as written (YYYY-MM-DD, or a date-time with offset), never shifted by a timezone. */
export function createWrittenDateSchema(timezone: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? "required: write a date like 2016-06-14 or 2016-06-14T09:30:00+08:00"
          : "expected a date like 2016-06-14 or 2016-06-14T09:30:00+08:00",
    })
    .transform((value, ctx): WrittenDate => {
      try {
        return parseWrittenDate(value, timezone);
      } catch (error) {
        if (!(error instanceof DateFormatError)) throw error;
        ctx.addIssue({ code: "custom", message: error.message });
        return z.NEVER;
      }
    });
}

/** An absolute http(s) URL. */
export const WebUrlSchema = TextSchema.refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value), {
  message: "expected a web address starting with https:// or http://",
});

/**
 * An object that rejects keys it does not know, suggesting the closest known one
 * (`publised` → `published`). `expected` says what to write when the value is not an object.
 */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, expected?: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => unknownFieldMessage(key, known)).join("\n");
      }
      return issue.code === "invalid_type" ? expected : undefined;
    },
  });
}
