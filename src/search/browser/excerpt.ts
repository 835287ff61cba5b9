/**
 * A result's excerpt from the story's own text. Pagefind excerpts the page's indexed text around
 * the best cluster of matched words, and that text starts with the headline and the dek, which the
 * result already shows. The article page marks where the story starts (an element with the id
 * STORY_ANCHOR, which Pagefind records as an anchor with its word position); the excerpt is cut, as
 * Pagefind cuts one, from the matched words from there on.
 */

/** The id of the element that holds an article's story text. */
export const STORY_ANCHOR = "article-body";

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
  const start = data.anchors?.find((anchor) => anchor.id === STORY_ANCHOR)?.location;
  const matched = (data.weighted_locations ?? []).filter(
    ({ location }) => start !== undefined && location >= start,
  );
  if (start === undefined || data.raw_content === undefined || matched.length === 0) return undefined;
  const segmented = data.raw_content.includes("\u200B");
  const words = segmented ? data.raw_content.split("\u200B") : data.raw_content.split(/[\r\n\s]+/g);
  const first = Math.min(...matched.map(({ location }) => location));
  // Windows that hold the first matched word start up to `length` words before it, never before
  // the story; when the story's first word cuts that short, the match cannot be centred.
  const begin = Math.max(start, first - length + 1);
  const run = densestWindows(matched, begin, length);
  const best =
    run[0] === start && begin > first - length + 1 ? start : (run[Math.floor(run.length / 2)] ?? begin);
  const from = Math.max(start, Math.min(best, words.length - length));
  const marked = new Set(matched.map(({ location }) => location));
  return words
    .slice(from, from + length)
    .map((word, i) => (marked.has(from + i) ? `<mark>${word}</mark>` : word))
    .join(segmented ? "" : " ")
    .trim();
}

/**
 * Where, from `begin` on, the windows of `length` words with the highest sum of scores start: the
 * first run of equal ones, whose middle one centres a lone match, as Pagefind places it.
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
