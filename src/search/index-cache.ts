import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, readFile, readdir, rename, rm } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import pLimit from "p-limit";
import { readStampedResults, writeStampedResults, type StampedResult } from "../build/incremental-pages";

/**
 * Each part of the search index is kept in the build cache under a key made from exactly what
 * goes into it, so that a rebuild indexes again only the parts whose pages changed and copies the
 * others (Pagefind cannot update an index, only write one from all its pages).
 */

/** Changes when what the key covers, or how the index is made, changes in a way the rest cannot show. */
const KEY_FORMAT = "search-part-2";

let pagefindVersion: Promise<string> | undefined;

/** The installed Pagefind's version: a new Pagefind writes other files from the same pages. */
function readPagefindVersion(): Promise<string> {
  pagefindVersion ??= readFile(
    join(dirname(fileURLToPath(import.meta.resolve("pagefind"))), "../package.json"),
    "utf8",
  ).then((text) => String((JSON.parse(text) as { version?: unknown }).version));
  return pagefindVersion;
}

/**
 * What Pagefind reads of a page: the `<html>` tag (its language) and the element marked
 * `data-pagefind-body` with everything inside it, where this site's pages keep every
 * `data-pagefind-*` mark that adds to the index. A page with such a mark outside that element, or
 * without the element, counts whole.
 */
export function indexedContent(html: string): string {
  const mark = html.indexOf("data-pagefind-body");
  if (mark < 0) return html;
  const open = html.lastIndexOf("<", mark);
  const name = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(open, mark))?.[1];
  if (name === undefined) return html;
  const tags = new RegExp(`<(/?)${name}(?=[\\s>/])`, "gi");
  tags.lastIndex = open + 1;
  let depth = 1;
  let end = -1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] === "/" ? -1 : 1;
    if (depth === 0) {
      end = html.indexOf(">", match.index) + 1;
      break;
    }
  }
  if (end <= 0) return html;
  // Outside the body, only marks that add to the index count (an ignored header adds nothing).
  const outside = html.slice(0, open) + html.slice(end);
  if (/data-pagefind-(?!ignore)/.test(outside)) return html;
  const htmlTag = /<html[^>]*>/i.exec(html)?.[0] ?? "";
  return `${htmlTag}\n${html.slice(open, end)}`;
}

/** The digest of what Pagefind reads of a page. */
function digestPage(html: string): string {
  return createHash("sha256").update(indexedContent(html)).digest("base64url");
}

/** Where the pages' digests are recorded for the next build, in Astro's cache folder. */
const PAGE_DIGESTS = "search-page-digests.json";

/**
 * The digests of what Pagefind reads of the pages, without reading a page that Astro's incremental
 * build left or copied unchanged since a build recorded its digest: a page with the same stamp has
 * the same bytes (src/build/incremental-pages.ts). `save` records them for the next build.
 */
export class PageDigests {
  private recorded: Promise<Map<string, StampedResult<string>>> | undefined;
  private readonly next = new Map<string, StampedResult<string>>();

  constructor(
    private readonly cacheDir: string,
    private readonly stamps: Promise<ReadonlyMap<string, string>>,
  ) {}

  async of(outDir: string, file: string): Promise<string> {
    this.recorded ??= readStampedResults<string>(this.cacheDir, PAGE_DIGESTS);
    const stamp = (await this.stamps).get(file);
    const known = stamp === undefined ? undefined : (await this.recorded).get(file);
    if (known !== undefined && known.stamp === stamp) {
      this.next.set(file, known);
      return known.result;
    }
    const digest = digestPage(await readFile(join(outDir, file), "utf8"));
    if (stamp !== undefined) this.next.set(file, { stamp, result: digest });
    return digest;
  }

  async save(): Promise<void> {
    await writeStampedResults(this.cacheDir, PAGE_DIGESTS, this.next);
  }
}

/**
 * The key of a part: Pagefind's version and settings, and each of its pages' address (its file)
 * with the digest of what Pagefind reads of it (read from the page, or known from `known`).
 */
export async function partKey(
  outDir: string,
  files: readonly string[],
  settings: unknown,
  known?: PageDigests,
): Promise<string> {
  const hash = createHash("sha256")
    .update(KEY_FORMAT)
    .update("\0")
    .update(await readPagefindVersion())
    .update("\0")
    .update(JSON.stringify(settings));
  const limit = pLimit(16);
  const digests = await Promise.all(
    files.map((file) =>
      limit(async () =>
        known ? known.of(outDir, file) : digestPage(await readFile(join(outDir, file), "utf8")),
      ),
    ),
  );
  const order = files.map((_, i) => i).sort((a, b) => (files[a]! < files[b]! ? -1 : 1));
  for (const i of order) hash.update("\0").update(files[i]!).update("\0").update(digests[i]!);
  return hash.digest("hex");
}

/**
 * Puts the files below `from` at the same places below `to` as hard links: no bytes are copied,
 * and neither side is ever written in place (a build removes a part's folder before it writes new
 * files). Across file systems, where a link cannot be made, the files are copied.
 */
async function linkTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(from, join(entry.parentPath, entry.name)));
  const folders = new Set(files.map((file) => dirname(join(to, file))));
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  const limit = pLimit(32);
  let copy = false;
  await Promise.all(
    files.map((file) =>
      limit(async () => {
        if (!copy) {
          try {
            await link(join(from, file), join(to, file));
            return;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
            copy = true;
          }
        }
        await copyFile(join(from, file), join(to, file));
      }),
    ),
  );
}

/** The parts' indexes kept from earlier builds, one folder per key below `dir`. */
export class SearchIndexCache {
  private readonly used = new Set<string>();

  constructor(private readonly dir: string) {}

  /** Whether any part is kept: a build with none (a cold one) indexes every part without waiting for its key. */
  async holdsAny(): Promise<boolean> {
    const entries = await readdir(this.dir).catch(() => [] as string[]);
    return entries.some((name) => !name.endsWith(".writing"));
  }

  /** Copies the index kept under `key` to `to`; false when there is none. */
  async restore(key: string, to: string): Promise<boolean> {
    const kept = join(this.dir, key);
    if (!existsSync(join(kept, "pagefind-entry.json"))) return false;
    await rm(to, { recursive: true, force: true });
    await linkTree(kept, to);
    this.used.add(key);
    return true;
  }

  /** Marks the index under `key` as used by this build, keeping a copy of `from` there first when the cache lost it. */
  async keep(key: string, from: string): Promise<void> {
    if (existsSync(join(this.dir, key, "pagefind-entry.json"))) this.used.add(key);
    else await this.store(key, from);
  }

  /** Keeps a copy of the index in `from` under `key`; written aside and renamed, so a stopped build leaves no half copy. */
  async store(key: string, from: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const aside = join(this.dir, `${key}.writing`);
    await rm(aside, { recursive: true, force: true });
    await linkTree(from, aside);
    await rm(join(this.dir, key), { recursive: true, force: true });
    await rename(aside, join(this.dir, key));
    this.used.add(key);
  }

  /** Removes the indexes this build neither restored nor stored: no later build can ask for them. */
  async prune(): Promise<void> {
    const entries = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(
      entries
        .filter((name) => !this.used.has(name))
        .map((name) => rm(join(this.dir, name), { recursive: true, force: true })),
    );
  }
}
