/** "Gerry Shih", "Ann Lee and Bo Chen", "A, B and C": a byline's names joined for reading. */
export function joinNames(names: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(names);
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

/** "1 article", "1,204 articles": a count of articles in the site's words. */
export function countArticles(count: number, locale: string): string {
  const noun = new Intl.PluralRules(locale).select(count) === "one" ? "article" : "articles";
  return `${count.toLocaleString(locale)} ${noun}`;
}
