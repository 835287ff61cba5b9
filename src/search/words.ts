/**
 * The word lists "Did you mean" reads (src/search/browser/did-you-mean.ts): every word of the text
 * a part of the index holds, per language, with how often it occurs, split into WORD_BUCKETS files
 * by the word's first letter so that a reader's browser loads one small file per part, never the
 * whole vocabulary. Written beside each part's Pagefind files (src/search/index-words.ts).
 */

/** The files a language's words are split into; every one is written, so none is ever missing. */
export const WORD_BUCKETS = 64;

/** A bucket's words: word → how many times the part's pages use it. */
export type WordCounts = Record<string, number>;

/** The meta key an article page names its language under (SearchKeys.astro): fragments carry it. */
export const LANGUAGE_META = "language";

/** The folder of a part's words, below the part's own folder. */
export const WORDS_FOLDER = "words";

/** The file, below a part's folder, that holds the words of `language` starting like `word`. */
export function wordFile(language: string, word: string): string {
  return `${WORDS_FOLDER}/${language}/${bucketOf(word)}.json`;
}

/** The bucket of a word: its first letter's code point, folded into WORD_BUCKETS. */
export function bucketOf(word: string): number {
  return (word.codePointAt(0) ?? 0) % WORD_BUCKETS;
}

// Scripts written without spaces between words, where a spelling by edit distance means nothing.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
// Shorter words are too often someone's initials or a number's unit to correct.
const SHORTEST = 3;
const LONGEST = 30;

/**
 * The words of a text as the lists keep them: lower case, split at anything but letters, numbers
 * and joining marks, letters only, of an alphabet (not of scripts written without spaces).
 */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(
      (word) =>
        word.length >= SHORTEST && word.length <= LONGEST && !/\p{N}/u.test(word) && !UNSPACED.test(word),
    );
}
