import { z } from "astro/zod";

/**
 * One entry of the entity registry (content/entities/<kind>.yaml), as editors write it. Names
 * are tidied as article labels are (one Unicode form, single spaces), so that an entry and an
 * article that type the same name meet.
 */

const Text = z
  .string({ error: (issue) => (issue.input === undefined ? "required" : "expected text") })
  .trim()
  .min(1, "must not be empty");

/** A name, tidied as article labels are. */
export const EntityName = Text.transform((value) => value.normalize("NFC").replace(/\s+/g, " "));

const Names = z
  .array(EntityName, { error: "expected a list of names, e.g. [北京, Pékin, Peking]" })
  .transform((names) => [...new Set(names)]);

/** Digits only, written as a number or as text. */
const Digits = (what: string) =>
  z
    .union([z.string(), z.number()], { error: `expected the ${what} number` })
    .transform((value) => String(value).trim())
    .refine((value) => /^[1-9]\d*$/.test(value), `expected the ${what} number, digits only`);

/** The identifiers an entity has in the registries the archive links to. */
const Identifiers = z.strictObject(
  {
    wikidata: z
      .union([z.string(), z.number()], { error: "expected a Wikidata item, like Q956" })
      .transform((value) => String(value).trim())
      .refine((v) => /^Q[1-9]\d*$/.test(v), "expected a Wikidata item, like Q956")
      .optional(),
    geonames: Digits("GeoNames").optional(),
    viaf: Digits("VIAF").optional(),
    isni: Text.transform((v) => v.replace(/\s+/g, ""))
      .refine(
        (v) => /^\d{15}[\dX]$/.test(v),
        "expected an ISNI: sixteen characters, digits and a last X or digit",
      )
      .optional(),
    iptc: Text.refine(
      (v) => /^(?:medtop|subj):\d{8}$/.test(v),
      "expected an IPTC code: a Media Topic (medtop:20000763) or a Subject Code (subj:04000000)",
    ).optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown identifier; known ones are wikidata, geonames, viaf, isni, iptc`
        : "expected identifiers, e.g. wikidata: Q956",
  },
);

/** The fields of an entry; `in` is for places, `sortAs` for people and authors. */
export const ENTRY_FIELDS = ["name", "aliases", "formerNames", "description", "in", "sortAs", "ids"] as const;

export const EntrySchema = z.strictObject(
  {
    /** The name as the archive shows it. */
    name: EntityName,
    /** Other names it goes by, in any language or script: an article writing one lands on this entity. */
    aliases: Names.default([]),
    /** Names it was shown as before: their pages lead to this one, and articles writing them land here. */
    formerNames: Names.default([]),
    /** A short description, written by the archive. */
    description: Text.optional(),
    /** For a place: the place it lies in, by name. */
    in: EntityName.optional(),
    /** For a person or an author: the name as an index sorts it ("Whitfield, Dana"). */
    sortAs: Text.optional(),
    ids: Identifiers.optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys
            .map((key) => `unknown field "${key}"; known fields are ${ENTRY_FIELDS.join(", ")}`)
            .join("\n")
        : issue.code === "invalid_type"
          ? "expected an entry: name, and the other fields it needs, one per line"
          : undefined,
  },
);

/** An entry as read. */
export type EntryData = z.output<typeof EntrySchema>;
