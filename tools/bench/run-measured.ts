import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

/** How long a command ran and the most memory its process tree held at once. */
export interface Measurement {
  /** Exit status; null when killed by a signal. */
  code: number | null;
  wallMs: number;
  /** The largest sum of resident memory over the process and all its descendants, sampled. */
  peakRssBytes: number;
  /** The last lines the command printed (stdout and stderr together), for error messages. */
  tail: string[];
}

/** How often the process tree's memory is sampled. */
const SAMPLE_MS = 100;
/** Lines of output kept for an error message. */
const TAIL_LINES = 40;

/** The parent pid of every process on the machine, read from /proc/<pid>/stat. */
function readParents(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name (field 2) is in parentheses and may hold spaces: read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(name), ppid);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return parents;
}

/** Resident memory of one process in bytes (VmRSS), 0 when it has ended. */
function readRss(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The summed resident memory of `root` and every process descended from it. */
function readTreeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of readParents()) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    total += readRss(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Runs a command and measures it: wall time around the whole process, and the peak of its
 * process tree's summed RSS, sampled every 100 ms from /proc (Linux only). Shared pages of
 * several processes are counted once per process, as `ps` would.
 */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; onLine?: (line: string) => void },
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let peak = 0;
    const sample = (): void => {
      if (child.pid !== undefined) peak = Math.max(peak, readTreeRss(child.pid));
    };
    const timer = setInterval(sample, SAMPLE_MS);
    const tail: string[] = [];
    let partial = "";
    const collect = (chunk: Buffer): void => {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        options.onLine?.(line);
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - start;
      if (partial !== "") tail.push(partial);
      resolve({ code, wallMs, peakRssBytes: peak, tail: tail.slice(-TAIL_LINES) });
    });
  });
}
