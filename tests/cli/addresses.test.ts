import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { shellEnvironment } from "../support/site-build";

const git = async (cwd: string, ...args: string[]) =>
  (
    await promisify(execFile)("git", args, {
      cwd,
      env: shellEnvironment({
        GIT_AUTHOR_NAME: "Desk",
        GIT_AUTHOR_EMAIL: "desk@example.org",
        GIT_COMMITTER_NAME: "Desk",
        GIT_COMMITTER_EMAIL: "desk@example.org",
      }),
    })
  ).stdout.trim();

const article = (title: string, published: string, extra = "") =>
  `---\ntitle: ${title}\npublished: ${published}\n${extra}---\n\nText of the story.\n`;

let cwd: string;

/** An archive in a git repository whose list records its two articles, committed as `base`. */
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), "archive-addresses-"));
  await mkdir(join(cwd, "content/articles/2020"), { recursive: true });
  await writeFile(join(cwd, "content/articles/2020/pier.md"), article("Pier reopens", "2020-05-01"));
  await writeFile(join(cwd, "content/articles/2020/quay.md"), article("Quay closes", "2020-06-01"));
  await writeFile(join(cwd, "content/urls.txt"), "/2020/05/01/pier/\n/2020/06/01/quay/\n");
  await git(cwd, "init", "--quiet", "--initial-branch=main");
  await git(cwd, "add", "--all");
  await git(cwd, "commit", "--quiet", "--message", "base");
  await git(cwd, "tag", "base");
});

const addresses = (args: string[] = []) => runCli("addresses", args, { cwd });

describe("npm run addresses", () => {
  it("names each new address on its article and exits 0", async () => {
    await writeFile(
      join(cwd, "content/articles/2020/ferry.md"),
      article("Ferry resumes", "2020-07-01", "aliases:\n  - /news/ferry.html\n"),
    );
    const { code, stdout } = await addresses(["--base", "base"]);
    expect(stdout.split("\n")).toEqual([
      "content/articles/2020/ferry.md:1: address: publishes /2020/07/01/ferry/, a new address (recorded in content/urls.txt when published)",
      "content/articles/2020/ferry.md:5: address: publishes /news/ferry.html, a new address (recorded in content/urls.txt when published)",
      "2 new addresses, 0 published addresses lost.",
      "",
    ]);
    expect(code).toBe(0);
    const json = await addresses(["--base", "base", "--format", "json"]);
    expect(JSON.parse(json.stdout)).toEqual({
      added: [
        { url: "/2020/07/01/ferry/", file: "content/articles/2020/ferry.md", line: 1 },
        { url: "/news/ferry.html", file: "content/articles/2020/ferry.md", line: 5 },
      ],
      lost: [],
      unreadable: [],
    });
  });

  it("puts a lost address on the file to fix: the edited article, the deleted one's list line, a removed line", async () => {
    // The pier story's date was corrected, which moves its address; the quay story was deleted.
    await writeFile(join(cwd, "content/articles/2020/pier.md"), article("Pier reopens", "2020-05-02"));
    await rm(join(cwd, "content/articles/2020/quay.md"));
    const { code, stdout } = await addresses(["--base", "base", "--format", "github"]);
    expect(stdout.split("\n")).toEqual([
      "::notice file=content/articles/2020/pier.md,line=1,title=address::publishes /2020/05/02/pier/, a new address (recorded in content/urls.txt when published)",
      "::error file=content/articles/2020/pier.md,line=1,title=aliases::this article was at /2020/05/01/pier/, which would stop working: keep the old address with aliases: [/2020/05/01/pier/]",
      `::error file=content/urls.txt,line=2,title=url::content/articles/2020/quay.md was deleted, and its address /2020/06/01/quay/ would stop working: to take it down on purpose, write "/2020/06/01/quay/ unpublished: <why>" in content/urls.txt; if the article moved, add the address to its aliases`,
      "1 new address, 2 published addresses lost.",
      "",
    ]);
    expect(code).toBe(1);

    // Taken down on purpose, and the old address kept as an alias: nothing is lost.
    await writeFile(
      join(cwd, "content/urls.txt"),
      "/2020/05/01/pier/\n/2020/06/01/quay/ unpublished: withdrawn\n",
    );
    await writeFile(
      join(cwd, "content/articles/2020/pier.md"),
      article("Pier reopens", "2020-05-02", "aliases: [/2020/05/01/pier/]\n"),
    );
    expect((await addresses(["--base", "base"])).code).toBe(0);

    // A line removed from the list is lost too, whatever the articles say.
    await writeFile(join(cwd, "content/urls.txt"), "/2020/06/01/quay/ unpublished: withdrawn\n");
    const removed = await addresses(["--base", "base"]);
    expect(removed.stdout).toContain(
      'content/urls.txt:1: url: /2020/05/01/pier/ was published and its line was removed: put it back (to take the page down, end the line with " unpublished: <why>")',
    );
    expect(removed.code).toBe(1);
  });

  it("tells an article turned into a draft to be published again or taken down, not given an alias", async () => {
    await writeFile(
      join(cwd, "content/articles/2020/pier.md"),
      article("Pier reopens", "2020-05-01", "draft: true\n"),
    );
    const { code, stdout } = await addresses(["--base", "base"]);
    expect(stdout).toContain(
      'content/articles/2020/pier.md:1: draft: this article is now a draft, so its address /2020/05/01/pier/ would stop working: publish it again (remove draft: true), or to take it down on purpose, write "/2020/05/01/pier/ unpublished: <why>" in content/urls.txt',
    );
    expect(code).toBe(1);
    // A take-down written without the final slash is the same address.
    await writeFile(
      join(cwd, "content/urls.txt"),
      "/2020/05/01/pier unpublished: on hold\n/2020/06/01/quay/\n",
    );
    expect(await addresses(["--base", "base"])).toMatchObject({
      code: 0,
      stdout: "0 new addresses, 0 published addresses lost.\n",
    });
  });

  it("does not call addresses safe while an article has problems", async () => {
    await writeFile(join(cwd, "content/articles/2020/quay.md"), "---\ntitle: Quay\n---\n\nNo date.\n");
    const { code, stdout } = await addresses(["--base", "base"]);
    expect(stdout.split("\n")).toEqual([
      "content/articles/2020/quay.md:1: file: has problems (npm run check, the Check and test step in CI, names them): the addresses it gives are unknown until they are fixed",
      "0 new addresses; published addresses not checked until 1 file is fixed.",
      "",
    ]);
    expect(code).toBe(1);
  });

  it("names the pages of an entity's other names as new addresses, as the build records them", async () => {
    await writeFile(
      join(cwd, "content/articles/2020/pier.md"),
      article("Pier reopens", "2020-05-01", "places: [Kellsport]\n"),
    );
    await mkdir(join(cwd, "content/entities"));
    await writeFile(
      join(cwd, "content/entities/places.yaml"),
      "- name: Kellsport\n  aliases: [Kellsport Harbour]\n",
    );
    const { code, stdout } = await addresses();
    expect(stdout).toContain(
      "content/urls.txt:1: address: publishes /places/kellsport-harbour/, a new address (recorded in content/urls.txt when published)",
    );
    expect(code).toBe(0);
  });

  it("adds the addresses another list holds to the project's, keeping its lines as written", async () => {
    const other = join(cwd, "built-urls.txt");
    await writeFile(
      other,
      "/2020/05/01/pier/\n/2020/07/01/ferry/\n/2020/06/01/quay/ unpublished: withdrawn\n",
    );
    const { code, stdout } = await addresses(["--add-from", other]);
    expect(stdout).toBe("1 new address added to content/urls.txt.\n");
    expect(code).toBe(0);
    expect(await readFile(join(cwd, "content/urls.txt"), "utf8")).toBe(
      "/2020/05/01/pier/\n/2020/06/01/quay/\n/2020/07/01/ferry/\n",
    );
  });
});
