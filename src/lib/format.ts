import { cached } from "./cached";

const listFormats = new Map<string, Intl.ListFormat>();

/** "A, B and C" in `locale`, made once per locale: every card of every list joins a byline. */
function listFormat(locale: string): Intl.ListFormat {
  return cached(
    listFormats,
    locale,
    () => new Intl.ListFormat(locale, { style: "long", type: "conjunction" }),
  );
}

/** The names and the joining words of a list ("A", ", ", "B", " and ", "C"), to mark up each name. */
export function listParts(
  names: readonly string[],
  locale: string,
): { type: "name" | "text"; value: string }[] {
  return listFormat(locale)
    .formatToParts(names)
    .map((part) => ({ type: part.type === "element" ? "name" : "text", value: part.value }));
}

/** A short plain-text summary for meta descriptions: the dek, else the body's opening words. */
export function summarize(dek: string | undefined, body: string | undefined, maxLength = 160): string {
  const text = (dek ?? stripMarkdown(body ?? "")).replace(/\s+/g, " ").trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), maxLength / 2))}…`;
}

function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^[#>\-*+\s]+/gm, "")
    .replace(/[*_`~]/g, "");
}

const englishPlurals = new Intl.PluralRules("en");

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Numbers as `locale` writes them ("1,204"), made once per locale: toLocaleString makes one a call. */
export function numberFormat(locale: string): Intl.NumberFormat {
  return cached(numberFormats, locale, () => new Intl.NumberFormat(locale));
}

/** "1 article", "1,204 articles": a count of articles in the site's words. */
export function countArticles(count: number, locale: string): string {
  // The noun is English whatever the locale, so English plural rules choose its form.
  const noun = englishPlurals.select(count) === "one" ? "article" : "articles";
  return `${numberFormat(locale).format(count)} ${noun}`;
}
