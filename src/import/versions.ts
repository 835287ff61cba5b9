import { createHash } from "node:crypto";
import type { ImportedArticle } from "./imported-article";
import type { KnownArticle } from "./run-state";

/**
 * Whether a story read again is newer than the one imported: by the source's versions when both
 * have one (numbers as numbers, dates as moments), else by whether its text changed. An article
 * that no import wrote (an editor gave it the story's id) is never rewritten.
 */
export function isNewerThan(version: string | undefined, fingerprint: string, known: KnownArticle): boolean {
  if (known.version === undefined && known.fingerprint === undefined) return false;
  if (version !== undefined && known.version !== undefined) return isNewer(version, known.version);
  return fingerprint !== known.fingerprint;
}

/** Whether one version is later than another: numbers as numbers, dates as moments, else any difference. */
export function isNewer(incoming: string, imported: string): boolean {
  if (/^\d+$/.test(incoming) && /^\d+$/.test(imported)) return Number(incoming) > Number(imported);
  const a = Date.parse(incoming);
  const b = Date.parse(imported);
  if (!Number.isNaN(a) && !Number.isNaN(b)) return a > b;
  return incoming !== imported;
}

/** A short hash of the text the source gave (headline, standfirst, body): what "the text changed" means. */
export function fingerprintOf(article: Pick<ImportedArticle, "title" | "dek" | "body">): string {
  const text = [article.title, article.dek ?? "", article.body].map(squeeze).join("\n");
  return `sha256:${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
}

export function squeeze(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
