import type { WrittenDate } from "../lib/dates";
import { slugifyName } from "../lib/slugs";

/**
 * "Cite this article" in APA (7th ed.), MLA (9th ed.), Chicago (17th ed., bibliography) and
 * BibTeX. The archive's copy is cited by its permanent URL; an article with a `source` names
 * the original publication (and its address) as the work's container, archived here.
 */

/** What a citation is made of. */
export interface CitableArticle {
  title: string;
  byline: readonly string[];
  agency?: string | undefined;
  published: WrittenDate;
  source?: { publisher: string; url?: string | undefined } | undefined;
}

/** Where the archive's copy lives. */
export interface CitationContext {
  /** The article's permanent absolute URL in the archive. */
  url: string;
  /** The archive's name. */
  siteName: string;
}

/** A run of citation text; titles of publications are set in italics. */
export interface CitationPart {
  text: string;
  italic?: boolean;
}

/** The citation styles offered. */
export type CitationStyle = "apa" | "mla" | "chicago" | "bibtex";

/** One formatted citation. */
export interface Citation {
  style: CitationStyle;
  /** The style's name as readers know it. */
  label: string;
  parts: CitationPart[];
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
// MLA abbreviates months longer than four letters.
const MLA_MONTHS = [
  "Jan.",
  "Feb.",
  "Mar.",
  "Apr.",
  "May",
  "June",
  "July",
  "Aug.",
  "Sept.",
  "Oct.",
  "Nov.",
  "Dec.",
];
const BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A personal name as family name and given names: "Ann Lee" → Lee, Ann; "Lee, Ann" as written. */
export function splitName(name: string): { family: string; given: string } {
  const comma = name.indexOf(",");
  if (comma > 0) return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() };
  const words = name.trim().split(/\s+/);
  // The last word is taken as the family name; names written family-first need "Family, Given".
  const family = words.pop() ?? name;
  return { family, given: words.join(" ") };
}

const initials = (given: string): string =>
  given
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split("-")
        .map((part) => `${Array.from(part)[0] ?? ""}.`)
        .join("-"),
    )
    .join(" ");

const inverted = ({ family, given }: { family: string; given: string }): string =>
  given ? `${family}, ${given}` : family;
const natural = ({ family, given }: { family: string; given: string }): string =>
  given ? `${given} ${family}` : family;

/** Ends a sentence with a full stop unless it already ends with one, or with ? or !. */
const sentence = (text: string): string => (/[.?!]$/.test(text) ? text : `${text}.`);

/** "Lee, Ann, Bo Chen, and Cy Day": the first name inverted, as MLA and Chicago list authors. */
function listAuthorsInverted(names: readonly string[], maxBeforeEtAl: number): string {
  const people = names.map(splitName);
  const [first, ...rest] = people;
  if (!first) return "";
  if (rest.length === 0) return inverted(first);
  if (people.length > maxBeforeEtAl) return `${inverted(first)}, et al`;
  if (rest.length === 1) return `${inverted(first)}, and ${natural(rest[0]!)}`;
  return `${inverted(first)}, ${rest.slice(0, -1).map(natural).join(", ")}, and ${natural(rest.at(-1)!)}`;
}

function apaAuthors(names: readonly string[]): string {
  const people = names.map((name) => {
    const { family, given } = splitName(name);
    return given ? `${family}, ${initials(given)}` : family;
  });
  if (people.length === 1) return people[0]!;
  return `${people.slice(0, -1).join(", ")}, & ${people.at(-1)!}`;
}

/** Who the citation names first: the byline, else the agency as a group author. */
const creators = (article: CitableArticle): readonly string[] | undefined =>
  article.byline.length > 0 ? article.byline : undefined;

const container = (article: CitableArticle, context: CitationContext): string =>
  article.source?.publisher ?? context.siteName;

/** A URL as MLA prints it: without http:// or https://. */
const bareUrl = (url: string): string => url.replace(/^https?:\/\//, "");

function apa(article: CitableArticle, context: CitationContext): CitationPart[] {
  const { year, month, date } = article.published;
  const when = `(${year}, ${MONTHS[month - 1]} ${date}).`;
  const names = creators(article);
  const author = names ? sentence(apaAuthors(names)) : article.agency && sentence(article.agency);
  const archived = article.source ? ` Archived by ${context.siteName}.` : "";
  const head = author
    ? `${author} ${when} ${sentence(article.title)} `
    : `${sentence(article.title)} ${when} `;
  return [
    { text: head },
    { text: container(article, context), italic: true },
    { text: `.${archived} ${context.url}` },
  ];
}

function mla(article: CitableArticle, context: CitationContext): CitationPart[] {
  const { year, month, date } = article.published;
  const names = creators(article);
  const author = names
    ? `${sentence(listAuthorsInverted(names, 2))} `
    : article.agency
      ? `${sentence(article.agency)} `
      : "";
  const day = `${date} ${MLA_MONTHS[month - 1]} ${year}`;
  const head: CitationPart = { text: `${author}“${sentence(article.title)}” ` };
  if (!article.source) {
    return [head, { text: context.siteName, italic: true }, { text: `, ${day}, ${bareUrl(context.url)}.` }];
  }
  const original = article.source.url ? `, ${bareUrl(article.source.url)}` : "";
  return [
    head,
    { text: article.source.publisher, italic: true },
    { text: `, ${day}${original}. ` },
    { text: context.siteName, italic: true },
    { text: `, ${bareUrl(context.url)}.` },
  ];
}

function chicago(article: CitableArticle, context: CitationContext): CitationPart[] {
  const { year, month, date } = article.published;
  const names = creators(article);
  const author = names
    ? `${sentence(listAuthorsInverted(names, 10))} `
    : article.agency
      ? `${sentence(article.agency)} `
      : "";
  const day = `${MONTHS[month - 1]} ${date}, ${year}`;
  const head: CitationPart = { text: `${author}“${sentence(article.title)}” ` };
  if (!article.source) {
    return [head, { text: context.siteName, italic: true }, { text: `, ${day}. ${context.url}.` }];
  }
  const original = article.source.url ? ` ${article.source.url}.` : "";
  return [
    head,
    { text: article.source.publisher, italic: true },
    { text: `, ${day}.${original} Archived by ${context.siteName}, ${context.url}.` },
  ];
}

/** Escapes the characters TeX gives a meaning to. */
function tex(text: string): string {
  return text.replace(/[\\{}#$%&^_~]/g, (c) =>
    c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\^{}" : c === "~" ? "\\~{}" : `\\${c}`,
  );
}

/** A URL for a BibTeX field: braces and percent signs written as escapes TeX leaves alone. */
const texUrl = (url: string): string => url.replace(/[{}%\\]/g, (c) => encodeURIComponent(c));

/** "okafor2015night": the first author's family name, the year and the title's first word; "parish2014" without an author. */
function bibtexKey(article: CitableArticle): string {
  const first = creators(article)?.[0];
  const who = first ? splitName(first).family : article.agency;
  const word = (text: string | undefined) => slugifyName(text ?? "").split("-")[0] ?? "";
  const { year } = article.published;
  const key = who ? `${word(who)}${year}${word(article.title)}` : `${word(article.title)}${year}`;
  return /^[a-z]/.test(key) ? key : `article${key}`;
}

function bibtex(article: CitableArticle, context: CitationContext): CitationPart[] {
  const { year, month, day } = article.published;
  const names = creators(article);
  // A name is kept whole in braces: BibTeX would otherwise split it at an "and" or re-order it.
  const author = names
    ? names
        .map((name) => {
          const { family, given } = splitName(name);
          return given ? `{${tex(family)}}, {${tex(given)}}` : `{${tex(family)}}`;
        })
        .join(" and ")
    : article.agency && `{${tex(article.agency)}}`;
  const original = article.source
    ? `Originally published by ${tex(article.source.publisher)}${article.source.url ? `, \\url{${texUrl(article.source.url)}}` : ""}; archived by ${tex(context.siteName)}`
    : undefined;
  const fields: [string, string][] = [
    ...(author ? [["author", `{${author}}`] as [string, string]] : []),
    ["title", `{{${tex(article.title)}}}`],
    ["howpublished", `{${tex(container(article, context))}}`],
    ["year", `{${year}}`],
    ["month", BIBTEX_MONTHS[month - 1]!],
    ["date", `{${day}}`],
    ["url", `{${texUrl(context.url)}}`],
    ...(original ? [["note", `{${original}}`] as [string, string]] : []),
  ];
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(",\n");
  return [{ text: `@misc{${bibtexKey(article)},\n${body}\n}` }];
}

/** The article's citation in every offered style. */
export function citeArticle(article: CitableArticle, context: CitationContext): Citation[] {
  return [
    { style: "apa", label: "APA", parts: apa(article, context) },
    { style: "mla", label: "MLA", parts: mla(article, context) },
    { style: "chicago", label: "Chicago", parts: chicago(article, context) },
    { style: "bibtex", label: "BibTeX", parts: bibtex(article, context) },
  ];
}

/** A citation as plain text, as the copy button copies it. */
export function citationText(citation: Citation): string {
  return citation.parts.map((part) => part.text).join("");
}
