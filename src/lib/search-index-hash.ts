import { createHash } from "node:crypto";

/**
 * The `hash` of a search index's entry in `pagefind/indexes.json`: a digest of its
 * `pagefind-entry.json`, which names each language's metadata file by the hash of its contents,
 * so it changes whenever the index does. (Node only: the search page reads the field, never computes it.)
 */
export function searchIndexHash(entryText: string): string {
  return createHash("sha256").update(entryText, "utf8").digest("hex").slice(0, 16);
}
