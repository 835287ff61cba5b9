import { z } from "astro/zod";
import { isNotBefore, type WrittenDate } from "../../lib/dates";
import { canonicalLanguage } from "../../lib/language";
import { findAliasProblem, isSitePath } from "../../lib/paths";
import { SLUG_PATTERN } from "../../lib/slugs";
import { createCorrectionSchema } from "./correction";
import { NO_ENTITIES, type EntityRegistry } from "../../entities/registry";
import type { LabelKind } from "../../lib/urls";
import { NameListSchema, NameSchema, TextSchema, createWrittenDateSchema, strictObject } from "./fields";
import { LocalImagePathSchema, createImageSchema } from "./image";
import { createSourceSchema } from "./source";

/** The fields that take one name or a list of names. */
export const NAME_LIST_FIELDS = ["byline", "topics", "people", "organizations", "places"] as const;

/** What the article schema needs from the site and the build. */
export interface ArticleSchemaOptions<Src extends z.ZodType = typeof LocalImagePathSchema> {
  /** Language of articles that do not set one. */
  defaultLanguage: string;
  /** Site timezone: places a bare date's midnight for sorting. */
  timezone: string;
  /** How `images[].src` is read: a path string in tools, Astro's `image()` in the build. */
  imageSrc?: Src;
  /** The entity registry: a label naming an entity is kept under the entity's shown name. */
  entities?: EntityRegistry;
}

/** The frontmatter of one article: the contract's fields and every rule on them. */
export function createArticleSchema<Src extends z.ZodType = typeof LocalImagePathSchema>({
  defaultLanguage,
  timezone,
  imageSrc,
  entities = NO_ENTITIES,
}: ArticleSchemaOptions<Src>) {
  const date = createWrittenDateSchema(timezone);
  // Labels as the archive files them: a name of an entity becomes the entity's shown name.
  const names = (kind: LabelKind) =>
    NameListSchema.default([]).transform((list) => [
      ...new Set(list.map((n) => entities.shownName(kind, n))),
    ]);
  const name = (kind: LabelKind) => NameSchema.transform((n) => entities.shownName(kind, n));
  return strictObject({
    /** The headline. */
    title: TextSchema,
    /** Optional standfirst under the headline. */
    dek: TextSchema.optional(),
    /** Publication date as written: YYYY-MM-DD or a date-time with offset. Gives the URL's date. */
    published: date,
    /** Last update, not before `published`. */
    updated: date.optional(),
    /** The writers: one name or a list. */
    byline: names("authors"),
    /** Wire service or originating news organisation. */
    agency: name("agencies").optional(),
    /** Where the story was filed. */
    dateline: TextSchema.optional(),
    /** The section, one value: a name, tidied as agencies and topics are, since it has a page. */
    section: name("sections").optional(),
    /** Subjects of the story. */
    topics: names("topics"),
    /** People the story is about. */
    people: names("people"),
    /** Organisations the story is about. */
    organizations: names("organizations"),
    /** Places the story is about. */
    places: names("places"),
    /** Photos; the first is the lead image. */
    images: z
      .array(createImageSchema((imageSrc ?? LocalImagePathSchema) as Src), {
        error: "expected a list of images, each with src/alt or caption/credit",
      })
      .default([]),
    /** Provenance of an archived copy. */
    source: createSourceSchema(date).optional(),
    /** Copyright line, shown as written. */
    rights: TextSchema.optional(),
    /** BCP 47 language tag of the article. */
    language: TextSchema.default(defaultLanguage).transform((tag, ctx) => {
      const canonical = canonicalLanguage(tag);
      if (canonical) return canonical;
      ctx.addIssue({
        code: "custom",
        message: `"${tag}" is not a BCP 47 language tag of a known language; write e.g. en, fr, ar or zh-Hans`,
      });
      return z.NEVER;
    }),
    /** The URL slug; the file name without .md when left out. */
    slug: z
      .string({ error: "expected text such as china-us-cybersecurity-talks" })
      .trim()
      .regex(SLUG_PATTERN, {
        message:
          "expected lowercase ASCII letters, digits and single hyphens, e.g. china-us-cybersecurity-talks",
      })
      .optional(),
    /** Old URLs that redirect here. */
    aliases: z
      .array(
        TextSchema.refine(isSitePath, {
          message:
            "expected a path on this site starting with a single /, without spaces, ?, # or . and .. segments, e.g. /news/old-address.html",
        }).superRefine((alias, ctx) => {
          // One message an alias: a path that is not a site path already has its own.
          const problem = isSitePath(alias) ? findAliasProblem(alias) : undefined;
          if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
        }),
        { error: "expected a list of old paths, e.g. [/news/old-address.html]" },
      )
      .default([]),
    /** Correction notices. */
    corrections: z
      .array(createCorrectionSchema(date), {
        error: "expected a list of corrections, each with a date and text",
      })
      .default([]),
    /** A draft reaches no page, list, feed, sitemap, search index or redirect. */
    draft: z.boolean({ error: "expected true or false" }).default(false),
  }).superRefine(
    (article, ctx) => {
      // Runs even when other fields failed, so every problem is reported at once: check
      // that both dates were parsed before comparing them.
      const { published, updated } = article as { published?: unknown; updated?: unknown };
      if (!isWrittenDate(updated) || !isWrittenDate(published)) return;
      if (!isNotBefore(updated, published)) {
        ctx.addIssue({
          code: "custom",
          path: ["updated"],
          message: `${updated.written} is before published (${published.written}); updated must not be earlier`,
        });
      }
    },
    {
      when: (payload) =>
        !payload.issues.some((issue) => issue.path?.[0] === "published" || issue.path?.[0] === "updated"),
    },
  );
}

function isWrittenDate(value: unknown): value is WrittenDate {
  return typeof value === "object" && value !== null && "epochMs" in value && "written" in value;
}

/** Frontmatter after validation and defaults, with image paths as written. */
export type ArticleData = z.output<ReturnType<typeof createArticleSchema<typeof LocalImagePathSchema>>>;
export type { WrittenDate };
