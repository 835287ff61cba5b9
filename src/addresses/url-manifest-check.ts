import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { addressKey } from "../lib/articles";
import type { Problem } from "../lib/problems";
import {
  addressSet,
  findBrokenUrls,
  formatUrlManifest,
  parseUrlManifest,
  publishedAddresses,
  type UrlManifest,
} from "./url-manifest";

/** The manifest at `manifestPath` (relative to `root`) and the name problems give it; empty when there is none yet. */
export async function readUrlManifest(
  root: string,
  manifestPath: string,
): Promise<{ manifest: UrlManifest; file: string }> {
  const path = resolve(root, manifestPath);
  const shown = relative(root, path).split("\\").join("/");
  // A manifest outside the project (as in tests) is named by its full path.
  const file = shown.startsWith("../") ? path : shown;
  const text = existsSync(path) ? await readFile(path, "utf8") : "";
  return { manifest: parseUrlManifest(text, file), file };
}

/**
 * The manifest's unreadable lines, and the addresses in it that these public articles (and the
 * other old addresses the site serves, `redirects`) would no longer serve. `articles` is undefined while some article file has problems of its own:
 * its address is then unknown, and every address it had would be reported as lost, with
 * the wrong fix, so the addresses are judged once the files are sound.
 */
export async function checkUrlManifest(
  root: string,
  manifestPath: string,
  articles: readonly { path: string; data: { aliases: readonly string[] } }[] | undefined,
  redirects: readonly string[] = [],
): Promise<Problem[]> {
  const { manifest, file } = await readUrlManifest(root, manifestPath);
  if (articles === undefined) return manifest.problems;
  const served = addressSet([...publishedAddresses(articles), ...redirects]);
  return [...manifest.problems, ...findBrokenUrls(manifest, served, file)];
}

/**
 * Adds `published` to the manifest, replacing the file in one step (a new file renamed
 * over the old), so that it is never left half-written. Returns the number of new addresses.
 */
export async function writeUrlManifest(
  root: string,
  manifestPath: string,
  published: readonly string[],
): Promise<number> {
  const path = resolve(root, manifestPath);
  const before = existsSync(path) ? await readFile(path, "utf8") : "";
  const text = formatUrlManifest(before, published);
  if (text === before) return 0;
  const known = addressSet(parseUrlManifest(before, path).entries.map((entry) => entry.url));
  const added = new Set(published.filter((url) => !known(url)).map(addressKey)).size;
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
  return added;
}
