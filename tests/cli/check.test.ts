import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { copyFixtureArchive, projectRoot, shellEnvironment } from "../support/site-build";

const invalidDir = join(projectRoot, "tests/fixtures/articles/invalid");
const good =
  "---\ntitle: Harbour light shines again\npublished: 2019-05-02\n---\n\nThe lamp was lit again.\n";

/** A project folder whose content/articles holds `files` (path → text), and optionally a copy of the fixture site. */
async function archive(
  files: Record<string, string | Buffer>,
  { withFixtureSite = false } = {},
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "archive-check-"));
  const articles = join(root, "content/articles");
  await mkdir(articles, { recursive: true });
  if (withFixtureSite) await copyFixtureArchive(articles);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(articles, name, ".."), { recursive: true });
    await writeFile(join(articles, name), text);
  }
  return root;
}

const check = (cwd: string, args: string[] = [], env: Record<string, string> = {}) =>
  runCli("check", args, { cwd, env });

describe("npm run check", () => {
  it("passes a good archive with exit 0", async () => {
    const { code, stdout } = await check(await archive({}, { withFixtureSite: true }));
    expect(stdout).toBe("No problems in 14 articles.\n");
    expect(code).toBe(0);
  });

  it("reports every problem of every file in one run, sorted by path, then a summary, and exits 1", async () => {
    const cwd = await archive({
      "2020/b-typo.md": "---\ntitle: A headline\npublised: 2020-01-02\n---\n\nText.\n",
      "2020/a-two.md": "---\ntitle: \npublished: 2020-13-01\n---\n\nText.\n",
      "2019/good.md": good,
    });
    const { code, stdout } = await check(cwd);
    expect(stdout.split("\n")).toEqual([
      "content/articles/2020/a-two.md:2: title: is empty: write a value after the colon",
      'content/articles/2020/a-two.md:3: published: "2020-13-01" is not a day of the calendar',
      "content/articles/2020/b-typo.md:1: published: required: write a date like 2016-06-14 or 2016-06-14T09:30:00+08:00",
      'content/articles/2020/b-typo.md:3: publised: unknown field "publised"; did you mean "published"?',
      "4 problems in 2 of 3 articles.",
      "",
    ]);
    expect(code).toBe(1);
  });

  it.each([
    ["yaml-syntax-error.md", 4, "frontmatter", "YAML syntax"],
    ["no-frontmatter.md", 1, "frontmatter", "no frontmatter"],
    ["unknown-key-typo.md", 3, "publised", 'did you mean "published"?'],
    ["script-in-body.md", 8, "body", "raw <script> is not allowed"],
    ["image-src-without-alt.md", 5, "images[0].src", "no image file at ./images/mural.jpg"],
    ["bad-published.md", 3, "published", "is not a date"],
    ["Harbour_Strike_Ends.md", 1, "slug", "does not make a valid URL slug"],
    ["nul-byte-in-body.md", 8, "encoding", "column 38: the control character U+0000 (NUL) has no place"],
    ["not-utf8.md", 2, "encoding", "column 11: byte 0xE9 is not UTF-8"],
  ])(
    "names the file, line and field of %s, and nothing of the good article beside it",
    async (name, line, field, message) => {
      // As bytes: a file that is not UTF-8 must reach the check as it was saved.
      const text = await readFile(join(invalidDir, name));
      const { code, stdout } = await check(await archive({ [`2021/${name}`]: text, "2019/good.md": good }));
      expect(stdout).toContain(`content/articles/2021/${name}:${line}: ${field}: `);
      expect(stdout.split("\n").find((l) => l.includes(`:${line}: ${field}: `))).toContain(message);
      expect(stdout).not.toContain("good.md");
      expect(code).toBe(1);
    },
  );

  it("reports every invalid fixture", async () => {
    const cwd = await archive({});
    await cp(invalidDir, join(cwd, "content/articles"), { recursive: true });
    const { code, stdout } = await check(cwd);
    const files = (await readdir(invalidDir)).filter((f) => f.endsWith(".md"));
    for (const file of files) expect(stdout, file).toContain(`content/articles/${file}:`);
    expect(stdout).toMatch(new RegExp(`in ${files.length} of ${files.length} articles\\.\\n$`));
    expect(code).toBe(1);
  });

  it("reports two articles on one URL, an alias on another page, and a stray file", async () => {
    const { stdout } = await check(
      await archive({
        "2019/good.md": good,
        "2019/copy/good.md": good,
        "2020/alias.md":
          "---\ntitle: Alias\npublished: 2020-01-02\naliases:\n  - /2019/05/02/good/\n---\n\nText.\n",
        "2020/notes.txt": "notes",
      }),
    );
    expect(stdout).toContain(
      "content/articles/2019/copy/good.md:3: slug: /2019/05/02/good/ is also the address of content/articles/2019/good.md",
    );
    expect(stdout).toContain(
      "content/articles/2019/good.md:3: slug: /2019/05/02/good/ is also the address of",
    );
    expect(stdout).toContain(
      "content/articles/2020/alias.md:5: aliases[0]: /2019/05/02/good/ cannot redirect",
    );
    expect(stdout).toContain("content/articles/2020/notes.txt:1: file: not an article");
    expect(stdout).toContain("4 problems in 3 of 3 articles and 1 other file.");
  });

  it("reports Markdown the build lets through: missing alt text, empty links, links to pages the site lacks", async () => {
    const body = [
      "Intro [the light](/2019/05/02/harbour-light-returns/) and [topic](/topics/heritage/).",
      "",
      '![](https://example.org/map.png "Credit: Harbour Board")',
      "",
      "A [](https://example.org/) link and [a missing story](/2019/05/03/nothing-here/).",
    ].join("\n");
    const cwd = await archive(
      { "2022/links.md": `---\ntitle: Links\npublished: 2022-01-01\n---\n\n${body}\n` },
      { withFixtureSite: true },
    );
    const { code, stdout } = await check(cwd);
    expect(stdout.split("\n").filter((l) => l.includes("links.md"))).toEqual([
      expect.stringMatching(/^content\/articles\/2022\/links\.md:8: body: the image .* has no alt text/),
      expect.stringMatching(/^content\/articles\/2022\/links\.md:10: body: a link with no text/),
      expect.stringMatching(
        /^content\/articles\/2022\/links\.md:10: body: no page of the site at \/2019\/05\/03\/nothing-here\//,
      ),
    ]);
    expect(code).toBe(1);
  });

  it("reports Markdown problems of a file that has other problems too, in the same run", async () => {
    const cwd = await archive({
      "2022/broken.md":
        '---\ntitle: Broken\npublished: 2022-01-01\nimages:\n  - src: ./gone.jpg\n    alt: A quay\n---\n\n![](./gone.jpg "Credit: Harbour Board")\n\nA [](https://example.org/) link.\n',
      "2022/typo.md": "---\ntitle: Typo\npublised: 2022-01-02\n---\n\nA [](https://example.org/) link.\n",
    });
    const { code, stdout } = await check(cwd);
    expect(stdout.split("\n")).toEqual([
      "content/articles/2022/broken.md:5: images[0].src: no image file at ./gone.jpg (relative to the article); add the file, fix the path, or leave out src to record a photo the archive does not hold",
      "content/articles/2022/broken.md:9: body: no image file at ./gone.jpg (relative to the article); add the file or fix the path",
      "content/articles/2022/broken.md:9: body: the image ./gone.jpg has no alt text: describe it between the brackets, ![A lighthouse at dusk](./gone.jpg)",
      "content/articles/2022/broken.md:11: body: a link with no text: write the words readers click between the brackets, [the report](…)",
      "content/articles/2022/typo.md:1: published: required: write a date like 2016-06-14 or 2016-06-14T09:30:00+08:00",
      'content/articles/2022/typo.md:3: publised: unknown field "publised"; did you mean "published"?',
      "content/articles/2022/typo.md:6: body: a link with no text: write the words readers click between the brackets, [the report](…)",
      "7 problems in 2 of 2 articles.",
      "",
    ]);
    expect(code).toBe(1);
  });

  it("reports an image file that cannot be read, as the build does", async () => {
    const cwd = await archive({
      "2020/photo.md":
        "---\ntitle: Photo\npublished: 2020-01-02\nimages:\n  - src: ./pier.jpg\n    alt: A pier\n---\n\nText.\n",
      "2020/pier.jpg": "not a photo",
    });
    const { code, stdout } = await check(cwd);
    expect(stdout).toContain(
      "content/articles/2020/photo.md:5: images[0].src: ./pier.jpg is not an image file that can be read",
    );
    expect(code).toBe(1);
  });

  it("does not count a link to a draft as a page", async () => {
    const cwd = await archive({
      "2019/good.md": `---\ntitle: Good\npublished: 2019-05-02\n---\n\nSee [the draft](/2020/01/01/draft/).\n`,
      "2020/draft.md": "---\ntitle: Draft\npublished: 2020-01-01\ndraft: true\n---\n\nNot yet.\n",
    });
    expect((await check(cwd)).stdout).toContain("good.md:6: body: no page of the site at /2020/01/01/draft/");
  });

  it("checks more articles than the system lets a process hold files open", async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 300; i++) {
      files[`2021/story-${i}.md`] = `---\ntitle: Story ${i}\npublished: 2021-01-02\n---\n\nText.\n`;
    }
    const cwd = await archive(files);
    // The shell lowers the limit of open files for the check alone, as macOS's default of 256 would at 10,000 articles.
    const tsx = join(projectRoot, "node_modules/tsx/dist/cli.mjs");
    const command = `ulimit -n 64 && exec "${process.execPath}" "${tsx}" "${join(projectRoot, "src/cli/check.ts")}"`;
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      execFile(
        "sh",
        ["-c", command],
        { cwd, env: shellEnvironment({ ARTICLES_DIR: "", URL_MANIFEST: "" }) },
        (error, stdout, stderr) =>
          done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
      );
    });
    expect(result).toEqual({ code: 0, stdout: "No problems in 300 articles.\n", stderr: "" });
  });

  it("prints JSON with --format json", async () => {
    const cwd = await archive({ "2020/typo.md": "---\ntitle: T\npublised: 2020-01-02\n---\n\nText.\n" });
    const { code, stdout } = await check(cwd, ["--format", "json"]);
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      articles: 1,
      summary: "2 problems in 1 of 1 article.",
      problems: [
        { file: "content/articles/2020/typo.md", line: 1, field: "published", message: expect.any(String) },
        { file: "content/articles/2020/typo.md", line: 3, field: "publised", message: expect.any(String) },
      ],
      warnings: [],
    });
    expect(code).toBe(1);
  });

  it("refuses an unknown format and a missing articles folder with exit 2", async () => {
    const cwd = await archive({});
    expect(await check(cwd, ["--format", "xml"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--format must be one of text, json, github"),
    });
    expect(await check(cwd, [], { ARTICLES_DIR: "nowhere" })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("does not exist"),
    });
  });

  it("reports a published address that would stop working, and accepts it once marked unpublished", async () => {
    const cwd = await archive({ "2019/good.md": good });
    await writeFile(join(cwd, "content/urls.txt"), "/2019/05/02/good/\n/2018/01/01/gone/\n");
    const before = await check(cwd);
    expect(before.stdout).toContain(
      "content/urls.txt:2: url: /2018/01/01/gone/ was published and would no longer resolve",
    );
    expect(before.code).toBe(1);
    await writeFile(
      join(cwd, "content/urls.txt"),
      "/2019/05/02/good/\n/2018/01/01/gone/ unpublished: withdrawn\n",
    );
    expect(await check(cwd)).toMatchObject({ code: 0, stdout: "No problems in 1 article.\n" });
  });

  it("does not call the addresses of a file with problems lost, which would suggest the wrong fix", async () => {
    const cwd = await archive({ "2019/good.md": good.replace("published:", "publised:") });
    await writeFile(join(cwd, "content/urls.txt"), "/2019/05/02/good/\nnot an address\n");
    const { code, stdout } = await check(cwd);
    expect(stdout.split("\n")).toEqual([
      expect.stringMatching(/^content\/articles\/2019\/good\.md:1: published: required/),
      expect.stringMatching(/^content\/articles\/2019\/good\.md:3: publised: unknown field/),
      expect.stringMatching(/^content\/urls\.txt:2: url: "not an address" is not an address/),
      "3 problems in 1 of 1 article and 1 other file.",
      "",
    ]);
    expect(code).toBe(1);
  });
});
