/**
 * A result's excerpt from the story's own text. Pagefind excerpts the page's indexed text around
 * the best cluster of matched words, and that text starts with the headline, the dek and the byline
 * and ends with the labels and the rights line. The article page marks where the story starts and
 * ends (elements with the ids STORY_ANCHOR and STORY_END_ANCHOR, which Pagefind records as anchors
 * with their word positions); the excerpt is cut, as Pagefind cuts one, from the matched words
 * between them.
 */

/** The id of the element that holds an article's story text. */
export const STORY_ANCHOR = "article-body";
/** The id of an empty element at the story's end: photos, corrections, labels and rights follow it. */
export const STORY_END_ANCHOR = "article-body-end";

/** What of Pagefind's result data the excerpt reads. */
export interface ExcerptSource {
  /** The indexed text, HTML-escaped (words separated by spaces, or by U+200B where Pagefind segmented). */
  raw_content?: string;
  anchors?: { id: string; location: number }[];
  weighted_locations?: { location: number; balanced_score: number }[];
}

/** Words in an excerpt, as many as Pagefind's own. */
const EXCERPT_WORDS = 30;

/**
 * The excerpt of the story text around its best cluster of matched words, matched words in
 * `<mark>`; undefined when the page marks no story or no matched word is in it.
 */
export function storyExcerpt(data: ExcerptSource, length = EXCERPT_WORDS): string | undefined {
  const anchor = (id: string) => data.anchors?.find((found) => found.id === id)?.location;
  const start = anchor(STORY_ANCHOR);
  if (start === undefined || data.raw_content === undefined) return undefined;
  const segmented = data.raw_content.includes("\u200B");
  const words = segmented ? data.raw_content.split("\u200B") : data.raw_content.split(/[\r\n\s]+/g);
  const end = Math.min(anchor(STORY_END_ANCHOR) ?? words.length, words.length);
  const matched = (data.weighted_locations ?? []).filter(
    ({ location }) => location >= start && location < end,
  );
  if (matched.length === 0) return undefined;
  const first = Math.min(...matched.map(({ location }) => location));
  // Windows that hold the first matched word start up to `length` words before it, never before
  // the story; when the story's first word cuts that short, the match cannot be centred.
  const begin = Math.max(start, first - length + 1);
  const run = densestWindows(matched, begin, length);
  const best =
    run[0] === start && begin > first - length + 1 ? start : (run[Math.floor(run.length / 2)] ?? begin);
  // Nor does the excerpt run past the story's end.
  const from = Math.max(start, Math.min(best, end - length));
  const marked = new Set(matched.map(({ location }) => location));
  return words
    .slice(from, Math.min(from + length, end))
    .map((word, i) => (marked.has(from + i) ? `<mark>${word}</mark>` : word))
    .join(segmented ? "" : " ")
    .trim();
}

/**
 * Where, from `begin` on, the windows of `length` words with the highest sum of scores start: the
 * first run of equal ones, whose middle one centres a lone match.
 */
function densestWindows(
  matched: readonly { location: number; balanced_score: number }[],
  begin: number,
  length: number,
): number[] {
  const scores: number[] = [];
  for (const { location, balanced_score } of matched)
    scores[location] = (scores[location] ?? 0) + balanced_score;
  let sum = 0;
  for (let i = begin; i < begin + length; i++) sum += scores[i] ?? 0;
  let best = -1;
  let bestAt: number[] = [];
  for (let i = begin; i < scores.length; i++) {
    if (sum > best) {
      best = sum;
      bestAt = [i];
    } else if (sum === best && bestAt.at(-1) === i - 1) {
      bestAt.push(i);
    }
    sum += (scores[i + length] ?? 0) - (scores[i] ?? 0);
  }
  return bestAt;
}
