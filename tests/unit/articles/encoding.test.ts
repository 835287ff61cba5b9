import { describe, expect, it } from "vitest";
import { decodeArticleFile } from "../../../src/articles/encoding";

const decode = (bytes: number[] | string) =>
  decodeArticleFile(
    typeof bytes === "string" ? new TextEncoder().encode(bytes) : Uint8Array.from(bytes),
    "a.md",
  );

describe("an article file's encoding", () => {
  it("accepts UTF-8 in any script, tabs, CRLF line ends and a byte-order mark (dropped)", () => {
    expect(decode("---\r\ntitle: Zoë 北京 عمّان\r\n---\r\n\r\n\tText.\r\n")).toEqual({
      text: "---\r\ntitle: Zoë 北京 عمّان\r\n---\r\n\r\n\tText.\r\n",
    });
    expect(decode([0xef, 0xbb, 0xbf, 0x41, 0x0a])).toEqual({ text: "A\n" });
  });

  it("refuses bytes that are not UTF-8, naming the line and column of each", () => {
    // "Café" saved as Latin-1, on the second line, and "é" again on the third.
    expect(decode([0x4c, 0x31, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a, 0xe9])).toEqual({
      problems: [
        {
          file: "a.md",
          line: 2,
          field: "encoding",
          message:
            "column 4: byte 0xE9 is not UTF-8: the file was saved in another encoding or holds binary data; save it as UTF-8 (or upload it again, saved as UTF-8)",
        },
        expect.objectContaining({ line: 3, message: expect.stringMatching(/^column 1: byte 0xE9/) }),
      ],
    });
    // An overlong form, a UTF-16 surrogate and a truncated sequence are not UTF-8 either.
    for (const bytes of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0x41, 0xe2, 0x82],
    ]) {
      expect(decode(bytes)).toMatchObject({ problems: [{ line: 1, field: "encoding" }] });
    }
  });

  it("names ten places, then says how many more there are", () => {
    const found = decode(Array.from({ length: 14 }, () => [0xe9, 0x0a]).flat());
    expect("problems" in found && found.problems.map((p) => p.line)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10,
    ]);
    expect("problems" in found && found.problems.at(-1)?.message).toBe(
      "and 4 more places like these further on: fix the file's encoding as a whole",
    );
  });

  it("refuses NUL and other control characters, counting columns in characters", () => {
    expect(decode("Zoë\u0000")).toMatchObject({
      problems: [
        { line: 1, message: expect.stringMatching(/^column 4: the control character U\+0000 \(NUL\)/) },
      ],
    });
    expect(decode("a\n\nb\fc")).toMatchObject({
      problems: [
        { line: 3, message: expect.stringMatching(/^column 2: the control character U\+000C has no place/) },
      ],
    });
    expect(decode("x\u0085")).toMatchObject({ problems: [{ message: expect.stringContaining("U+0085") }] });
  });
});
