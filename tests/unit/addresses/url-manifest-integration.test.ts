import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { urlManifestIntegration } from "../../../src/addresses/url-manifest-integration";

/** A built site with one article page and one alias, and a project folder holding `manifest`. */
async function builtSite(manifest?: string) {
  const root = await mkdtemp(join(tmpdir(), "archive-manifest-"));
  const outDir = join(root, "dist");
  await mkdir(join(outDir, "2020/01/02/talks"), { recursive: true });
  await mkdir(join(outDir, "news"), { recursive: true });
  await writeFile(join(outDir, "2020/01/02/talks/index.html"), "<html></html>");
  await writeFile(join(outDir, "news/talks.html"), "<html></html>");
  await writeFile(
    join(outDir, "_redirects"),
    "# Old addresses\n/sub/news/talks.html /sub/2020/01/02/talks/ 301\n",
  );
  if (manifest !== undefined) await writeFile(join(root, "urls.txt"), manifest);
  return { root, outDir };
}

/** Runs the integration's hooks as Astro would at the end of a build under the base /sub. */
async function runBuildDone(root: string, outDir: string) {
  const hooks = urlManifestIntegration("urls.txt").hooks;
  const logged: string[] = [];
  const logger = { info: (message: string) => logged.push(message) };
  type ConfigDone = NonNullable<(typeof hooks)["astro:config:done"]>;
  type BuildDone = NonNullable<(typeof hooks)["astro:build:done"]>;
  await hooks["astro:config:done"]?.({
    config: { root: pathToFileURL(`${root}/`), base: "/sub" },
  } as unknown as Parameters<ConfigDone>[0]);
  await hooks["astro:build:done"]?.({
    dir: pathToFileURL(`${outDir}/`),
    pages: [{ pathname: "2020/01/02/talks/" }, { pathname: "" }, { pathname: "search/" }],
    logger,
  } as unknown as Parameters<BuildDone>[0]);
  return logged;
}

describe("urlManifestIntegration", () => {
  it("records the article pages and aliases of a build, without the base path", async () => {
    const { root, outDir } = await builtSite();
    expect(await runBuildDone(root, outDir)).toEqual(["urls.txt: 2 new addresses recorded."]);
    const lines = (await readFile(join(root, "urls.txt"), "utf8"))
      .split("\n")
      .filter((l) => l.startsWith("/"));
    expect(lines).toEqual(["/2020/01/02/talks/", "/news/talks.html"]);
  });

  it("fails when the output serves no file for a recorded address, leaving the manifest as it was", async () => {
    const before = "/2020/01/02/talks/\n/2019/05/02/gone/\n/news/talks.html\n";
    const { root, outDir } = await builtSite(before);
    await expect(runBuildDone(root, outDir)).rejects.toThrow(
      "urls.txt:2: url: /2019/05/02/gone/ was published and would no longer resolve",
    );
    expect(await readFile(join(root, "urls.txt"), "utf8")).toBe(before);
  });
});
