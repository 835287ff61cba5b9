import { createHash } from "node:crypto";
import { toMarkdown } from "mdast-util-to-markdown";
import { daysInMonth } from "../../lib/dates";
import { bylineNames } from "../byline-names";
import type { ImportedArticle } from "../imported-article";

/** What a wire text export holds, in the archive's fields. */
export interface WireArticle {
  title: string;
  /** The day of the date line, "2016-06-14". */
  published: string;
  byline: string[];
  agency?: string;
  /** Photos the export describes but does not hold: caption and credit only. */
  images: { caption: string; credit?: string }[];
  source?: { publisher: string; url: string; retrieved?: string };
  rights?: string;
  /** The story's paragraphs, as Markdown. */
  body: string;
}

/** Something in an export that could not be read, with its line in the export. */
export interface WireProblem {
  line: number;
  message: string;
}

/** The article an export holds, or every line of it that could not be placed. */
export type WireParseResult =
  | {
      ok: true;
      article: WireArticle;
      /** What the conversion decided that an editor should look at, with the export's lines. */
      notes: WireProblem[];
    }
  | { ok: false; problems: WireProblem[] };

/** A paragraph of the export: its text on one line, where it starts, and how many blank lines precede it. */
interface Block {
  text: string;
  line: number;
  gap: number;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH = "([A-Za-z]{3,9})\\.?";
const DATE_LINE = new RegExp(`^${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})(?:(?:\\s*,\\s*|\\s+)by\\s+(.+))?$`, "i");
// "© 2021 …", "(c) 2021 …" or "Copyright 2021 …"; a notice that merely starts with the word is not the line.
const COPYRIGHT = /^(?:©|\(c\)|copyright\s+(?:©\s*)?\d{4}\b)/i;
const COPYRIGHT_HOLDER =
  /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(\d{4})\s+(?:the\s+)?(.+?)\.(?:\s+all rights reserved\.?)?$/i;
const CITATION = new RegExp(
  `^Citation:\\s*(.+?)\\s*\\((\\d{4}),\\s*${MONTH}\\s+(\\d{1,2})\\)\\s*retrieved\\s+(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\s+from\\s+<?(https?://[^\\s>]+)>?$`,
  "i",
);
// After the copyright and citation lines, the export service adds its own notice about copyright.
const NOTICE = /\bcopyright\b/i;
// A caption ends with its credit in parentheses: "… on Tuesday. (Jane Roe/Kellsport Wire)".
const CAPTION = /^(.*\S)\s*\(([^()]+)\)$/s;
const SENTENCE_END = /[.!?:;"'”’)\]]$/;

/**
 * Reads a wire text export: "# Headline", a date line with an optional byline, a "---"
 * line, then photo captions (set off by two or more blank lines and ending in a
 * parenthesised credit) among the story's paragraphs, a copyright line, a citation line
 * and a copyright notice. Anything it cannot place is reported, never guessed at.
 */
export function parseWireExport(text: string): WireParseResult {
  const blocks = splitBlocks(text.replace(/^\uFEFF/, ""));
  const problems: WireProblem[] = [];
  const [head, dateBlock, rule, ...rest] = blocks;
  const title = head && /^#\s+(.+)$/.exec(head.text)?.[1]?.trim();
  if (!head || !title) {
    return {
      ok: false,
      problems: [{ line: head?.line ?? 1, message: 'no headline: the export must start with "# Headline"' }],
    };
  }
  const dateMatch = dateBlock ? DATE_LINE.exec(dateBlock.text) : null;
  const published = dateMatch ? isoDay(dateMatch[3], dateMatch[1], dateMatch[2]) : undefined;
  if (!dateBlock || !published) {
    problems.push({
      line: dateBlock?.line ?? head.line + 1,
      message: `the line under the headline should be the date and byline, e.g. "March 3 2021, by Ann Lee"${dateBlock ? `, not "${dateBlock.text}"` : ""}`,
    });
  }
  if (!rule || !/^-{3,}$/.test(rule.text)) {
    problems.push({
      line: rule?.line ?? (dateBlock?.line ?? head.line) + 1,
      message: `expected a line of three dashes (---) after the date line${rule ? `, not "${rule.text}"` : ""}`,
    });
  }
  const article: WireArticle = {
    title,
    published: published ?? "",
    byline: bylineNames(dateMatch?.[4]),
    images: [],
    body: "",
  };
  const paragraphs: string[] = [];
  const notes: WireProblem[] = [];
  // Once the copyright or citation line is reached, the story has ended.
  let sawEnd = false;
  rest.forEach((block, i) => {
    if (COPYRIGHT.test(block.text)) {
      const holder = COPYRIGHT_HOLDER.exec(block.text);
      if (!holder?.[2]) {
        problems.push({
          line: block.line,
          message: `could not read the copyright holder in "${block.text}"; expected e.g. "© 2021 Kellsport Wire. All rights reserved."`,
        });
      } else {
        article.rights = block.text;
        article.agency = holder[2].trim();
      }
      sawEnd = true;
    } else if (/^Citation:/i.test(block.text)) {
      sawEnd = true;
      const citation = CITATION.exec(block.text);
      const retrieved = citation && isoDay(citation[7], citation[6], citation[5]);
      const url = citation?.[8];
      if (!url || !retrieved) {
        problems.push({
          line: block.line,
          message: `could not read the citation line; expected "Citation: Headline (2021, March 3) retrieved 5 May 2024 from <https://…>"`,
        });
      } else {
        article.source = { publisher: publisherOf(url), url, retrieved };
      }
    } else if (sawEnd && NOTICE.test(block.text)) {
      // The export service's notice, not part of the story.
    } else if (sawEnd) {
      problems.push({
        line: block.line,
        message: `unexpected text after the copyright and citation lines: "${shorten(block.text)}"; remove it or move it above them`,
      });
    } else if ((i === 0 || block.gap >= 2) && CAPTION.test(block.text)) {
      const [, caption = "", credit = ""] = CAPTION.exec(block.text) ?? [];
      article.images.push({ caption: caption.trim(), credit: credit.trim() });
    } else {
      const last = paragraphs.length - 1;
      // Exports break some paragraphs in two mid-sentence ("… after a winter in dry dock that" / "left the island …"): join them again.
      if (last >= 0 && !SENTENCE_END.test(paragraphs[last] ?? "") && /^[a-z]/.test(block.text)) {
        paragraphs[last] = `${paragraphs[last]} ${block.text}`;
        notes.push({
          line: block.line,
          message: "joined to the paragraph above it, which the export had broken off mid-sentence",
        });
      } else {
        paragraphs.push(block.text);
        if (i > 0 && block.gap >= 2) {
          notes.push({
            line: block.line,
            message:
              "set off like a photo caption but without a credit in parentheses at its end: kept as story text; if it is a caption, move it to images",
          });
        }
      }
    }
  });
  if (paragraphs.length === 0 && problems.length === 0) {
    problems.push({ line: rule?.line ?? 1, message: "the export has no story text after the --- line" });
  }
  if (problems.length > 0) return { ok: false, problems };
  article.body = toMarkdown({
    type: "root",
    children: paragraphs.map((value) => ({ type: "paragraph", children: [{ type: "text", value }] })),
  });
  return { ok: true, article, notes };
}

/**
 * A wire text export's story as the importer writes every story. The export names no story
 * identifier: the story is its headline, day and source address. Without a citation line the
 * source is the agency (or the export itself), retrieved `today`.
 */
export function wireImportedArticle(
  { article, notes }: { article: WireArticle; notes: readonly WireProblem[] },
  today: string,
): ImportedArticle {
  const story = `${article.published}\n${article.title}\n${article.source?.url ?? ""}`;
  return {
    sourceId: `wire-text:${createHash("sha256").update(story).digest("hex").slice(0, 20)}`,
    title: article.title,
    published: article.published,
    byline: article.byline,
    ...(article.agency && { agency: article.agency }),
    topics: [],
    people: [],
    organizations: [],
    places: [],
    codes: [],
    images: article.images,
    source: article.source ?? { publisher: article.agency ?? "Wire text export", retrieved: today },
    ...(article.rights && { rights: article.rights }),
    aliases: [],
    body: article.body,
    removed: [],
    notes: notes.map((n) => ({ line: n.line, message: n.message })),
  };
}

/** Paragraphs of the export, each joined onto one line, with their first line and the blank lines before them. */
function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let gap = 0;
  let current: Block | undefined;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") {
      current = undefined;
      gap++;
      return;
    }
    if (current) {
      current.text = `${current.text} ${line}`;
    } else {
      current = { text: line, line: i + 1, gap };
      blocks.push(current);
      gap = 0;
    }
  });
  return blocks;
}

/** "2016-06-14" from a year, a month name ("June", "Jun", "Sept") and a day; undefined when that is no date. */
function isoDay(year = "", monthName = "", day = ""): string | undefined {
  const name = monthName.toLowerCase();
  const month =
    name.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(name.slice(0, 3)) && m.startsWith(name)) : -1;
  const date = Number(day);
  const last = daysInMonth(Number(year), month + 1);
  if (month === -1 || date < 1 || date > last) return undefined;
  return `${year}-${String(month + 1).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}

/** The publisher named by a URL's host: "https://www.news.example.org/…" → "News.example.org". */
function publisherOf(url: string): string {
  const host = new URL(url).hostname.replace(/^www\./, "");
  return host.charAt(0).toUpperCase() + host.slice(1);
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
