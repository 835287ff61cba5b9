import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot, shellEnvironment } from "./site-build";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's commands (`check`, `addresses`, `entities`, `new`, `import`, `bench`) as `npm run` does, in
 * `cwd` (a copy of an archive), with the project's own code and extra environment.
 */
export function runCli(
  name: "check" | "addresses" | "entities" | "new" | "import" | "bench",
  args: readonly string[],
  { cwd, env = {} }: { cwd: string; env?: Record<string, string> },
): Promise<CliResult> {
  return runTypeScript(join(projectRoot, scriptOf(name)), args, {
    cwd,
    env: { ARTICLES_DIR: "", URL_MANIFEST: "", NO_COLOR: "1", ...env },
  });
}

/** The file that package.json's script `name` runs with tsx, as `npm run` would. */
function scriptOf(name: string): string {
  const { scripts } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const file = /^tsx (\S+)$/.exec(scripts[name] ?? "")?.[1];
  if (file === undefined) throw new Error(`package.json has no "tsx FILE" script named ${name}`);
  return file;
}

/** Runs a TypeScript file with the Node.js running the tests (the project's own) and tsx. */
export function runTypeScript(
  script: string,
  args: readonly string[],
  { cwd = projectRoot, env = {} }: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const tsx = join(projectRoot, "node_modules/tsx/dist/cli.mjs");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, script, ...args], {
      cwd,
      env: shellEnvironment(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
