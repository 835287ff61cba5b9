import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  buildSite,
  copyFixtureArchive,
  fixtureArticlesDir,
  listFiles,
  projectRoot,
  shellEnvironment,
} from "../support/site-build";

/** A copy of the fixture articles plus extra files, built into a fresh folder. */
async function buildWith(extra: Record<string, string>) {
  const root = await mkdtemp(join(tmpdir(), "archive-broken-"));
  const articles = join(root, "articles");
  await copyFixtureArchive(articles);
  for (const [name, content] of Object.entries(extra)) {
    await mkdir(join(articles, name, ".."), { recursive: true });
    await writeFile(join(articles, name), content);
  }
  const outDir = join(root, "dist");
  const result = await buildSite({ articlesDir: articles, outDir });
  return { ...result, outDir };
}

describe("a build with bad input fails loudly and publishes nothing", () => {
  it("names the file, line and field of every schema problem", async () => {
    const { code, output, outDir } = await buildWith({
      "2020/typo.md": "---\ntitle: A headline\npublised: 2020-01-02\nbyline: [Ann Lee]\n---\n\nText.\n",
      "2020/body-image.md":
        "---\ntitle: Map story\npublished: 2020-01-04\n---\n\nThe route:\n\n![Route map](./images/nope.png)\n",
      "2020/bad-image.md":
        "---\ntitle: Photo story\npublished: 2020-01-03\nimages:\n  - src: ./missing.jpg\n    caption: A photo.\n---\n\nText.\n",
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /articles\/2020\/typo\.md:3: publised: unknown field "publised"; did you mean "published"\?/,
    );
    expect(output).toMatch(/articles\/2020\/typo\.md:1: published: required/);
    expect(output).toMatch(
      /articles\/2020\/bad-image\.md:5: images\[0\]\.alt: required whenever src is given/,
    );
    expect(output).toMatch(
      /articles\/2020\/bad-image\.md:5: images\[0\]\.src: no image file at \.\/missing\.jpg/,
    );
    expect(output).toMatch(/articles\/2020\/body-image\.md:8: body: no image file at \.\/images\/nope\.png/);
    expect(existsSync(join(outDir, "index.html"))).toBe(false);
  });

  it("reports YAML mistakes in the archive's own form, with file lines, together with other files' problems", async () => {
    const { code, output, outDir } = await buildWith({
      "2020/colon.md": "---\ntitle: Talks: what comes next\npublished: 2020-01-02\n---\n\nText.\n",
      "2020/tabs.md": "---\ntitle: Tabs\npublished: 2020-01-02\nimages:\n\t- caption: x\n---\n\nText.\n",
      "2020/typo.md": "---\ntitle: Typo\npublised: 2020-01-02\n---\n\nText.\n",
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/2020\/colon\.md:2: frontmatter: YAML syntax: .*put it in quotes/);
    expect(output).toMatch(/2020\/tabs\.md:5: frontmatter: YAML syntax: Tabs are not allowed as indentation/);
    expect(output).toMatch(
      /2020\/typo\.md:3: publised: unknown field "publised"; did you mean "published"\?/,
    );
    expect(existsSync(join(outDir, "index.html"))).toBe(false);
  });

  it("fails when the articles folder does not exist, instead of publishing an empty archive", async () => {
    const root = await mkdtemp(join(tmpdir(), "archive-missing-"));
    const outDir = join(root, "dist");
    const { code, output } = await buildSite({ articlesDir: join(root, "no-such-folder"), outDir });
    expect(code).not.toBe(0);
    expect(output).toContain(`The articles folder ${join(root, "no-such-folder")} does not exist`);
    expect(existsSync(join(outDir, "index.html"))).toBe(false);
  });

  it("refuses a body that would run script or carry a style attribute, with its line", async () => {
    const { code, output, outDir } = await buildWith({
      "2020/script.md":
        "---\ntitle: Script\npublished: 2020-01-02\n---\n\nFirst paragraph.\n\n<script>alert(1)</script>\n",
      "2020/styled.md":
        '---\ntitle: Styled\npublished: 2020-01-03\n---\n\n<p style="color: red">Red text.</p>\n',
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/articles\/2020\/script\.md:8: body: raw <script> is not allowed/);
    expect(output).toMatch(/articles\/2020\/styled\.md:6: body: a style attribute on <p> is not allowed/);
    expect(existsSync(join(outDir, "index.html"))).toBe(false);
  });

  it("fails when two articles would share one URL, naming both files on the lines to change", async () => {
    const { code, output, outDir } = await buildWith({
      "2019/same-day-copy.md":
        "---\ntitle: Copy\npublished: 2019-05-02\nslug: harbour-light-returns\n---\n\nText.\n",
      "2020/typo.md": "---\ntitle: Typo\npublished: 2020-01-02\nbyine: Ann Lee\n---\n\nText.\n",
    });
    expect(code).not.toBe(0);
    // Reported in the same run as the other files' problems, not one round later.
    expect(output).toMatch(/2020\/typo\.md:4: byine: unknown field "byine"; did you mean "byline"\?/);
    expect(output).toMatch(
      /2019\/same-day-copy\.md:4: slug: \/2019\/05\/02\/harbour-light-returns\/ is also the address of .*2019\/harbour-light-returns\.md/,
    );
    expect(output).toMatch(
      /2019\/harbour-light-returns\.md:3: slug: \/2019\/05\/02\/harbour-light-returns\/ is also the address of .*2019\/same-day-copy\.md/,
    );
    const written = existsSync(outDir) ? await listFiles(outDir) : [];
    expect(written.filter((f) => f.endsWith(".html"))).toEqual([]);
  });

  it("refuses files the build would skip, and images it cannot read, naming each", async () => {
    const { code, output, outDir } = await buildWith({
      "2020/shouting.MD": "---\ntitle: Upper case\npublished: 2020-01-02\n---\n\nText.\n",
      "2020/notes.txt": "Reminders for the desk.\n",
      "2020/images/not-a-photo.jpg": "This is text, not a JPEG.\n",
      "2020/body-photo.md":
        "---\ntitle: Body photo\npublished: 2020-01-04\n---\n\nSee below.\n\n![A photo](./images/not-a-photo.jpg)\n",
      "2020/photo-story.md":
        "---\ntitle: Photo\npublished: 2020-01-03\nimages:\n  - src: ./images/not-a-photo.jpg\n    alt: A photo.\n---\n\nText.\n",
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /2020\/shouting\.MD:1: file: article files must end in \.md \(lower case\); rename it to shouting\.md/,
    );
    expect(output).toMatch(/2020\/notes\.txt:1: file: not an article \(\.md\) or an image/);
    expect(output).toMatch(
      /2020\/photo-story\.md:5: images\[0\]\.src: \.\/images\/not-a-photo\.jpg is not an image file that can be read/,
    );
    expect(output).toMatch(
      /2020\/body-photo\.md:8: body: \.\/images\/not-a-photo\.jpg is not an image file that can be read/,
    );
    expect(existsSync(join(outDir, "index.html"))).toBe(false);
  });

  it("fails when an alias is the address of another article, naming the file", async () => {
    const { code, output, outDir } = await buildWith({
      "2020/alias-clash.md":
        "---\ntitle: Clash\npublished: 2020-01-02\naliases: [/2019/05/02/harbour-light-returns/]\n---\n\nText.\n",
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /2020\/alias-clash\.md:4: aliases\[0\]: \/2019\/05\/02\/harbour-light-returns\/ cannot redirect to this article: it is the address of the article .*2019\/harbour-light-returns\.md/,
    );
    const written = existsSync(outDir) ? await listFiles(outDir) : [];
    expect(written.filter((f) => f.endsWith(".html"))).toEqual([]);
  });

  it("fails when two spellings of a label would share one page, naming both values and files", async () => {
    const { code, output, outDir } = await buildWith({
      "2020/cpp.md": "---\ntitle: Compilers\npublished: 2020-01-02\ntopics: [testing, C++]\n---\n\nText.\n",
      "2020/c.md": "---\ntitle: Old code\npublished: 2020-01-03\ntopics: [c]\n---\n\nText.\n",
      "2020/symbols.md":
        '---\ntitle: Symbols\npublished: 2020-01-04\nplaces: [Kellsport, "!!!"]\n---\n\nText.\n',
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /2020\/c\.md:4: topics\[0\]: "c" and "C\+\+" \(.*2020\/cpp\.md\) would share the page \/topics\/c\/; write the same topic the same way everywhere/,
    );
    expect(output).toMatch(
      /2020\/cpp\.md:4: topics\[1\]: "C\+\+" and "c" \(.*2020\/c\.md\) would share the page \/topics\/c\//,
    );
    expect(output).toMatch(
      /2020\/symbols\.md:4: places\[1\]: "!!!" has no letter or digit to make the address of its place page from/,
    );
    const written = existsSync(outDir) ? await listFiles(outDir) : [];
    expect(written.filter((f) => f.endsWith(".html"))).toEqual([]);
  });

  it("refuses raw HTML that only becomes a handler once rendered, across paragraphs", async () => {
    const { code, output, outDir } = await buildWith({
      "2020/split-tag.md":
        "---\ntitle: Split\npublished: 2020-01-02\n---\n\n<div title='\n\n`' onmouseover=alert(1) x='`\n\n`'`\n",
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /2020\/split-tag\.md:5: body: the inline event handler onmouseover= on <div> is not allowed; .*\(found in the rendered HTML/,
    );
    expect(existsSync(join(outDir, "index.html"))).toBe(false);
  });
});

describe("a build without the site's address", () => {
  it("stops before writing anything, saying what to set", async () => {
    const root = await mkdtemp(join(tmpdir(), "archive-no-address-"));
    const outDir = join(root, "dist");
    const { code, output } = await buildSite({ articlesDir: fixtureArticlesDir, outDir, siteUrl: "" });
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /SITE_URL is not set, so every absolute address .* would say http:\/\/localhost:4321/,
    );
    expect(output).toMatch(/npm run build -- --local/);
    expect(existsSync(outDir)).toBe(false);
  });

  it("is built for the local preview with --local, as npm start does", async () => {
    const root = await mkdtemp(join(tmpdir(), "archive-local-"));
    const outDir = join(root, "dist");
    const env = shellEnvironment({
      ARTICLES_DIR: relative(projectRoot, fixtureArticlesDir),
      URL_MANIFEST: join(root, "urls.txt"),
      ASTRO_CACHE_DIR: join(root, "cache"),
      SITE_URL: "",
      ASTRO_TELEMETRY_DISABLED: "1",
    });
    const build = spawnSync(process.execPath, ["src/cli/build.ts", "--local", "--outDir", outDir], {
      cwd: projectRoot,
      env,
      encoding: "utf8",
    });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const home = await readFile(join(outDir, "index.html"), "utf8");
    expect(home).toContain('<link rel="canonical" href="http://localhost:4321/"');
  });
});

describe("builds that reuse the content cache", () => {
  it("withhold an article that becomes a draft, with its image, and publish it again when it stops being one", async () => {
    const root = await mkdtemp(join(tmpdir(), "archive-cached-"));
    const articles = join(root, "articles");
    const cacheDir = join(root, "cache");
    await copyFixtureArchive(articles);
    const story = join(articles, "2019/harbour-light-returns.md");
    const original = await readFile(story, "utf8");
    const build = async (name: string) => {
      const outDir = join(root, name);
      const result = await buildSite({ articlesDir: articles, outDir, cacheDir });
      expect(result.code, result.output).toBe(0);
      return listFiles(outDir);
    };
    const first = await build("first");
    expect(first).toContain("2019/05/02/harbour-light-returns/index.html");
    expect(first.some((f) => f.includes("harbour-light."))).toBe(true);

    await writeFile(story, original.replace("published: 2019-05-02", "published: 2019-05-02\ndraft: true"));
    const second = await build("second");
    expect(second).not.toContain("2019/05/02/harbour-light-returns/index.html");
    expect(second.filter((f) => f.includes("harbour-light."))).toEqual([]);

    await writeFile(story, original);
    const third = await build("third");
    expect(third).toContain("2019/05/02/harbour-light-returns/index.html");

    // The article is unchanged and cached, but one of its images is gone.
    await rm(join(articles, "2019/images/tiny-map.png"));
    const fourth = await buildSite({ articlesDir: articles, outDir: join(root, "fourth"), cacheDir });
    expect(fourth.code).not.toBe(0);
    expect(fourth.output).toMatch(
      /2019\/harbour-light-returns\.md:14: images\[2\]\.src: no image file at \.\/images\/tiny-map\.png/,
    );
  });
});

describe("image file names that need escaping", () => {
  it("builds a body image written as a URL (%20 for a space) and a frontmatter image named as the file is", async () => {
    const root = await mkdtemp(join(tmpdir(), "archive-names-"));
    const articles = join(root, "articles");
    await copyFixtureArchive(articles);
    const photo = await readFile(join(articles, "2019/images/harbour-light.jpg"));
    await writeFile(join(articles, "2019/images/pier at dusk.jpg"), photo);
    await writeFile(join(articles, "2019/images/quay%20view.jpg"), photo);
    await writeFile(
      join(articles, "2019/escaped-names.md"),
      "---\ntitle: Names\npublished: 2019-06-01\nimages:\n  - src: ./images/quay%20view.jpg\n    alt: The quay.\n---\n\n![The pier at dusk](./images/pier%20at%20dusk.jpg)\n",
    );
    const result = await buildSite({ articlesDir: articles, outDir: join(root, "dist") });
    expect(result.code, result.output).toBe(0);
    const page = await readFile(join(root, "dist/2019/06/01/escaped-names/index.html"), "utf8");
    expect(page.match(/<img /g)).toHaveLength(2);
  });
});
