import { describe, expect, it } from "vitest";
import {
  LEXICON_SIZES,
  createCorpusGenerator,
  createRandom,
  createZipfSampler,
  editArticle,
  laterDay,
} from "../../tools/bench/corpus";
import { splitArticleSource } from "../../src/articles/frontmatter";
import { formatProblem } from "../../src/lib/problems";
import { validateArticleSource } from "../../src/articles/validate-article";
import { createArticleSchema } from "../../src/articles/schema/article";

const schema = createArticleSchema({ defaultLanguage: "en", timezone: "UTC" });
const SIZE = 400;
const generator = createCorpusGenerator("test-seed");
const corpus = Array.from({ length: SIZE }, (_, i) => generator.article(i));

function frontmatterOf(content: string): Record<string, unknown> {
  const split = splitArticleSource(content);
  if (!split.ok) throw new Error(split.errors.map((e) => e.message).join("; "));
  return split.source.data as Record<string, unknown>;
}

function bodyOf(content: string): string {
  const split = splitArticleSource(content);
  if (!split.ok) throw new Error("no frontmatter");
  return split.source.body;
}

/** Paragraphs of running text: blocks that are not subheadings. */
const paragraphsOf = (content: string): string[] =>
  bodyOf(content)
    .trim()
    .split(/\n{2,}/)
    .filter((block) => !block.startsWith("## "));

describe("bench corpus: determinism", () => {
  it("gives byte-identical files for the same seed", () => {
    const again = createCorpusGenerator("test-seed");
    for (let i = 0; i < 50; i++) expect(again.article(i)).toEqual(corpus[i]);
  });

  it("gives different files for another seed", () => {
    const other = createCorpusGenerator("another-seed");
    const same = Array.from({ length: 50 }, (_, i) => other.article(i).content === corpus[i]?.content);
    expect(same.filter(Boolean)).toEqual([]);
  });

  it("is prefix-stable: article i does not depend on how many are generated", () => {
    expect(createCorpusGenerator("test-seed").article(SIZE - 1)).toEqual(corpus[SIZE - 1]);
  });

  it("draws the same numbers from the same seed", () => {
    const a = createRandom("x");
    const b = createRandom("x");
    const c = createRandom("y");
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    for (const n of first) expect(n >= 0 && n < 1).toBe(true);
  });
});

describe("bench corpus: shape", () => {
  it("writes articles that pass the project's validator", () => {
    const problems = corpus.flatMap(({ path, content }) => {
      const result = validateArticleSource(content, path, schema);
      return result.ok ? [] : result.problems.map(formatProblem);
    });
    expect(problems).toEqual([]);
  });

  it("gives every article a unique file and address", () => {
    expect(new Set(corpus.map((a) => a.path)).size).toBe(SIZE);
    expect(new Set(corpus.map((_, i) => generator.head(i).path)).size).toBe(SIZE);
    for (const { path } of corpus) expect(path).toMatch(/^\d{4}\/\d{2}\/[a-z0-9-]+\.md$/);
  });

  it("writes 6 to 15 paragraphs a body", () => {
    const counts = corpus.map((a) => paragraphsOf(a.content).length);
    expect(Math.min(...counts)).toBe(6);
    expect(Math.max(...counts)).toBe(15);
  });

  it("fills the full frontmatter, with the optional fields on some articles", () => {
    const data = corpus.map((a) => frontmatterOf(a.content));
    for (const d of data) {
      for (const key of [
        "title",
        "dek",
        "published",
        "byline",
        "agency",
        "dateline",
        "section",
        "topics",
        "places",
        "rights",
      ]) {
        expect(d).toHaveProperty(key);
      }
    }
    for (const key of [
      "updated",
      "people",
      "organizations",
      "images",
      "source",
      "language",
      "corrections",
      "aliases",
    ]) {
      expect(
        data.some((d) => key in d),
        key,
      ).toBe(true);
    }
    expect(data.filter((d) => d.language === undefined).length).toBeGreaterThan(SIZE * 0.9);
  });

  it("invents tens of thousands of words, hundreds of bylines and places, dozens of topics", () => {
    const { lexicon } = generator;
    expect(new Set(lexicon.words).size).toBe(LEXICON_SIZES.words);
    expect(lexicon.words.length).toBeGreaterThanOrEqual(20_000);
    expect(lexicon.bylines.length).toBeGreaterThanOrEqual(200);
    expect(lexicon.places.length).toBeGreaterThanOrEqual(200);
    expect(lexicon.topics.length).toBeGreaterThanOrEqual(24);
    expect(lexicon.topics.length).toBeLessThan(100);
    for (const word of lexicon.words.slice(0, 1000)) expect(word).toMatch(/^[a-z]{2,}$/);
  });

  it("uses hundreds of distinct bylines and places and dozens of topics across the corpus", () => {
    const all = (key: string): Set<string> =>
      new Set(corpus.flatMap((a) => [frontmatterOf(a.content)[key]].flat() as string[]));
    expect(all("byline").size).toBeGreaterThanOrEqual(150);
    expect(all("places").size).toBeGreaterThanOrEqual(100);
    expect(all("topics").size).toBeGreaterThanOrEqual(24);
  });

  it("draws words with a Zipf-like frequency: the commonest far above the 100th", () => {
    const counts = new Map<string, number>();
    for (const { content } of corpus) {
      for (const word of bodyOf(content)
        .toLowerCase()
        .match(/[a-z]+/g) ?? []) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(sorted[0]).toBeGreaterThan(20 * (sorted[99] as number));
    expect(counts.size).toBeGreaterThan(5000);
  });

  it("samples index 0 most often", () => {
    const sample = createZipfSampler(1000, 1);
    const random = createRandom("zipf");
    const hits = new Array<number>(1000).fill(0);
    for (let i = 0; i < 100_000; i++) hits[sample(random)]! += 1;
    expect(hits[0]).toBeGreaterThan(25 * (hits[99] as number));
  });

  it("spreads dates over about 30 years, with and without time offsets", () => {
    const published = corpus.map((a) => String(frontmatterOf(a.content).published));
    const years = published.map((p) => Number(p.slice(0, 4)));
    expect(Math.max(...years) - Math.min(...years)).toBeGreaterThanOrEqual(27);
    expect(Math.max(...years) - Math.min(...years)).toBeLessThanOrEqual(30);
    expect(published.some((p) => /^\d{4}-\d{2}-\d{2}$/.test(p))).toBe(true);
    expect(published.some((p) => /T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/.test(p))).toBe(true);
  });

  it("links some articles to the address of an earlier one", () => {
    const addresses = new Set(corpus.map((_, i) => generator.head(i).path));
    const links = corpus.flatMap((a) => [...a.content.matchAll(/\]\((\/\d{4}\/[^)]+)\)/g)].map((m) => m[1]));
    expect(links.length).toBeGreaterThan(SIZE / 10);
    for (const link of links) expect(addresses.has(link as string)).toBe(true);
  });

  it("picks a common search word that occurs in the corpus", () => {
    const word = generator.commonWord();
    expect(word.length).toBeGreaterThanOrEqual(5);
    const pattern = new RegExp(`\\b${word}\\b`, "i");
    expect(corpus.filter((a) => pattern.test(a.content)).length).toBeGreaterThan(SIZE / 50);
  });

  it("edits one article into another valid article", () => {
    const { path, content } = corpus[0]!;
    const edited = editArticle(content);
    expect(edited).not.toBe(content);
    expect(editArticle(content)).toBe(edited);
    expect(validateArticleSource(edited, path, schema).ok).toBe(true);
  });
});

describe("bench corpus: a day's news", () => {
  const newest = corpus.map((_, i) => generator.head(i).published).reduce((a, b) => laterDay(a, b));
  const redated = createCorpusGenerator("test-seed", { redated: { from: SIZE, day: newest } });
  const news = Array.from({ length: 25 }, (_, i) => redated.article(SIZE + i));

  it("leaves the articles before it as they were", () => {
    for (let i = 0; i < 20; i++) expect(redated.article(i)).toEqual(corpus[i]);
  });

  it("dates every added article on the corpus's newest day, in files of their own", () => {
    const day = `${newest.year}-${String(newest.month).padStart(2, "0")}-${String(newest.date).padStart(2, "0")}`;
    for (const { content } of news) expect(String(frontmatterOf(content).published).slice(0, 10)).toBe(day);
    const paths = new Set([...corpus, ...news].map((a) => a.path));
    expect(paths.size).toBe(SIZE + news.length);
  });

  it("writes valid articles whose links all lead to an article of the corpus", () => {
    const problems = news.flatMap(({ path, content }) => {
      const result = validateArticleSource(content, path, schema);
      return result.ok ? [] : result.problems.map(formatProblem);
    });
    expect(problems).toEqual([]);
    const addresses = new Set(Array.from({ length: SIZE + news.length }, (_, i) => redated.head(i).path));
    for (const { content } of news) {
      for (const [, link] of content.matchAll(/\]\((\/\d{4}\/[^)]+)\)/g))
        expect(addresses.has(link!)).toBe(true);
    }
  });
});
