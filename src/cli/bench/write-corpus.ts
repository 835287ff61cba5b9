import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createCorpusGenerator, type ArticleHead } from "../../lib/bench/corpus";

/** Files written at the same time: enough to keep the disk busy, few enough to hold little in memory. */
const FILES_AT_ONCE = 64;

/** What was written. */
export interface WrittenCorpus {
  dir: string;
  articles: number;
  /** The file of the first article, the one a rebuild edits. */
  firstArticle: string;
  /** Its address and date. */
  first: ArticleHead;
  /** A word common in the corpus, to search for. */
  commonWord: string;
}

/**
 * Writes articles 0…size-1 of the seed's corpus under `dir`, streaming: each article is generated
 * just before it is written, so memory stays flat at any size.
 */
export async function writeCorpus(dir: string, size: number, seed: string): Promise<WrittenCorpus> {
  const generator = createCorpusGenerator(seed);
  // One mkdir per folder, awaited by every writer into it.
  const folders = new Map<string, Promise<unknown>>();
  let firstArticle = "";
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < size) {
      const { path, content } = generator.article(next++);
      const file = join(dir, path);
      if (firstArticle === "") firstArticle = file;
      const folder = dirname(file);
      if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
      await folders.get(folder);
      await writeFile(file, content);
    }
  };
  await Promise.all(Array.from({ length: FILES_AT_ONCE }, worker));
  return { dir, articles: size, firstArticle, first: generator.head(0), commonWord: generator.commonWord() };
}
