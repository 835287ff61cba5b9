import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../support/site-build";
import { child, childText, children, readXml } from "../support/xml";

describe("feeds of a large archive", () => {
  it("carry the 50 newest articles, site-wide and per topic", async () => {
    const root = await mkdtemp(join(tmpdir(), "archive-feeds-"));
    const articles = join(root, "articles");
    await mkdir(articles, { recursive: true });
    // 53 articles, one a day from 1 January 2020, all on one topic.
    for (let day = 1; day <= 53; day++) {
      const date = new Date(Date.UTC(2020, 0, day)).toISOString().slice(0, 10);
      await writeFile(
        join(articles, `story-${day}.md`),
        `---\ntitle: Story ${day}\npublished: ${date}\ntopics: [bulk]\n---\n\nDay ${day} of the story.\n`,
      );
    }
    const outDir = join(root, "dist");
    const { code, output } = await buildSite({ articlesDir: articles, outDir });
    expect(code, output).toBe(0);
    const newest50 = Array.from({ length: 50 }, (_, i) => `Story ${53 - i}`);
    for (const file of ["rss.xml", "topics/bulk/rss.xml"]) {
      const channel = child((await readXml(outDir, file)).documentElement!, "channel");
      expect(
        children(channel, "item").map((item) => childText(item, "title")),
        file,
      ).toEqual(newest50);
    }
    const atom = (await readXml(outDir, "atom.xml")).documentElement!;
    expect(children(atom, "entry").map((entry) => childText(entry, "title"))).toEqual(newest50);
    const json = JSON.parse(await readFile(join(outDir, "feed.json"), "utf8")) as {
      items: { title: string }[];
    };
    expect(json.items.map((item) => item.title)).toEqual(newest50);
  }, 120_000);
});
