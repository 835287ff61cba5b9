import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import pLimit from "p-limit";
import { LANGUAGE_META, WORD_BUCKETS, WORDS_FOLDER, bucketOf, wordsOf, type WordCounts } from "./words";

// Pagefind's files are gzip with this signature in front of their content.
const SIGNATURE = "pagefind_dcd";

/** What a Pagefind fragment (one page's record) holds that the word lists read. */
interface Fragment {
  content: string;
  meta: Record<string, string | undefined>;
}

/**
 * Writes the word lists of the part of the index in `bundle` (src/search/words.ts), from the text
 * Pagefind indexed: every page's fragment, which holds it whole. Every bucket of every language
 * the part holds is written, empty or not.
 */
export async function writeIndexWords(bundle: string): Promise<void> {
  const folder = join(bundle, "fragment");
  const files = (await readdir(folder).catch(() => [] as string[])).filter((f) => f.endsWith(".pf_fragment"));
  const byLanguage = new Map<string, Map<string, number>>();
  const limit = pLimit(16);
  await Promise.all(
    files.map((file) =>
      limit(async () => {
        const fragment = readFragment(await readFile(join(folder, file)), file);
        const language = fragment.meta[LANGUAGE_META] ?? "unknown";
        const counts = byLanguage.get(language) ?? new Map<string, number>();
        byLanguage.set(language, counts);
        for (const word of wordsOf(`${fragment.meta.title ?? ""} ${fragment.content}`)) {
          counts.set(word, (counts.get(word) ?? 0) + 1);
        }
      }),
    ),
  );
  for (const [language, counts] of byLanguage) {
    const buckets: WordCounts[] = Array.from({ length: WORD_BUCKETS }, () => ({}));
    // Sorted, so that the same pages always write the same files.
    for (const word of [...counts.keys()].sort()) buckets[bucketOf(word)]![word] = counts.get(word)!;
    const dir = join(bundle, WORDS_FOLDER, language);
    await mkdir(dir, { recursive: true });
    await Promise.all(buckets.map((words, i) => writeFile(join(dir, `${i}.json`), JSON.stringify(words))));
  }
}

function readFragment(bytes: Buffer, file: string): Fragment {
  const data = gunzipSync(bytes);
  if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) {
    throw new Error(`${file} is not a Pagefind fragment this build can read`);
  }
  return JSON.parse(data.subarray(SIGNATURE.length).toString("utf8")) as Fragment;
}
