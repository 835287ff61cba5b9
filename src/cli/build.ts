import { spawn } from "node:child_process";
import { totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { LOCAL_SITE_URL } from "../addresses/site-address.ts";

// `npm run build`: `astro build` with a JavaScript heap sized to the machine. Node's default heap
// limit is a few GB whatever the machine holds, and a large archive's build data outgrows it. The
// heap may take three quarters of the memory, and leaves RESERVED_MB beside it for Node's own
// memory outside its heap, Pagefind's process and the system, unless the build writes no search
// index (ARCHIVE_YEARS=none); docs/scaling.md has the runs behind it. The memory is the
// container's when it has a limit (a CI job in Docker or a cgroup), else the machine's.
// NODE_OPTIONS, when it sets a limit itself, wins. Node runs this file as it is (it strips the
// types), so the build's memory counts no process of a TypeScript runner beside Astro's.
const RESERVED_MB = 2700;
const astro = fileURLToPath(new URL("../../node_modules/astro/bin/astro.mjs", import.meta.url));
const constrained = process.constrainedMemory();
const memory = constrained > 0 && constrained < totalmem() ? constrained : totalmem();
const indexes = process.env.ARCHIVE_YEARS?.trim() !== "none";
const memoryMb = memory / 2 ** 20;
const heapMb = Math.floor(Math.min(memoryMb * 0.75, indexes ? memoryMb - RESERVED_MB : Infinity));
const setByCaller = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "");
const flags = setByCaller ? [] : [`--max-old-space-size=${heapMb}`];
// `--local` builds for a preview on this machine (npm start): the site's address is then the
// preview's, where a build for publishing must be given SITE_URL.
const args = process.argv.slice(2);
const local = args.includes("--local");
const env =
  local && !process.env.SITE_URL?.trim() ? { ...process.env, SITE_URL: LOCAL_SITE_URL } : process.env;
const child = spawn(process.execPath, [...flags, astro, "build", ...args.filter((a) => a !== "--local")], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
