import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { calendarDayIn } from "../../src/articles/scaffold";
import { runCli } from "../support/cli";
import { projectRoot } from "../support/site-build";

const wireDir = join(projectRoot, "tests/fixtures/wire");

/** An empty project folder with a content/articles folder, and the files in it afterwards. */
async function project(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "archive-tools-"));
  await mkdir(join(root, "content/articles"), { recursive: true });
  return root;
}

async function articleFiles(root: string): Promise<string[]> {
  const entries = await readdir(join(root, "content/articles"), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

describe("npm run new", () => {
  it("writes a draft dated today under YYYY/MM, prints its path, and the result passes check", async () => {
    const cwd = await project();
    const before = calendarDayIn(Date.now(), "UTC");
    const { code, stdout } = await runCli("new", ["Harbour: ferry #1 returns"], { cwd });
    expect(code).toBe(0);
    // The day the command ran on (the clock may pass midnight while it starts).
    const day =
      [before, calendarDayIn(Date.now(), "UTC")].find((d) =>
        stdout.includes(`/${d.slice(0, 4)}/${d.slice(5, 7)}/`),
      ) ?? before;
    const path = `content/articles/${day.slice(0, 4)}/${day.slice(5, 7)}/harbour-ferry-1-returns.md`;
    expect(stdout).toBe(`${path}\n`);
    const text = await readFile(join(cwd, path), "utf8");
    expect(text).toContain(`title: "Harbour: ferry #1 returns"`);
    expect(text).toContain(`published: ${day}`);
    expect(text).toMatch(/^draft: true/m);
    expect(await runCli("check", [], { cwd })).toMatchObject({
      code: 0,
      stdout: "No problems in 1 article.\n",
    });
  });

  it("refuses to overwrite, leaving the file as it was", async () => {
    const cwd = await project();
    const first = await runCli("new", ["Council meets"], { cwd });
    const path = join(cwd, first.stdout.trim());
    await writeFile(path, "edited by hand");
    const second = await runCli("new", ["Council meets"], { cwd });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("already exists; it was left as it is");
    expect(await readFile(path, "utf8")).toBe("edited by hand");
  });

  it("refuses a headline whose address another article of today already has", async () => {
    const cwd = await project();
    const day = calendarDayIn(Date.now(), "UTC");
    await writeFile(
      join(cwd, "content/articles/council.md"),
      `---\ntitle: Council\npublished: ${day}\nslug: council-meets\n---\n\nText.\n`,
    );
    const result = await runCli("new", ["Council meets"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^\/\d{4}\/\d\d\/\d\d\/council-meets\/ is already the address of content\/articles\/council\.md; choose another with --slug\n$/,
    );
    expect(await articleFiles(cwd)).toEqual(["content/articles/council.md"]);
  });

  it("asks for a slug when the headline gives none, for a headline, and refuses unknown options", async () => {
    const cwd = await project();
    expect(await runCli("new", ["!!!"], { cwd })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("add --slug"),
    });
    expect(await runCli("new", [], { cwd })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Usage"),
    });
    expect(await runCli("new", ["Council meets", "--date", "2020-01-01"], { cwd })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option '--date'"),
    });
    const withSlug = await runCli("new", ["!!!", "--slug", "exclamations"], { cwd });
    expect(withSlug.stdout).toMatch(/\/exclamations\.md\n$/);
    expect(await articleFiles(cwd)).toHaveLength(1);
  });
});

describe("npm run import", () => {
  const good = [
    "ferry-returns.txt",
    "no-byline.txt",
    "several-bylines.txt",
    "no-photos.txt",
    "no-citation.txt",
    "markdown-characters.txt",
  ];

  it("converts exports into articles that pass check, and converts the others when one cannot be", async () => {
    const cwd = await project();
    await cp(wireDir, join(cwd, "exports"), { recursive: true });
    await writeFile(
      join(cwd, "exports/windows.txt"),
      (await readFile(join(wireDir, "no-photos.txt"), "utf8"))
        .replace("# Library", "# Reading room")
        .replace(/\n/g, "\r\n"),
    );
    const files = [...good, "windows.txt", "bad-date.txt"].map((f) => `exports/${f}`);
    const { code, stdout, stderr } = await runCli("import", files, { cwd });
    expect(code).toBe(1);
    expect(stderr.split("\n").filter((line) => !line.includes(": import: note: "))).toEqual([
      'exports/bad-date.txt:3: import: the line under the headline should be the date and byline, e.g. "March 3 2021, by Ann Lee", not "Last Tuesday, by Maria Okafor"',
      "",
    ]);
    expect(stderr).toContain(
      "exports/ferry-returns.txt:16: import: note: joined to the paragraph above it, which the export had broken off mid-sentence\n",
    );
    expect(stdout).toContain(
      "exports/ferry-returns.txt → content/articles/2021/03/kellsport-ferry-returns-to-service-after-winter-repairs.md\n",
    );
    expect(stdout).toContain("Imported 7 articles from 8 exports; 0 updated, 0 unchanged.\n");
    expect(stdout).toContain(
      "Failed 1 (each named above, with its file and line); nothing was written for them.\n",
    );
    expect(await articleFiles(cwd)).toEqual([
      "content/articles/2019/05/library-extends-its-opening-hours-for-exam-season.md",
      "content/articles/2019/05/reading-room-extends-its-opening-hours-for-exam-season.md",
      "content/articles/2020/10/night-market-opens-on-the-old-tram-depot.md",
      "content/articles/2021/03/kellsport-ferry-returns-to-service-after-winter-repairs.md",
      "content/articles/2022/09/orchard-festival-moves-to-the-old-quarry.md",
      "content/articles/2023/01/tidal-survey-maps-the-drowned-village-of-lessmouth.md",
      "content/articles/2024/04/council-publishes-its-list-of-repairs.md",
    ]);
    expect(await runCli("check", [], { cwd })).toMatchObject({
      code: 0,
      stdout: "No problems in 7 articles.\n",
    });
  });

  it("refuses to overwrite an article, writing nothing for that export", async () => {
    const cwd = await project();
    const path = join(cwd, "content/articles/2019/05/library-extends-its-opening-hours-for-exam-season.md");
    await runCli("import", [join(wireDir, "no-photos.txt")], { cwd });
    await writeFile(path, "edited by hand");
    const again = await runCli("import", [join(wireDir, "no-photos.txt")], { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists; it was left as it is");
    expect(await readFile(path, "utf8")).toBe("edited by hand");
  });

  it("refuses an address another article already has, by its slug or an alias, naming that file", async () => {
    const cwd = await project();
    await mkdir(join(cwd, "content/articles/moved"), { recursive: true });
    await writeFile(
      join(cwd, "content/articles/moved/opening-hours.md"),
      "---\ntitle: Opening hours\npublished: 2019-05-20\nslug: library-extends-its-opening-hours-for-exam-season\n---\n\nText.\n",
    );
    await writeFile(
      join(cwd, "content/articles/moved/night-market.md"),
      "---\ntitle: Night market\npublished: 2024-01-02\naliases: [/2020/10/02/night-market-opens-on-the-old-tram-depot]\ndraft: true\n---\n\nText.\n",
    );
    const exports = ["no-photos.txt", "no-byline.txt", "no-citation.txt"].map((f) => join(wireDir, f));
    const { code, stdout, stderr } = await runCli("import", exports, { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${exports[0]}:1: import: /2019/05/20/library-extends-its-opening-hours-for-exam-season/ is already the address of content/articles/moved/opening-hours.md; if this is the same story it is in the archive already (add "id: wire-text:`,
    );
    expect(stderr).toMatch(
      /under its source, and imports will find it\), otherwise write its article by hand with another slug \(slug: …\)\n/,
    );
    expect(stderr).toContain(
      `${exports[2]}:1: import: /2020/10/02/night-market-opens-on-the-old-tram-depot/ is already the address of content/articles/moved/night-market.md;`,
    );
    expect(stdout).toContain("Imported 1 article from 3 exports; 0 updated, 0 unchanged.\n");
    expect(await articleFiles(cwd)).toEqual([
      "content/articles/2022/09/orchard-festival-moves-to-the-old-quarry.md",
      "content/articles/moved/night-market.md",
      "content/articles/moved/opening-hours.md",
    ]);
  });

  it("publishes straight away with --publish", async () => {
    const cwd = await project();
    await runCli("import", ["--publish", join(wireDir, "no-citation.txt")], { cwd });
    const [file] = await articleFiles(cwd);
    expect(file).toBeDefined();
    expect(await readFile(join(cwd, file ?? ""), "utf8")).not.toContain("draft");
  });

  it("reports a file it cannot read", async () => {
    const cwd = await project();
    const result = await runCli("import", ["nowhere.txt"], { cwd });
    expect(result).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("nowhere.txt:1: import: cannot read the file"),
    });
    expect(existsSync(join(cwd, "content/articles/2019"))).toBe(false);
  });
});
