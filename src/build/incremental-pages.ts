import { createHash } from "node:crypto";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** Astro's record of the pages of its last incremental build (experimental.incrementalBuild), in the cache folder. */
const ASTRO_MANIFEST = "incremental-build.json";

interface AstroManifest {
  configHash?: unknown;
  lockfileHash?: unknown;
  routes?: Record<string, { dependencyHash?: unknown; paths?: Record<string, { outputFile?: unknown }> }>;
}

/**
 * A stamp for every page of this build that Astro's incremental build keyed, by its file in the
 * output folder. Two builds give a page the same stamp only when its route's code, the configuration,
 * the lockfile, its cache key and the content it rendered are the same, which is when Astro copies
 * it from its cache: the same bytes. Empty unless this build wrote the record (its time is no longer
 * `before`, the time `recordTime` gave when the build started), so a record left by an earlier
 * build never vouches for a page.
 */
export function readPageStamps(cacheDir: string, before: number | undefined): Promise<Map<string, string>> {
  // The page checks and the search index both ask, once each per build: the record is read once.
  const key = `${cacheDir}\0${before}`;
  if (lastRead?.key !== key) lastRead = { key, stamps: readStamps(cacheDir, before) };
  return lastRead.stamps;
}

let lastRead: { key: string; stamps: Promise<Map<string, string>> } | undefined;

async function readStamps(cacheDir: string, before: number | undefined): Promise<Map<string, string>> {
  const stamps = new Map<string, string>();
  const file = join(cacheDir, ASTRO_MANIFEST);
  let manifest: AstroManifest;
  try {
    if ((await stat(file)).mtimeMs === before) return stamps;
    manifest = JSON.parse(await readFile(file, "utf8")) as AstroManifest;
  } catch {
    return stamps;
  }
  for (const [route, { dependencyHash, paths = {} }] of Object.entries(manifest.routes ?? {})) {
    for (const [pathname, page] of Object.entries(paths)) {
      if (typeof page.outputFile !== "string") continue;
      const stamp = createHash("sha256")
        .update(
          JSON.stringify([manifest.configHash, manifest.lockfileHash, route, dependencyHash, pathname, page]),
        )
        .digest("base64url");
      stamps.set(decodeURI(page.outputFile), stamp);
    }
  }
  return stamps;
}

/** When Astro's record of its last incremental build was written, if there is one. */
export async function recordTime(cacheDir: string): Promise<number | undefined> {
  try {
    return (await stat(join(cacheDir, ASTRO_MANIFEST))).mtimeMs;
  } catch {
    return undefined;
  }
}

/** What a check found in a page, with the stamp of the page it was found in. */
export interface StampedResult<T> {
  stamp: string;
  result: T;
}

/**
 * The results a check of built pages recorded in the cache folder (`name`) after the last build it
 * passed; empty when there are none or they cannot be read.
 */
export async function readStampedResults<T>(
  cacheDir: string,
  name: string,
): Promise<Map<string, StampedResult<T>>> {
  try {
    const pages = JSON.parse(await readFile(join(cacheDir, name), "utf8")) as Record<
      string,
      StampedResult<T>
    >;
    return new Map(Object.entries(pages));
  } catch {
    return new Map();
  }
}

/** Records a check's results in the cache folder, for the next build to reuse for pages with the same stamp. */
export async function writeStampedResults<T>(
  cacheDir: string,
  name: string,
  results: ReadonlyMap<string, StampedResult<T>>,
): Promise<void> {
  const file = join(cacheDir, name);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(Object.fromEntries(results)));
}
