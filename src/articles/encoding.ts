import type { Problem } from "../lib/problems";

const BOM = [0xef, 0xbb, 0xbf];
// C0 controls other than tab, line feed and carriage return; DEL; the C1 controls. Each is
// invisible in an editor and a sign of a binary pasted in or a file saved in another encoding.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const FATAL = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const isControl = (code: number): boolean =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);

/** The places of a file named one by one; past them, one more line says how many there are. */
const PLACES_NAMED = 10;

/**
 * The text of an article file, or why it is not one: each byte that is not UTF-8 (a file saved in
 * another encoding) and each control character (a NUL from a binary, a form feed), with the line
 * and column (in characters) where it is, up to ten of them. A byte-order mark is dropped, and
 * CRLF line ends are left to the reader of the text, which accepts them.
 */
export function decodeArticleFile(
  bytes: Uint8Array,
  file: string,
): { text: string } | { problems: Problem[] } {
  const start = BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
  // The native decoder and a regular expression settle almost every file; the scan below only
  // finds where the trouble is.
  try {
    const text = FATAL.decode(bytes.subarray(start));
    if (!CONTROL.test(text)) return { text };
  } catch {
    // Not UTF-8: found and named below.
  }
  const problems: Problem[] = [];
  let more = 0;
  let line = 1;
  let column = 1;
  const report = (message: string): void => {
    if (problems.length < PLACES_NAMED) {
      problems.push({ file, line, field: "encoding", message: `column ${column}: ${message}` });
    } else more += 1;
  };
  for (let i = start; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      report(
        `byte 0x${bytes[i]!.toString(16).toUpperCase().padStart(2, "0")} is not UTF-8: the file was saved in another encoding or holds binary data; save it as UTF-8 (or upload it again, saved as UTF-8)`,
      );
      // One bad character: its stray continuation bytes are not named again.
      i += 1;
      for (let k = 0; k < 3 && bytes[i] !== undefined && bytes[i]! >= 0x80 && bytes[i]! <= 0xbf; k++) i += 1;
      column += 1;
      continue;
    }
    const code = codePoint(bytes, i, length);
    if (isControl(code)) {
      report(
        `the control character U+${code.toString(16).toUpperCase().padStart(4, "0")}${code === 0 ? " (NUL)" : ""} has no place in an article: delete it (it is invisible in most editors; a NUL means binary data was pasted in)`,
      );
    }
    if (code === 0x0a) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    i += length;
  }
  // Cannot happen (the scan and the decoder read UTF-8 alike), but a file is never refused unnamed.
  if (problems.length === 0) return { text: new TextDecoder("utf-8").decode(bytes.subarray(start)) };
  if (more > 0) {
    problems.push({
      file,
      line: problems.at(-1)!.line,
      field: "encoding",
      message: `and ${more} more ${more === 1 ? "place" : "places"} like these further on: fix the file's encoding as a whole`,
    });
  }
  return { problems };
}

/** How many bytes the UTF-8 sequence at `i` takes, or 0 when it is not valid UTF-8 (RFC 3629). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= low && b <= high;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  // ED A0–BF would encode a UTF-16 surrogate, which UTF-8 forbids.
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

function codePoint(bytes: Uint8Array, i: number, length: number): number {
  const b0 = bytes[i]!;
  if (length === 1) return b0;
  let code = b0 & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) code = (code << 6) | (bytes[i + k]! & 0x3f);
  return code;
}
