import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rename, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { projectRoot, runProcess, shellEnvironment } from "../support/site-build";

// The deploy workflow's own steps (.github/workflows/site.yml), run as GitHub runs them against
// a temporary repository: a bare "origin" holding the project, an editor's clone, and CI's clone.

interface Step {
  name?: string;
  run?: string;
}
type Job = "build" | "record";
const workflow = parse(await readFile(join(projectRoot, ".github/workflows/site.yml"), "utf8")) as {
  jobs: Record<Job, { steps: Step[] }>;
};

/** The shell script of the step called `name` in `job`. */
function stepScript(job: Job, name: string): string {
  const run = workflow.jobs[job].steps.find((step) => step.name === name)?.run;
  if (run === undefined) throw new Error(`site.yml's ${job} job has no step "${name}" with a run script`);
  return run;
}

const git = async (cwd: string, ...args: string[]) =>
  (await promisify(execFile)("git", args, { cwd, env: shellEnvironment(GIT_IDENTITY) })).stdout.trim();

const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: "Desk Editor",
  GIT_AUTHOR_EMAIL: "desk@example.org",
  GIT_COMMITTER_NAME: "Desk Editor",
  GIT_COMMITTER_EMAIL: "desk@example.org",
};

/** What a build of the project needs; the rest of the repository plays no part in these steps. */
const PROJECT_FILES = [
  ".github",
  ".gitignore",
  ".nvmrc",
  "astro.config.ts",
  "content",
  "package.json",
  "package-lock.json",
  "public",
  "src",
  "tsconfig.json",
];

let work: string;
let origin: string;
let editor: string;

/** Runs a step's script in `cwd` as a GitHub runner does (bash -eo pipefail), with the step's env. */
function runStep(cwd: string, job: Job, name: string, env: Record<string, string>) {
  return runProcess("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", stepScript(job, name)], {
    cwd,
    env: shellEnvironment({
      ...env,
      ASTRO_CACHE_DIR: join(cwd, ".astro-cache"),
      ASTRO_TELEMETRY_DISABLED: "1",
      SITE_URL: "https://archive.example.org",
      BASE_PATH: "/",
      NO_COLOR: "1",
    }),
  });
}

/** CI's checkout: a shallow clone of the branch's tip (whole, to read its history), with the project's installed packages. */
async function checkout(name: string, { whole = false } = {}): Promise<string> {
  const dir = join(work, name);
  await git(work, "clone", "--quiet", ...(whole ? [] : ["--depth=1"]), `file://${origin}`, dir);
  await symlink(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

async function commitAndPush(message: string): Promise<string> {
  await git(editor, "add", "--all");
  await git(editor, "commit", "--quiet", "--message", message);
  await git(editor, "push", "--quiet", "origin", "main");
  return git(editor, "rev-parse", "HEAD");
}

const ARTICLE = "content/articles/2026/harbour-ferry.md";
const ADDRESS = "/2026/11/30/harbour-ferry/";

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "archive-workflow-"));
  origin = join(work, "origin.git");
  await git(work, "init", "--quiet", "--bare", "--initial-branch=main", origin);
  editor = join(work, "editor");
  await mkdir(editor);
  for (const path of PROJECT_FILES)
    await cp(join(projectRoot, path), join(editor, path), { recursive: true });
  await git(editor, "init", "--quiet", "--initial-branch=main");
  await git(editor, "remote", "add", "origin", `file://${origin}`);
  await commitAndPush("The archive");
});

/** The commit the build job's "Note the commit built" step gives the record job. */
async function builtCommit(ci: string): Promise<string> {
  const output = join(ci, ".github-output");
  await writeFile(output, "");
  const step = await runStep(ci, "build", "Note the commit built", { GITHUB_OUTPUT: output });
  expect(step.code, step.output).toBe(0);
  return /^commit=(\w+)$/m.exec(await readFile(output, "utf8"))![1]!;
}

/** The build's content/urls.txt, as the record job downloads it. */
async function builtList(ci: string): Promise<string> {
  const dir = await mkdtemp(join(work, "artifact-"));
  await cp(join(ci, "content/urls.txt"), join(dir, "urls.txt"));
  return join(dir, "urls.txt");
}

/**
 * A `git` that, on the first push, first pushes the editor's waiting commit: another change
 * reaches the branch between the record job's fetch and its push, as it can on GitHub.
 */
async function gitRacingAnEditor(): Promise<Record<string, string>> {
  const bin = join(work, "bin");
  await mkdir(bin, { recursive: true });
  const real = await promisify(execFile)("bash", ["-c", "command -v git"]).then(({ stdout }) =>
    stdout.trim(),
  );
  await writeFile(
    join(bin, "git"),
    `#!/usr/bin/env bash\nif [ "$1" = push ] && [ ! -e "${bin}/raced" ]; then\n  touch "${bin}/raced"\n  "${real}" -C "${editor}" push --quiet origin main\nfi\nexec "${real}" "$@"\n`,
    { mode: 0o755 },
  );
  return { PATH: `${bin}:${process.env.PATH ?? ""}` };
}

describe("the deploy workflow, for an editor who only uses the browser", () => {
  it("publishes an article committed without content/urls.txt, records its address, and leaves the list complete", async () => {
    const before = await git(editor, "rev-parse", "HEAD");
    await mkdir(join(editor, "content/articles/2026"), { recursive: true });
    await writeFile(
      join(editor, ARTICLE),
      "---\ntitle: Harbour ferry adds a Sunday crossing\npublished: 2026-11-30\n---\n\nThe ferry will run on Sundays from December.\n",
    );
    const added = await commitAndPush("Add the Sunday ferry story");
    const ci = await checkout("ci-1");

    const report = await runStep(ci, "build", "Addresses this change adds and loses", {
      EVENT: "push",
      BEFORE: before,
    });
    expect(report.output).toContain(
      `::notice file=${ARTICLE},line=1,title=address::publishes ${ADDRESS}, a new address (recorded in content/urls.txt when published)`,
    );
    expect(report.code).toBe(0);

    const build = await runStep(ci, "build", "Build", {});
    expect(build.code, build.output).toBe(0);
    const commit = await builtCommit(ci);
    expect(commit).toBe(added);

    // Another editor's change is waiting, and lands between the record job's fetch and its push.
    await writeFile(join(editor, "content/README.md"), "# Editors' guide\n\nShortened.\n");
    await git(editor, "commit", "--quiet", "--all", "--message", "Shorten the guide");
    const meanwhile = await git(editor, "rev-parse", "HEAD");

    const recorder = await checkout("record-1");
    const record = await runStep(recorder, "record", "Record the new addresses", {
      BRANCH: "main",
      BUILT_LIST: await builtList(ci),
      BUILT_COMMIT: commit,
      ...(await gitRacingAnEditor()),
    });
    expect(record.code, record.output).toBe(0);
    expect(record.output).toContain("Another commit reached main first; recording on top of it.");
    expect(record.output).toContain(`Recorded in content/urls.txt:\n${ADDRESS}`);

    const after = await checkout("after-1", { whole: true });
    expect(await readFile(join(after, "content/urls.txt"), "utf8")).toContain(`\n${ADDRESS}\n`);
    expect(await git(after, "log", "-1", "--format=%an")).toBe("github-actions[bot]");
    expect(await git(after, "log", "-1", "--format=%s")).toBe(
      `Record the addresses published from ${added.slice(0, 7)}`,
    );
    expect(await git(after, "log", "-1", "--format=%P")).toBe(meanwhile);
    expect(await git(after, "rev-parse", "addresses-recorded^{commit}")).toBe(commit);
    // The list is complete: the next deploy has nothing to note or record.
    const next = await runStep(after, "build", "Addresses this change adds and loses", {
      EVENT: "push",
      BEFORE: "",
    });
    expect(next.output).toContain("0 new addresses, 0 published addresses lost.");
    expect(next.code).toBe(0);
    await git(editor, "pull", "--quiet", "--rebase", "origin", "main");
  });

  it("fails a rename that loses a published address, naming the address and the file to fix, even after a newer push", async () => {
    const renamed = "content/articles/2026/harbour-ferry-sundays.md";
    await rename(join(editor, ARTICLE), join(editor, renamed));
    const renaming = await commitAndPush("Rename the ferry story");
    // A newer push comes before the rename's own run: that run is skipped, this one compares
    // with the last recorded commit, not just with the commit before it.
    await writeFile(join(editor, "content/README.md"), "# Editors' guide\n\nShortened again.\n");
    await commitAndPush("Shorten the guide again");
    const ci = await checkout("ci-2");

    const report = await runStep(ci, "build", "Addresses this change adds and loses", {
      EVENT: "push",
      BEFORE: renaming,
    });
    expect(report.output).toContain(
      `::error file=${renamed},line=1,title=aliases::this article was at ${ADDRESS}, which would stop working: keep the old address with aliases: [${ADDRESS}]`,
    );
    expect(report.code).toBe(1);

    const build = await runStep(ci, "build", "Build", {});
    expect(build.code).not.toBe(0);
    expect(build.output).toContain(`${ADDRESS} was published and would no longer resolve`);
  });
});
