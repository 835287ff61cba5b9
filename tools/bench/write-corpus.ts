import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import {
  createCorpusGenerator,
  laterDay,
  type ArticleHead,
  type CorpusDay,
  type CorpusGenerator,
} from "./corpus";

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
  /** The date of the corpus's newest article, the day a day's news is added to. */
  newestDay: CorpusDay;
  /** A word common in the corpus, to search for. */
  commonWord: string;
}

/**
 * Writes articles `from`…`to - 1` of `generator` under `dir`, streaming: each article is generated
 * just before it is written, so memory stays flat at any size. Returns the files in index order.
 */
async function writeArticles(
  generator: CorpusGenerator,
  dir: string,
  from: number,
  to: number,
): Promise<string[]> {
  // One mkdir per folder, awaited by every writer into it.
  const folders = new Map<string, Promise<unknown>>();
  const files: string[] = [];
  let next = from;
  const worker = async (): Promise<void> => {
    while (next < to) {
      const index = next++;
      const { path, content } = generator.article(index);
      const file = join(dir, path);
      files[index - from] = file;
      const folder = dirname(file);
      if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
      await folders.get(folder);
      await writeFile(file, content);
    }
  };
  await Promise.all(Array.from({ length: FILES_AT_ONCE }, worker));
  return files;
}

/** Writes articles 0…size-1 of the seed's corpus under `dir`. */
export async function writeCorpus(dir: string, size: number, seed: string): Promise<WrittenCorpus> {
  const generator = createCorpusGenerator(seed);
  const [firstArticle = ""] = await writeArticles(generator, dir, 0, size);
  let newestDay = generator.head(0).published;
  for (let i = 1; i < size; i++) newestDay = laterDay(newestDay, generator.head(i).published);
  return {
    dir,
    articles: size,
    firstArticle,
    first: generator.head(0),
    newestDay,
    commonWord: generator.commonWord(),
  };
}

/**
 * Adds a day's news to the corpus of `size` articles written by `writeCorpus`: the seed's next
 * `count` articles (indexes size…size+count-1), all dated `day`. Returns their files.
 */
export async function writeDaysNews(
  dir: string,
  size: number,
  seed: string,
  count: number,
  day: CorpusDay,
): Promise<string[]> {
  const generator = createCorpusGenerator(seed, { redated: { from: size, day } });
  return writeArticles(generator, dir, size, size + count);
}
