import type { ImportedImage } from "../imported-article";
import type { StoredPhoto } from "./format";

/**
 * The photos of an article as the archive records a photo it does not hold: by caption and credit.
 * A photo known only by its alt text takes that as its caption; one with nothing to show is left
 * out. Either is said in `notes`, with the photo's address, so that an editor can find it.
 */
export function recordPhotos(photos: readonly StoredPhoto[], notes: string[]): ImportedImage[] {
  const seen = new Set<string>();
  const images: ImportedImage[] = [];
  for (const { url, alt, caption, credit } of photos) {
    if (url !== undefined && seen.has(url)) continue;
    if (url !== undefined) seen.add(url);
    const where = url ?? "a photo without an address";
    if (caption === undefined && credit === undefined) {
      if (alt === undefined) {
        notes.push(`left out ${where}: it has no caption, credit or alt text to record it by`);
        continue;
      }
      notes.push(`${where} has no caption; its alt text is recorded as the caption`);
      images.push({ alt, caption: alt });
      continue;
    }
    images.push({ ...(alt && { alt }), ...(caption && { caption }), ...(credit && { credit }) });
  }
  if (images.length > 0) {
    notes.push(
      `${images.length} photo${images.length === 1 ? " is" : "s are"} recorded by caption and credit; the export holds no image files${photos[0]?.url ? ` (first: ${photos[0].url})` : ""}`,
    );
  }
  return images;
}
