import { Lexer, LineCounter, isMap, isScalar, parseDocument, visit, type Document, type Node } from "yaml";

/** An article file split into its YAML frontmatter and Markdown body. */
export interface ArticleSource {
  /** The frontmatter as plain data: dates stay strings exactly as written. */
  data: unknown;
  /** The Markdown after the closing `---`. */
  body: string;
  /** 1-based file line on which `body` starts. */
  bodyLine: number;
  /** The file line of the key at `path` (or of its nearest written parent); 1 when none was written. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Whether the top-level `key` has a value written in quotes ("Washington, D.C."). */
  isQuoted(key: string): boolean;
}

/** Where the file's frontmatter is broken, and how. */
export interface FrontmatterError {
  line: number;
  message: string;
}

export type SplitResult = { ok: true; source: ArticleSource } | { ok: false; errors: FrontmatterError[] };

const FENCE = /^---[ \t]*$/;

/**
 * Parses an article file. YAML 1.2 core schema, so `2016-06-14` and times stay
 * the strings the editor wrote instead of becoming timezone-shifted Date objects.
 */
export function splitArticleSource(text: string): SplitResult {
  const content = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines = content.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? "")) {
    return {
      ok: false,
      errors: [{ line: 1, message: "no frontmatter: the file must start with a line of three dashes (---)" }],
    };
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close === -1) {
    return {
      ok: false,
      errors: [
        { line: 1, message: "the frontmatter is never closed: add a line of three dashes (---) after it" },
      ],
    };
  }
  const yamlText = lines.slice(1, close).join("\n");
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: "core", version: "1.2", lineCounter, uniqueKeys: true });
  // Line 1 of the YAML text is line 2 of the file.
  const fileLine = (offset: number): number => lineCounter.linePos(offset).line + 1;
  if (doc.errors.length > 0) {
    // A quote left open swallows the rest of the frontmatter; what else the parser then
    // complains about follows from it, so that one is reported alone, where it opens.
    const unclosed = doc.errors.filter((e) => /closing\s*["']?quote/i.test(e.message));
    return {
      ok: false,
      errors:
        unclosed.length > 0
          ? unclosed.map((e) => ({
              line: fileLine(openingQuoteOffset(yamlText, e.pos[0])),
              message: `YAML syntax: a quoted value is never closed: add the closing quote`,
            }))
          : doc.errors.map((e) => ({
              line: fileLine(e.pos[0]),
              message: `YAML syntax: ${describeYamlError(e.message)}`,
            })),
    };
  }
  const cut = findCutValues(doc, fileLine);
  if (cut.length > 0) return { ok: false, errors: cut };
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return {
      ok: false,
      errors: [{ line: 2, message: "the frontmatter must be a list of `field: value` lines" }],
    };
  }
  return {
    ok: true,
    source: {
      data,
      body: lines.slice(close + 1).join("\n"),
      bodyLine: close + 2,
      isQuoted: (key) => {
        const value: unknown = isMap(doc.contents) ? doc.contents.get(key, true) : undefined;
        return isScalar(value) && (value.type === "QUOTE_DOUBLE" || value.type === "QUOTE_SINGLE");
      },
      lineOf: (path) => {
        let node: unknown = doc.contents;
        let line = 1;
        for (const key of path) {
          if (!isMap(node) && !(node && typeof node === "object" && "items" in node)) break;
          const items = (node as { items: unknown[] }).items;
          let next: unknown;
          if (typeof key === "number") {
            next = items[key];
            const start = rangeStart(next);
            if (start !== undefined) line = fileLine(start);
          } else {
            const pair = items.find(
              (item) => isPairLike(item) && isScalar(item.key) && String(item.key.value) === String(key),
            ) as { key: Node; value: unknown } | undefined;
            if (!pair) break;
            const start = rangeStart(pair.key);
            if (start !== undefined) line = fileLine(start);
            next = pair.value;
          }
          node = next;
        }
        return line;
      },
    },
  };
}

function isPairLike(item: unknown): item is { key: unknown; value: unknown } {
  return typeof item === "object" && item !== null && "key" in item && "value" in item;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

/** The yaml library's first message line, without its own position (counted from the frontmatter, not the file). */
function describeYamlError(message: string): string {
  const first = message.split("\n")[0] ?? message;
  const text = first.replace(/\s+at line \d+, column \d+:?\s*$/, "").replace(/:\s*$/, "");
  // The commonest cause: a value with ": " in it, such as a headline with a colon.
  return /compact mappings|mapping values|Implicit keys/i.test(text)
    ? `${text}; if the value contains ": ", put it in quotes`
    : text;
}

/**
 * A " #" in an unquoted value starts a YAML comment, so `title: Team wins #1 spot` is
 * read as "Team wins". A comment that starts straight after the "#" (no space) is
 * almost always text that was cut off: report it rather than publish half a headline.
 */
function findCutValues(doc: Document, fileLine: (offset: number) => number): FrontmatterError[] {
  const errors: FrontmatterError[] = [];
  visit(doc, {
    Scalar(_, scalar) {
      const comment = scalar.comment;
      if (typeof comment !== "string" || /^\s/.test(comment)) return;
      // Only an unquoted text value (or an empty one) can have been cut: "quoted" #x, true #x
      // and 5 #x lose nothing.
      if (scalar.type !== "PLAIN" || (typeof scalar.value !== "string" && scalar.value !== null)) return;
      const start = scalar.range?.[0] ?? 0;
      errors.push({
        line: fileLine(start),
        message: `the value stops before "#${comment.trim()}", because " #" starts a YAML comment; put the whole value in quotes`,
      });
    },
  });
  return errors;
}

/**
 * Where a quoted value that is never closed opens. The parser reports the error at the end
 * of the text, which the open quote swallowed: the culprit is the quoted token that runs to
 * the end.
 */
function openingQuoteOffset(yamlText: string, fallback: number): number {
  const end = yamlText.trimEnd().length;
  let cursor = 0;
  let found = fallback;
  for (const token of new Lexer().lex(yamlText)) {
    if (!/^["']/.test(token)) continue;
    const at = yamlText.indexOf(token, cursor);
    if (at === -1) continue;
    cursor = at + token.length;
    if (at + token.trimEnd().length >= end) found = at;
  }
  return found;
}
