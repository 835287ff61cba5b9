import { defineHastPlugin, markdownToMdast } from "satteri";
import type { Element, ElementContent } from "hast";
import { parseDocument } from "yaml";
import type { MarkupProblem } from "./unsafe-markup";
import { walk } from "./body-structure";

/**
 * Embeds: a post, a video, a map or a recording that a story quotes, written as a fenced block
 * of fields, shown as a static card (the words and a link) with no third-party script or frame.
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
const FIELDS = ["url", "kind", "text", "by", "date"];

// Where the kind goes without saying; any other address is a post unless the block says otherwise.
const KIND_BY_HOST: [RegExp, EmbedKind][] = [
  [/(^|\.)(youtube\.com|youtu\.be|vimeo\.com|dailymotion\.com|tiktok\.com)$/, "video"],
  [/(^|\.)(soundcloud\.com|podcasts\.apple\.com|spotify\.com)$/, "audio"],
  [/(^|\.)openstreetmap\.org$/, "map"],
];

export const EMBED_LANGUAGE = "embed";

/** An embed block's fields read, or what is wrong with them (lines within the block, from 1). */
export function readEmbed(source: string): { embed: Embed } | { problems: MarkupProblem[] } {
  const document = parseDocument(source, { schema: "core", prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    return {
      problems: [
        {
          line: error.linePos?.[0].line ?? 1,
          message: `the embed's fields are not valid YAML (${error.message.split("\n")[0]})`,
        },
      ],
    };
  }
  const fields = document.toJS() as unknown;
  if (fields === null || typeof fields !== "object" || Array.isArray(fields)) {
    return {
      problems: [
        {
          line: 1,
          message: `an embed is written as fields, one per line: ${FIELDS.slice(0, 3)
            .map((f) => `${f}: …`)
            .join(", ")}`,
        },
      ],
    };
  }
  const record = fields as Record<string, unknown>;
  const problems: MarkupProblem[] = [];
  const lineOf = (key: string): number => {
    const at = source.search(new RegExp(`^\\s*${key}\\s*:`, "m"));
    return at < 0 ? 1 : source.slice(0, at).split("\n").length;
  };
  for (const key of Object.keys(record)) {
    if (!FIELDS.includes(key))
      problems.push({
        line: lineOf(key),
        message: `an embed has no field "${key}"; its fields are ${FIELDS.join(", ")}`,
      });
    else if (typeof record[key] !== "string" && key !== "date")
      problems.push({ line: lineOf(key), message: `the embed's ${key} must be text` });
  }
  let url: URL | undefined;
  const address = typeof record.url === "string" ? record.url.trim() : "";
  if (address === "")
    problems.push({ line: 1, message: "an embed needs the address of what it shows: url: https://…" });
  else {
    url = URL.canParse(address) ? new URL(address) : undefined;
    if (url === undefined || (url.protocol !== "https:" && url.protocol !== "http:")) {
      problems.push({
        line: lineOf("url"),
        message: `the embed's url must be a web address (https://…), not "${address}"`,
      });
    }
  }
  const text = typeof record.text === "string" ? record.text.trim() : "";
  if (text === "") {
    problems.push({
      line: 1,
      message:
        "an embed needs its words: text: what the post says, or what the video, map or recording shows",
    });
  }
  let kind: EmbedKind | undefined;
  if (record.kind !== undefined) {
    if (typeof record.kind === "string" && record.kind in KINDS) kind = record.kind as EmbedKind;
    else
      problems.push({
        line: lineOf("kind"),
        message: `the embed's kind must be one of ${Object.keys(KINDS).join(", ")}`,
      });
  }
  if (problems.length > 0 || url === undefined) return { problems };
  const by = typeof record.by === "string" ? record.by.trim() : "";
  const date = record.date === undefined || record.date === null ? "" : String(record.date).trim();
  return {
    embed: {
      url,
      kind: kind ?? KIND_BY_HOST.find(([host]) => host.test(url.hostname))?.[1] ?? "post",
      text,
      ...(by && { by }),
      ...(date && { date }),
    },
  };
}

/** Problems with the embed blocks of a body, lines within the body. */
export function findEmbedProblems(body: string): MarkupProblem[] {
  if (!body.includes(EMBED_LANGUAGE)) return [];
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
