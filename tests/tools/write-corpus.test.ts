import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus, writeDaysNews } from "../../tools/bench/write-corpus";
import { runCli } from "../support/cli";

const root = await mkdtemp(join(tmpdir(), "bench-corpus-"));
afterAll(() => rm(root, { recursive: true, force: true }));

describe("the benchmark's corpus on disk", () => {
  it("passes npm run check, archive-wide rules included", async () => {
    const corpus = await writeCorpus(join(root, "articles"), 300, "check");
    await writeFile(join(root, "urls.txt"), "");
    const result = await runCli("check", [], {
      cwd: root,
      env: { ARTICLES_DIR: "articles", URL_MANIFEST: "urls.txt" },
    });
    expect(result.stdout).toBe("No problems in 300 articles.\n");
    expect(result.code).toBe(0);
    expect(await readFile(corpus.firstArticle, "utf8")).toMatch(/^---\ntitle: /);

    // The day's news added to it passes too, every article on the corpus's newest day.
    const { year, month, date } = corpus.newestDay;
    const day = `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
    const news = await writeDaysNews(join(root, "articles"), 300, "check", 25, corpus.newestDay);
    expect(news).toHaveLength(25);
    for (const file of news) expect(await readFile(file, "utf8")).toContain(`\npublished: ${day}`);
    const again = await runCli("check", [], {
      cwd: root,
      env: { ARTICLES_DIR: "articles", URL_MANIFEST: "urls.txt" },
    });
    expect(again.stdout).toBe("No problems in 325 articles.\n");
    expect(again.code).toBe(0);
  });
});
