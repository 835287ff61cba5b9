import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { compareNewestFirst, findUrlConflicts, isPublic } from "../../src/lib/articles";
import { formatProblem } from "../../src/lib/problems";
import { validateArticleSource, type ValidArticle } from "../../src/articles/validate-article";
import { createArticleSchema } from "../../src/articles/schema/article";
import { site } from "../../src/site.config";
import { listFiles, projectRoot } from "../support/site-build";

const articlesDir = join(projectRoot, "content/articles");
const schema = createArticleSchema({ defaultLanguage: site.defaultLanguage, timezone: site.timezone });

/** Every article the archive ships, validated by the same rules as the build. */
async function loadSampleArticles(): Promise<(ValidArticle & { file: string })[]> {
  const files = (await listFiles(articlesDir)).filter((f) => f.endsWith(".md"));
  return Promise.all(
    files.map(async (name) => {
      const path = join(articlesDir, name);
      const file = `content/articles/${name}`;
      const result = validateArticleSource(await readFile(path, "utf8"), file, schema, {
        imageExists: (src) => existsSync(resolve(dirname(path), src)),
      });
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
      return { ...result.article, file };
    }),
  );
}

describe("the archive's own articles", () => {
  it("are all valid and claim distinct URLs", async () => {
    const articles = await loadSampleArticles();
    expect(articles.length).toBeGreaterThanOrEqual(12);
    expect(findUrlConflicts(articles)).toEqual([]);
  });

  it("span at least 5 years, 6 topics, several bylines, agencies and places", async () => {
    const articles = (await loadSampleArticles()).filter(isPublic);
    const distinct = (pick: (a: ValidArticle) => readonly string[]) => new Set(articles.flatMap(pick)).size;
    expect(distinct((a) => [String(a.data.published.year)])).toBeGreaterThanOrEqual(5);
    expect(distinct((a) => a.data.topics)).toBeGreaterThanOrEqual(6);
    expect(distinct((a) => a.data.byline)).toBeGreaterThanOrEqual(3);
    expect(distinct((a) => (a.data.agency ? [a.data.agency] : []))).toBeGreaterThanOrEqual(3);
    expect(distinct((a) => a.data.places)).toBeGreaterThanOrEqual(5);
  });

  it("include a local image, corrections, aliases, a draft and a non-English article", async () => {
    const articles = await loadSampleArticles();
    expect(articles.some((a) => a.data.images.some((image) => image.src !== undefined))).toBe(true);
    expect(articles.some((a) => a.data.corrections.length > 0)).toBe(true);
    expect(articles.some((a) => a.data.aliases.length > 0)).toBe(true);
    expect(articles.some((a) => a.data.draft)).toBe(true);
    expect(articles.some((a) => a.data.language !== site.defaultLanguage)).toBe(true);
    // The newest public article is not the draft.
    const [newest] = [...articles].filter(isPublic).sort(compareNewestFirst);
    expect(newest?.data.draft).toBe(false);
  });

  it("keep the 2016 wire story's metadata complete", async () => {
    const articles = await loadSampleArticles();
    const story = articles.find((a) => a.file.endsWith("us-china-cybercrime-dialogue-beijing.md"));
    if (!story) throw new Error("the 14 June 2016 story is missing");
    const { data } = story;
    expect(data.published.day).toBe("2016-06-14");
    expect(data.byline).toEqual(["Gerry Shih"]);
    expect(data.agency).toBe("Associated Press");
    expect(data.dateline).toBe("Beijing");
    expect(data.people).toEqual(expect.arrayContaining(["Guo Shengkun", "Max Baucus", "Suzanne Spaulding"]));
    expect(data.organizations).toContain("Office of Personnel Management");
    expect(data.places).toContain("Beijing");
    expect(data.images).toHaveLength(3);
    for (const image of data.images) {
      expect(image.src).toBeUndefined();
      expect(image.credit).toBe("Jason Lee/Pool Photo via AP");
      expect(image.caption?.length).toBeGreaterThan(20);
    }
    expect(data.source).toEqual({
      publisher: "Phys.org",
      url: "https://phys.org/news/2016-06-china-bridge-cybersecurity-differences.html",
      retrieved: expect.objectContaining({ day: "2024-04-27" }),
    });
    expect(data.rights).toBe("© 2016 The Associated Press. All rights reserved.");
  });
});
