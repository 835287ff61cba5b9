import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { buildSite, copyFixtureArchive, projectRoot } from "../support/site-build";

/** The `path:line: field: message` lines of a command's output about files under `dir`. */
function problemLines(output: string, dir: string): string[] {
  const prefix = relative(projectRoot, dir);
  return output
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith(`${prefix}/`) && /^\S+:\d+: \S+: /.test(line))
    .sort();
}

describe("npm run check and the build", () => {
  it("find the same problems on the same lines; check adds only its Markdown lints", async () => {
    const root = await mkdtemp(join(tmpdir(), "archive-agree-"));
    const articles = join(root, "articles");
    await copyFixtureArchive(articles);
    await cp(join(projectRoot, "tests/fixtures/articles/invalid"), join(articles, "broken"), {
      recursive: true,
    });
    await writeFile(
      join(articles, "broken/copy-of-light.md"),
      "---\ntitle: Copy\npublished: 2019-05-02\nslug: harbour-light-returns\n---\n\nA [](https://example.org/) link.\n",
    );
    const urlManifest = join(root, "urls.txt");
    // A renamed article among broken files: its address is judged once they are fixed, by both.
    await writeFile(urlManifest, "/2019/05/02/harbour-light-returns/\n/2001/01/01/renamed/\n");
    const build = await buildSite({ articlesDir: articles, outDir: join(root, "dist"), urlManifest });
    const check = await runCli("check", [], {
      cwd: projectRoot,
      env: { ARTICLES_DIR: articles, URL_MANIFEST: urlManifest },
    });
    expect(build.code).not.toBe(0);
    expect(check.code).toBe(1);
    const fromBuild = problemLines(build.output, articles);
    const fromCheck = problemLines(check.stdout, articles);
    expect(fromBuild.length).toBeGreaterThan(30);
    expect(fromCheck.filter((line) => !fromBuild.includes(line))).toEqual([
      expect.stringMatching(/broken\/copy-of-light\.md:7: body: a link with no text/),
    ]);
    expect(fromBuild.filter((line) => !fromCheck.includes(line))).toEqual([]);
    const aboutManifest = (output: string) => output.split("\n").filter((l) => l.includes(`${urlManifest}:`));
    expect(aboutManifest(build.output)).toEqual([]);
    expect(aboutManifest(check.stdout)).toEqual([]);
  });
});
