import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import {
  PART_INDEX_LIST,
  SEARCH_INDEXES_FILE,
  SEARCH_INDEX_ROOT,
  type SearchIndexEntry,
  type SearchIndexList,
} from "./build-part";
import { formatProblem, sortProblems } from "../lib/problems";
import { redirectFilePath } from "../addresses/redirects";
import { sitePathOf } from "../addresses/sitemap";
import { readAliases } from "../addresses/url-manifest-integration";
import { findBrokenUrls } from "../addresses/url-manifest";
import { isArticlePath } from "../lib/urls";
import { readUrlManifest, writeUrlManifest } from "../addresses/url-manifest-check";

/** Thrown when the parts cannot be merged; nothing has been written to the output folder. */
export class MergeError extends Error {}

/** What `mergeParts` needs: the parts' output folders, where the site goes, and the URL manifest to keep. */
export interface MergeOptions {
  parts: string[];
  out: string;
  /** The project folder, which `manifestPath` is relative to. */
  root: string;
  manifestPath: string;
  /** The base path the parts were built for ("/" or "/archive"). */
  base: string;
}

/** What a merge wrote. */
export interface MergeReport {
  files: number;
  indexes: SearchIndexEntry[];
  /** New addresses recorded in the URL manifest. */
  recorded: number;
}

/** Every file below `dir`, "/"-separated and relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"));
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a), stat(b)]);
  if (sa.size !== sb.size) return false;
  const [ba, bb] = await Promise.all([readFile(a), readFile(b)]);
  return ba.equals(bb);
}

/** Copies every part into `into`; a file two parts wrote with different bytes is an error naming both. */
// Astro's bundled scripts, styles and images (build.assets), and Pagefind's highlighter, which every part writes alike.
const SHARED_ASSETS = "_astro/";
const SHARED_FILES = new Set([`${SEARCH_INDEX_ROOT}/pagefind-highlight.js`]);

async function copyParts(parts: string[], into: string): Promise<Map<string, string>> {
  const owner = new Map<string, string>();
  const conflicts: string[] = [];
  for (const part of parts) {
    for (const file of await listFiles(part)) {
      if (file === SEARCH_INDEXES_FILE) {
        throw new MergeError(
          `${join(part, file)}: ${part} is a whole build; merge only builds of parts (ARCHIVE_YEARS)`,
        );
      }
      const first = owner.get(file);
      if (first !== undefined) {
        // Only Astro's shared assets come from every part; any other file belongs to one part.
        if (!file.startsWith(SHARED_ASSETS) && !SHARED_FILES.has(file)) {
          conflicts.push(`${file}: written by both ${first} and ${part}; was a part given twice?`);
        } else if (!(await sameBytes(join(first, file), join(part, file)))) {
          conflicts.push(`${file}: written differently by ${first} and ${part}`);
        }
        continue;
      }
      owner.set(file, part);
      await mkdir(dirname(join(into, file)), { recursive: true });
      await copyFile(join(part, file), join(into, file));
    }
  }
  if (conflicts.length > 0) {
    throw new MergeError(
      `${conflicts.length} file${conflicts.length === 1 ? "" : "s"} of the site would have two versions; ` +
        `were the parts built from the same articles and settings?\n${conflicts.join("\n")}`,
    );
  }
  return owner;
}

/** The search indexes of the parts, from the list each year part wrote (then removed), newest first. */
async function collectIndexes(site: string, files: Set<string>): Promise<SearchIndexEntry[]> {
  const entries: SearchIndexEntry[] = [];
  for (const file of [...files].filter((name) => PART_INDEX_LIST.test(name))) {
    const list = JSON.parse(await readFile(join(site, file), "utf8")) as SearchIndexList;
    entries.push(...list.indexes);
    await rm(join(site, file));
    files.delete(file);
  }
  entries.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  for (const [i, entry] of entries.entries()) {
    const overlap = entries.slice(i + 1).find((other) => other.to >= entry.from);
    if (overlap) {
      throw new MergeError(
        `the search indexes ${entry.path} and ${overlap.path} hold overlapping years; give each part its own range of years`,
      );
    }
  }
  return entries;
}

/** The addresses a page of the sitemap lists that the merged site does not serve: a part is missing. */
async function findUnservedSitemapPages(site: string, files: Set<string>, base: string): Promise<string[]> {
  const sitemaps = [...files].filter((file) => /^sitemap-\d+\.xml$/.test(file));
  if (sitemaps.length === 0) {
    throw new MergeError("no sitemap among the parts: add the part built with ARCHIVE_YEARS=none");
  }
  const missing: string[] = [];
  for (const file of sitemaps) {
    const xml = await readFile(join(site, file), "utf8");
    for (const [, loc = ""] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const path = decodeURI(sitePathOf(loc, base));
      if (!files.has(redirectFilePath(path).slice(1))) missing.push(path);
    }
  }
  return missing;
}

/**
 * Merges the output folders of a site built in parts (ARCHIVE_YEARS) into `out`: copies every file,
 * refuses a file two parts wrote differently, checks that every page of the sitemap and every
 * address of the URL manifest is served, writes the list of search indexes the search page merges,
 * then replaces `out` in one step and records the new addresses. On any error `out` is untouched.
 */
export async function mergeParts(options: MergeOptions): Promise<MergeReport> {
  const out = resolve(options.out);
  const parts = options.parts.map((part) => resolve(part));
  if (parts.length === 0) throw new MergeError("name the output folders of the parts to merge");
  for (const part of parts) {
    if (!existsSync(part)) throw new MergeError(`${part}: no such folder`);
    if (part === out || `${out}/`.startsWith(`${part}/`) || `${part}/`.startsWith(`${out}/`)) {
      throw new MergeError(`${part}: the output folder ${out} must be outside every part`);
    }
  }
  await mkdir(dirname(out), { recursive: true });
  const temporary = join(dirname(out), `.${basename(out)}.merging-${process.pid}`);
  await rm(temporary, { recursive: true, force: true });
  try {
    const owner = await copyParts(parts, temporary);
    const files = new Set(owner.keys());
    const indexes = await collectIndexes(temporary, files);
    if (indexes.length === 0) throw new MergeError("no search index among the parts: add the year parts");
    const list: SearchIndexList = { indexes };
    await writeFile(join(temporary, SEARCH_INDEXES_FILE), JSON.stringify(list));

    const missing = await findUnservedSitemapPages(temporary, files, options.base);
    if (missing.length > 0) {
      throw new MergeError(
        `${missing.length} page${missing.length === 1 ? "" : "s"} of the sitemap ${missing.length === 1 ? "is" : "are"} in no part; ` +
          `is a range of years missing?\n${missing.slice(0, 20).join("\n")}${missing.length > 20 ? "\n…" : ""}`,
      );
    }

    const aliases = await readAliases(temporary, options.base);
    const aliasFiles = new Set(aliases.map((alias) => redirectFilePath(alias).slice(1)));
    const articles = [...files]
      .filter((file) => file.endsWith("/index.html") && !aliasFiles.has(file))
      .map((file) => `/${file.slice(0, -"index.html".length)}`)
      .filter((path) => isArticlePath(path));
    const { manifest, file } = await readUrlManifest(options.root, options.manifestPath);
    const served = (url: string): boolean => existsSync(join(temporary, redirectFilePath(url)));
    const problems = [...manifest.problems, ...findBrokenUrls(manifest, served, file)];
    if (problems.length > 0) {
      throw new MergeError(
        `The merged site does not serve every address in ${file}; nothing was written:\n${sortProblems(problems).map(formatProblem).join("\n")}`,
      );
    }

    const previous = join(dirname(out), `.${basename(out)}.previous-${process.pid}`);
    const hadPrevious = existsSync(out);
    if (hadPrevious) await rename(out, previous);
    try {
      await rename(temporary, out);
    } catch (error) {
      // The new site could not take the old one's place: put the old one back.
      if (hadPrevious) await rename(previous, out);
      throw error;
    }
    await rm(previous, { recursive: true, force: true });
    const recorded = await writeUrlManifest(options.root, options.manifestPath, [...articles, ...aliases]);
    return { files: files.size + 1, indexes, recorded };
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}
