import { defineHastPlugin, markdownToMdast } from "satteri";
import type { Element, ElementContent } from "hast";
import type { MarkupProblem } from "./unsafe-markup";
import { walk } from "./markdown-tree";

/**
 * Embeds: a post, a video, a map or a recording that a story quotes, written as a fenced block
 * of fields, shown as a static card (the words and a link) with no third-party script or frame.
 * The fields are lines of `name: value`, the words last: everything after `text:` is the words,
 * over as many lines and paragraphs as they take. It is not YAML, so the words of a post can
 * hold what YAML would read otherwise (`#tags`, `@names`, `BREAKING:`, quotes).
 *
 *     ```embed
 *     url: https://video.example/watch?v=4471
 *     kind: video
 *     by: Harbour Television
 *     date: 3 May 2016
 *     text: The harbour master walks through the new timetable.
 *     ```
 */
export interface Embed {
  url: URL;
  kind: EmbedKind;
  text: string;
  by?: string;
  date?: string;
}

const KINDS = { post: "Post", video: "Video", audio: "Audio", map: "Map", document: "Document" } as const;
export type EmbedKind = keyof typeof KINDS;
const FIELDS = ["url", "kind", "by", "date", "text"] as const;
type Field = (typeof FIELDS)[number];

// Where the kind goes without saying; any other address is a post unless the block says otherwise.
const KIND_BY_HOST: [RegExp, EmbedKind][] = [
  [/(^|\.)(youtube\.com|youtu\.be|vimeo\.com|dailymotion\.com|tiktok\.com)$/, "video"],
  [/(^|\.)(soundcloud\.com|podcasts\.apple\.com|spotify\.com)$/, "audio"],
  [/(^|\.)openstreetmap\.org$/, "map"],
];

export const EMBED_LANGUAGE = "embed";
// A fence (``` or ~~~, in a quote or list too) whose info string starts with the language.
const MAY_HOLD_EMBED = new RegExp(`(\`{3,}|~{3,})\\s*${EMBED_LANGUAGE}\\b`);

const FIELD_LINE = /^\s*([A-Za-z][\w-]*)\s*:(.*)$/;
const isField = (name: string): name is Field => (FIELDS as readonly string[]).includes(name);

/** An embed block's fields read, or what is wrong with them (lines within the block, from 1). */
export function readEmbed(source: string): { embed: Embed } | { problems: MarkupProblem[] } {
  const lines = source.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  const problems: MarkupProblem[] = [];
  const values = new Map<Field, { value: string; line: number }>();
  let textStart = -1;
  lines.some((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return false;
    const match = FIELD_LINE.exec(raw);
    if (!match) {
      problems.push({
        line,
        message: `"${raw.trim()}" is not a field: write each as name: value (${FIELDS.join(", ")}), the words last after text:`,
      });
      return false;
    }
    const name = match[1]!.toLowerCase();
    if (!isField(name)) {
      problems.push({
        line,
        message: `an embed has no field "${match[1]}"; its fields are ${FIELDS.join(", ")}`,
      });
      return false;
    }
    if (values.has(name)) {
      problems.push({ line, message: `the embed's ${name} is given twice` });
      return false;
    }
    // The words are kept as written, quotes and all; a quoted address or name loses its quotes.
    values.set(name, { value: name === "text" ? match[2]!.trim() : unquote(match[2]!.trim()), line });
    if (name !== "text") return false;
    textStart = i;
    return true;
  });
  const words = textStart < 0 ? "" : wordsOf(values.get("text")!.value, lines.slice(textStart + 1));
  const url = values.get("url");
  let address: URL | undefined;
  if (url === undefined || url.value === "") {
    problems.push({
      line: url?.line ?? 1,
      message: `an embed needs the address of what it shows: url: https://…${textStart < 0 ? "" : ", on a line before text: (everything after text: is the words)"}`,
    });
  } else {
    address = URL.canParse(url.value) ? new URL(url.value) : undefined;
    if (address === undefined || (address.protocol !== "https:" && address.protocol !== "http:")) {
      problems.push({
        line: url.line,
        message: `the embed's url must be a web address (https://…), not "${url.value}"`,
      });
    }
  }
  if (words === "") {
    problems.push({
      line: values.get("text")?.line ?? 1,
      message:
        "an embed needs its words, last: text: what the post says, or what the video, map or recording shows",
    });
  }
  const kind = values.get("kind");
  if (kind !== undefined && !Object.hasOwn(KINDS, kind.value)) {
    problems.push({
      line: kind.line,
      message: `the embed's kind must be one of ${Object.keys(KINDS).join(", ")}`,
    });
  }
  if (problems.length > 0 || address === undefined)
    return { problems: problems.sort((a, b) => a.line - b.line) };
  const by = values.get("by")?.value;
  const date = values.get("date")?.value;
  return {
    embed: {
      url: address,
      kind:
        (kind?.value as EmbedKind | undefined) ??
        KIND_BY_HOST.find(([host]) => host.test(address.hostname))?.[1] ??
        "post",
      text: words,
      ...(by && { by }),
      ...(date && { date }),
    },
  };
}

/** A value as written, without quotes around it. */
function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value;
}

/**
 * The words: the rest of the text: line and every line after it, paragraphs at blank lines. A
 * lone `|` or `>` after text: (YAML's way to start a block) is taken as no words on that line.
 */
function wordsOf(first: string, rest: string[]): string {
  const lines = [/^[|>][+-]?$/.test(first) ? "" : first, ...rest];
  return lines
    .map((line) => line.trim())
    .join("\n")
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

/** Problems with the embed blocks of a body, lines within the body. */
export function findEmbedProblems(body: string): MarkupProblem[] {
  // Only a fence opening with "embed" can be one: a body that merely says "embedded" is not parsed.
  if (!MAY_HOLD_EMBED.test(body)) return [];
  const problems: MarkupProblem[] = [];
  walk(markdownToMdast(body), (node) => {
    if (node.type !== "code" || !("lang" in node) || node.lang !== EMBED_LANGUAGE) return;
    const read = readEmbed(String("value" in node ? node.value : ""));
    if ("embed" in read) return;
    // The block's fields start on the line after its opening fence.
    const start = (node.position?.start.line ?? 1) + 1;
    for (const problem of read.problems)
      problems.push({ line: start + problem.line - 1, message: problem.message });
  });
  return problems;
}

/** The card of an embed: the words quoted, then what it is, whose, when, and the link to it. */
export function embedCard(embed: Embed): Element {
  const label = KINDS[embed.kind];
  const paragraphs = embed.text
    .split(/\n\s*\n/)
    .map((paragraph) => element("p", {}, [text(paragraph.replace(/\s*\n\s*/g, " "))]));
  const source: ElementContent[] = [element("span", { className: ["embed__kind"] }, [text(label)])];
  const about = [embed.by, embed.date].filter(Boolean).join(", ");
  if (about) source.push(text(" "), element("span", { className: ["embed__by"] }, [text(about)]));
  source.push(
    text(" "),
    element("a", { href: embed.url.href, className: ["embed__link"] }, [
      text(`${label} on ${embed.url.hostname.replace(/^www\./, "")}`),
    ]),
  );
  return element("figure", { className: ["embed", `embed--${embed.kind}`] }, [
    element("blockquote", { cite: embed.url.href }, paragraphs),
    element("figcaption", {}, source),
  ]);
}

/** A plugin of the site's Markdown renderer that shows each valid embed block as its card. */
export const embedCards = defineHastPlugin({
  name: "archive-embed-cards",
  element: {
    filter: ["pre"],
    visit(node, ctx) {
      const code = node.children.find(
        (child): child is Element => child.type === "element" && child.tagName === "code",
      );
      const className = code?.properties.className;
      if (!code || !Array.isArray(className) || !className.includes(`language-${EMBED_LANGUAGE}`)) return;
      const read = readEmbed(ctx.textContent(code));
      // An invalid block is refused by the check and the build, which name its line.
      if ("embed" in read) ctx.replaceNode(node, embedCard(read.embed));
    },
  },
});

function element(tagName: string, properties: Element["properties"], children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: "text", value };
}
