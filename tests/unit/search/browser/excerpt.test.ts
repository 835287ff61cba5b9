import { describe, expect, it } from "vitest";
import { STORY_ANCHOR, STORY_END_ANCHOR, storyExcerpt } from "../../../../src/search/browser/excerpt";

// A page's indexed text as Pagefind keeps it: headline, dek, then the story from word 7 on.
const HEADLINE = "Harbour light returns to Kellsport";
const DEK = "After ten dark years";
const STORY = Array.from({ length: 60 }, (_, i) => (i === 40 ? "harbour" : `w${i}`)).join(" ");
const content = `${HEADLINE} ${DEK} ${STORY}`;
const storyAt = HEADLINE.split(" ").length + DEK.split(" ").length;
const at = (location: number, balanced_score = 1) => ({ location, balanced_score });

describe("a result's excerpt of the story", () => {
  it("is cut from the story, around its matched words, never from the headline", () => {
    const excerpt = storyExcerpt({
      raw_content: content,
      anchors: [{ id: STORY_ANCHOR, location: storyAt }],
      // The headline's "Harbour" scores highest, as a heading does in Pagefind.
      weighted_locations: [at(0, 7), at(storyAt + 40)],
    });
    expect(excerpt).toBeDefined();
    expect(excerpt).not.toMatch(/Kellsport|dark years/);
    expect(excerpt).toContain("w39 <mark>harbour</mark> w41");
    expect(excerpt!.split(" ")).toHaveLength(30);
    // The matched word sits in the middle, not at an edge.
    expect(excerpt!.split(" ").indexOf("<mark>harbour</mark>")).toBeGreaterThan(10);
  });

  it("keeps to the story's first words when the match is near its start", () => {
    const excerpt = storyExcerpt({
      raw_content: content,
      anchors: [{ id: STORY_ANCHOR, location: storyAt }],
      weighted_locations: [at(storyAt + 2)],
    });
    expect(excerpt?.startsWith("w0 w1 <mark>w2</mark>")).toBe(true);
  });

  it("goes where most matched words are, past a lone one near the story's start", () => {
    const cluster = [44, 45, 47].map((i) => at(storyAt + i));
    const excerpt = storyExcerpt({
      raw_content: content,
      anchors: [{ id: STORY_ANCHOR, location: storyAt }],
      weighted_locations: [at(storyAt + 1), ...cluster],
    });
    expect(excerpt).toContain("<mark>w44</mark> <mark>w45</mark> w46 <mark>w47</mark>");
  });

  it("is the story's last words when the match is near its end", () => {
    const excerpt = storyExcerpt({
      raw_content: content,
      anchors: [{ id: STORY_ANCHOR, location: storyAt }],
      weighted_locations: [at(storyAt + 59)],
    });
    expect(excerpt?.endsWith("w58 <mark>w59</mark>")).toBe(true);
    expect(excerpt!.split(" ")).toHaveLength(30);
  });

  it("is left to the caller when the words are only in the headline, or the page marks no story", () => {
    expect(
      storyExcerpt({
        raw_content: content,
        anchors: [{ id: STORY_ANCHOR, location: storyAt }],
        weighted_locations: [at(0, 7)],
      }),
    ).toBeUndefined();
    expect(
      storyExcerpt({ raw_content: content, anchors: [], weighted_locations: [at(storyAt + 40)] }),
    ).toBeUndefined();
  });

  it("joins the words of a segmented language without spaces", () => {
    const excerpt = storyExcerpt({
      raw_content: ["标题", "网络", "安全", "对话", "继续"].join("\u200B"),
      anchors: [{ id: STORY_ANCHOR, location: 1 }],
      weighted_locations: [at(2)],
    });
    expect(excerpt).toBe("网络<mark>安全</mark>对话继续");
  });

  it("stops at the story's end: the labels, credits and rights after it are never excerpted", () => {
    const footer = "Elections Kellsport Retrieved 14 June 2016 from Kellsport Wire";
    const page = `${content} ${footer}`;
    const storyEnd = storyAt + 60;
    const anchors = [
      { id: STORY_ANCHOR, location: storyAt },
      { id: STORY_END_ANCHOR, location: storyEnd },
    ];
    // Only in the labels after the story: no excerpt of the story, the caller shows the summary.
    expect(storyExcerpt({ raw_content: page, anchors, weighted_locations: [at(storyEnd)] })).toBeUndefined();
    // In the story's last words: the excerpt ends where the story does.
    const excerpt = storyExcerpt({
      raw_content: page,
      anchors,
      weighted_locations: [at(storyEnd - 1), at(storyEnd)],
    });
    expect(excerpt?.endsWith("w58 <mark>w59</mark>")).toBe(true);
    expect(excerpt).not.toContain("Retrieved");
  });
});
