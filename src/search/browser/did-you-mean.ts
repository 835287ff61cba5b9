/**
 * "Did you mean": for words the index lacks, the closest words it holds, read from the word lists
 * each part of the index carries (src/search/words.ts). Loaded by the search page only when a
 * search finds nothing.
 */
import { distance } from "fastest-levenshtein";
import { wordFile, wordsOf, type WordCounts } from "../words";

/** Reads a bucket of words at a site address. */
export type ReadWords = (path: string) => Promise<WordCounts>;

/** How far a word may be from the one typed: one edit for short words, two for longer ones. */
function reach(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

/** The closest word of `counts` to `word` within reach, the most used of equally close ones. */
function closest(word: string, counts: ReadonlyMap<string, number>): string | undefined {
  let best: { word: string; distance: number; count: number } | undefined;
  const most = reach(word);
  for (const [candidate, count] of counts) {
    if (Math.abs(candidate.length - word.length) > most) continue;
    const d = distance(word, candidate);
    if (d > most) continue;
    if (
      !best ||
      d < best.distance ||
      (d === best.distance && (count > best.count || (count === best.count && candidate < best.word)))
    ) {
      best = { word: candidate, distance: d, count };
    }
  }
  return best?.word;
}

/**
 * The query with each word the `parts` of `language` do not hold replaced by the closest one they
 * do, or undefined when no word could be replaced. Words of scripts without spaces, numbers and
 * short words are kept as typed.
 */
export async function suggestQuery(
  query: string,
  parts: readonly { path: string }[],
  language: string,
  read: ReadWords,
): Promise<string | undefined> {
  const tokens = query.split(/\s+/).filter((token) => token !== "");
  let changed = false;
  const replaced = await Promise.all(
    tokens.map(async (token) => {
      const [word] = wordsOf(token);
      // Only a token that is one word as the lists keep it can be corrected.
      if (word === undefined || word !== token.toLowerCase()) return token;
      const counts = new Map<string, number>();
      const buckets = await Promise.all(parts.map((part) => read(`${part.path}${wordFile(language, word)}`)));
      for (const bucket of buckets) {
        for (const [w, n] of Object.entries(bucket)) counts.set(w, (counts.get(w) ?? 0) + n);
      }
      if (counts.has(word)) return token;
      const better = closest(word, counts);
      if (better === undefined) return token;
      changed = true;
      return better;
    }),
  );
  return changed ? replaced.join(" ") : undefined;
}
