import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judgeArchive, judgeArticleFile, type FileRules } from "../../../src/articles/pipeline";
import { toArchiveArticle, type ArchiveArticle } from "../../../src/articles/archive-rules";
import { formatProblem } from "../../../src/lib/problems";
import { createArticleSchema } from "../../../src/articles/schema/article";

const schema = createArticleSchema({ defaultLanguage: "en", timezone: "UTC" });
/** A body whose raw HTML becomes an event handler only once rendered, across paragraphs. */
const SPLIT_TAG = "<div title='\n\n`' onmouseover=alert(1) x='`\n\n`'`\n";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "archive-pipeline-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function judge(name: string, text: string, checksRendered = true) {
  const filePath = join(dir, name);
  await writeFile(filePath, text);
  const rules: FileRules = { schema, siteBase: "/", checksRenderedHtml: () => checksRendered };
  return judgeArticleFile(filePath, `articles/${name}`, rules);
}

const messages = (verdict: Awaited<ReturnType<typeof judge>>): string[] =>
  verdict.status === "refused" ? verdict.problems.map(formatProblem) : [];

describe("judgeArticleFile", () => {
  it("publishes a sound article, its HTML counted as checked when it has none", async () => {
    const verdict = await judge("sound.md", "---\ntitle: Sound\npublished: 2020-01-02\n---\n\nText.\n");
    expect(verdict).toMatchObject({ status: "published", renderedChecked: true });
  });

  it("withholds a sound draft", async () => {
    const verdict = await judge(
      "draft.md",
      "---\ntitle: Draft\npublished: 2020-01-02\ndraft: true\n---\n\nText.\n",
    );
    expect(verdict.status).toBe("withheld");
  });

  it("refuses a file whose frontmatter breaks a rule, naming the file, line and field", async () => {
    const verdict = await judge("bad.md", "---\ntitle: Bad\npublished: 2020-13-02\n---\n\nText.\n");
    expect(messages(verdict)).toEqual([expect.stringMatching(/^articles\/bad\.md:3: published: /)]);
  });

  it("refuses script that only the rendered HTML shows, when the rules check it", async () => {
    const verdict = await judge("split.md", `---\ntitle: Split\npublished: 2020-01-02\n---\n\n${SPLIT_TAG}`);
    expect(messages(verdict)).toEqual([
      expect.stringMatching(
        /^articles\/split\.md:5: body: the inline event handler onmouseover= .*rendered HTML/,
      ),
    ]);
  });

  it("leaves that HTML unchecked, and says so, when the rules leave it to the page", async () => {
    const verdict = await judge(
      "later.md",
      `---\ntitle: Later\npublished: 2020-01-02\n---\n\n${SPLIT_TAG}`,
      false,
    );
    expect(verdict).toMatchObject({ status: "published", renderedChecked: false });
  });

  it("reports an unreadable image and unsafe HTML of one file together", async () => {
    await writeFile(join(dir, "photo.jpg"), "not an image");
    const verdict = await judge(
      "both.md",
      `---\ntitle: Both\npublished: 2020-01-02\n---\n\n![A photo](photo.jpg)\n\n${SPLIT_TAG}`,
    );
    expect(messages(verdict)).toEqual([
      expect.stringMatching(/^articles\/both\.md:6: body: photo\.jpg is not an image file that can be read/),
      expect.stringMatching(/^articles\/both\.md:5: body: the inline event handler onmouseover=/),
    ]);
  });
});

describe("judgeArchive", () => {
  const published = async (name: string, slug: string): Promise<ArchiveArticle> => {
    const verdict = await judge(
      name,
      `---\ntitle: ${name}\npublished: 2020-01-02\nslug: ${slug}\n---\n\nText.\n`,
    );
    if (verdict.status !== "published") throw new Error(`${name} was not published`);
    return toArchiveArticle(`articles/${name}`, verdict.article);
  };
  const scope = () => ({
    root: dir,
    baseDir: "/archive",
    toFile: (path: string) => path.slice(1),
    urlManifest: undefined,
  });

  it("reports stray files and two articles on one address", async () => {
    const articles = [await published("one.md", "same"), await published("two.md", "same")];
    const problems = await judgeArchive({
      ...scope(),
      files: ["one.md", "two.md", "notes.txt"],
      published: articles,
      filesSound: true,
    });
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^archive\/notes\.txt:1: file: not an article/),
      expect.stringMatching(
        /^articles\/one\.md:4: slug: \/2020\/01\/02\/same\/ is also the address of articles\/two\.md/,
      ),
      expect.stringMatching(
        /^articles\/two\.md:4: slug: \/2020\/01\/02\/same\/ is also the address of articles\/one\.md/,
      ),
    ]);
  });

  it("judges the published addresses against the URL manifest only when every file is sound", async () => {
    await writeFile(join(dir, "urls.txt"), "/2001/01/01/gone/\n");
    const articles = [await published("kept.md", "kept")];
    const judged = (filesSound: boolean) =>
      judgeArchive({
        ...scope(),
        files: ["kept.md"],
        published: articles,
        urlManifest: "urls.txt",
        filesSound,
      });
    expect((await judged(true)).map(formatProblem)).toEqual([
      expect.stringMatching(/urls\.txt:1: .*\/2001\/01\/01\/gone\//),
    ]);
    expect(await judged(false)).toEqual([]);
  });
});
