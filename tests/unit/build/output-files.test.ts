import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listFiles, removeFiles } from "../../../src/build/output-files";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function folderOf(files: string[]): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), "output-files-"));
  for (const file of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), file);
  }
  return dir;
}

describe("listFiles", () => {
  it("lists every file below a folder, sorted, with / between folders", async () => {
    const root = await folderOf(["b/2.html", "a.txt", "b/c/3.html"]);
    expect(listFiles(root)).toEqual(["a.txt", "b/2.html", "b/c/3.html"]);
  });

  it("lists nothing for a folder that does not exist", () => {
    expect(listFiles(join(tmpdir(), "no-such-folder-for-output-files"))).toEqual([]);
  });
});

describe("removeFiles", () => {
  it("removes the given files and the folders left empty, and nothing else", async () => {
    const files = [
      "2016/06/03/notice/index.html",
      "2016/06/14/briefing/index.html",
      "pagefind/a/x",
      "pagefind/b/y",
      "robots.txt",
    ];
    const root = await folderOf(files);
    await removeFiles(root, ["2016/06/03/notice/index.html", "pagefind/a/x", "pagefind/b/y"]);
    expect(listFiles(root)).toEqual(["2016/06/14/briefing/index.html", "robots.txt"]);
    expect(existsSync(join(root, "pagefind"))).toBe(false);
    expect(existsSync(join(root, "2016/06/14"))).toBe(true);
    expect(existsSync(join(root, "2016/06/03"))).toBe(false);
  });

  it("keeps a folder that gained a file since the files were listed", async () => {
    const root = await folderOf(["_astro/old.css"]);
    await writeFile(join(root, "_astro/new.css"), "");
    await removeFiles(root, ["_astro/old.css"]);
    expect(listFiles(root)).toEqual(["_astro/new.css"]);
  });
});
