import slugify from "@sindresorhus/slugify";
import anyAscii from "any-ascii";

/** Lowercase ASCII words joined by single hyphens: the only form a slug in a URL takes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Turns a name into its URL slug: "José Álvarez" → "jose-alvarez", "杭州" → "hangzhou".
 * Every script is transcribed to Latin letters first; empty when nothing usable is left.
 */
export function slugifyName(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = slugify(anyAscii(name), { decamelize: false });
    slugs.set(name, slug);
  }
  return slug;
}

// Every page links its labels, so the same few thousand names are slugified again and again:
// transcribing and slugifying is far dearer than a lookup.
const slugs = new Map<string, string>();

/** True when `value` can be used as-is in a URL. */
export function isValidSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/** The default slug of an article: its file name without the extension. */
export function slugFromFilePath(filePath: string): string {
  const name = filePath.split(/[\\/]/).pop() ?? "";
  return name.replace(/\.md$/i, "");
}
