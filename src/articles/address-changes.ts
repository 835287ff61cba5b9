import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { isArticleFile } from "./article-files";
import { readArticleFiles } from "./check-archive";
import { createArticleSchema } from "./schema/article";
import { validateArticleSource, type ValidArticle } from "./validate-article";
import { decodeArticleFile } from "./encoding";
import { loadEntityRegistry } from "../entities/load";
import { entityRedirectPaths } from "../entities/label-redirects";
import { addressKey, isPublic } from "../lib/articles";
import type { Problem } from "../lib/problems";
import { articlePath } from "../lib/urls";
import type { SiteConfig } from "../site.config";
import { addressSet, findBrokenUrls, parseUrlManifest, UNPUBLISHED_MARK } from "../addresses/url-manifest";
import { readUrlManifest } from "../addresses/url-manifest-check";

const git = promisify(execFile);

/** An address an article gives, with where it is written. */
export interface GivenAddress {
  url: string;
  file: string;
  line: number;
}

/** How a change of the articles moves the archive's published addresses. */
export interface AddressChanges {
  /** Addresses the articles give that the URL list lacks: published by this change. */
  added: GivenAddress[];
  /** Addresses published before that would no longer be served, each on the line of a file to fix. */
  lost: Problem[];
  /** Article files that cannot be read: their addresses are unknown until they are fixed. */
  unreadable: string[];
}

type Schema = Parameters<typeof validateArticleSource>[2];

/**
 * Compares the addresses the articles give now with the URL list, and, given `base` (a git
 * revision), with the articles and the list there: an address the list holds or an article gave at
 * `base` that no article gives now is lost, reported on the file an editor fixes (the renamed or
 * edited article, or the list's line), with the fix.
 */
export async function findAddressChanges(
  root: string,
  site: SiteConfig,
  base?: string,
): Promise<AddressChanges> {
  const { registry: entities } = loadEntityRegistry(resolve(root, site.entitiesDir), root);
  const given: GivenAddress[] = [];
  const published: (ValidArticle & { file: string; path: string })[] = [];
  const unreadable: string[] = [];
  const drafts = new Set<string>();
  for (const { file, result } of await readArticleFiles({ root, site }, entities)) {
    if (!result.ok) unreadable.push(file);
    else if (!isPublic({ file, data: result.article.data })) drafts.add(file);
    else {
      published.push({ ...result.article, file, path: articlePath(result.article.data) });
      given.push(...addressesOf(result.article, file));
    }
  }
  const { manifest, file: listFile } = await readUrlManifest(root, site.urlManifest);
  const listed = addressSet(manifest.entries.map((entry) => entry.url));
  // The pages of an entity's other names lead to its page; the build records them too.
  const otherNames = entityRedirectPaths(published, site.pageSize, entities);
  const added = [...given, ...otherNames.map((url) => ({ url, file: listFile, line: 1 }))].filter(
    (address) => !listed(address.url),
  );
  if (unreadable.length > 0) return { added, lost: [], unreadable };

  const served = addressSet([...given.map((address) => address.url), ...otherNames]);
  const lost: Problem[] = [];
  // Addresses are told apart as the build tells them (a trailing slash or index.html aside).
  const explained = new Set<string>();
  const lineInList = new Map(manifest.entries.map((entry) => [addressKey(entry.url), entry]));
  if (base !== undefined) {
    const schema = createArticleSchema({
      defaultLanguage: site.defaultLanguage,
      timezone: site.timezone,
      entities,
    });
    for (const change of await changedArticleFiles(root, base, site.articlesDir)) {
      const before = await gitShow(root, base, change.before);
      const article = before === undefined ? undefined : readArticle(before, change.before, schema);
      if (article === undefined || !isPublic({ file: change.before, data: article.data })) continue;
      for (const { url } of addressesOf(article, change.before)) {
        const key = addressKey(url);
        if (served(url) || explained.has(key)) continue;
        explained.add(key);
        const listed = lineInList.get(key);
        if (listed?.unpublished !== undefined) continue;
        const takeDown = `to take it down on purpose, write "${url} ${UNPUBLISHED_MARK} <why>" in ${listFile}`;
        if (change.after === undefined) {
          lost.push({
            file: listFile,
            line: listed?.line ?? 1,
            field: "url",
            message: `${change.before} was deleted, and its address ${url} would stop working: ${takeDown}; if the article moved, add the address to its aliases`,
          });
        } else if (drafts.has(change.after)) {
          // A draft gets no page and no redirect: an alias cannot keep its address.
          lost.push({
            file: change.after,
            line: 1,
            field: "draft",
            message: `this article is now a draft, so its address ${url} would stop working: publish it again (remove draft: true), or ${takeDown}`,
          });
        } else {
          lost.push({
            file: change.after,
            line: 1,
            field: "aliases",
            message: `this article was at ${url}, which would stop working: keep the old address with aliases: [${url}]`,
          });
        }
      }
    }
    const before = await gitShow(root, base, site.urlManifest);
    if (before !== undefined) {
      const now = addressSet(manifest.entries.map((entry) => entry.url));
      for (const entry of parseUrlManifest(before.toString("utf8"), listFile).entries) {
        if (now(entry.url) || explained.has(addressKey(entry.url))) continue;
        explained.add(addressKey(entry.url));
        lost.push({
          file: listFile,
          line: 1,
          field: "url",
          message: `${entry.url} was published and its line was removed: put it back (to take the page down, end the line with " ${UNPUBLISHED_MARK} <why>")`,
        });
      }
    }
  }
  const unexplained = manifest.entries.filter((entry) => !explained.has(addressKey(entry.url)));
  lost.push(...findBrokenUrls({ ...manifest, entries: unexplained }, served, listFile));
  return { added, lost, unreadable };
}

function readArticle(bytes: Buffer, file: string, schema: Schema): ValidArticle | undefined {
  const decoded = decodeArticleFile(bytes, file);
  if ("problems" in decoded) return undefined;
  const result = validateArticleSource(decoded.text, file, schema);
  return result.ok ? result.article : undefined;
}

function addressesOf(article: ValidArticle, file: string): GivenAddress[] {
  return [
    { url: articlePath(article.data), file, line: 1 },
    ...article.data.aliases.map((url, i) => ({ url, file, line: article.lineOf(["aliases", i]) })),
  ];
}

/** The article files a change since `base` renamed, edited or deleted, as git sees them. */
async function changedArticleFiles(
  root: string,
  base: string,
  articlesDir: string,
): Promise<{ before: string; after?: string }[]> {
  const { stdout } = await git(
    "git",
    ["diff", "--relative", "--name-status", "-M", "-z", base, "--", articlesDir],
    {
      cwd: root,
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const fields = stdout.split("\0").filter((field) => field !== "");
  const changes: { before: string; after?: string }[] = [];
  for (let i = 0; i < fields.length;) {
    const status = fields[i++]!;
    if (status.startsWith("R")) changes.push({ before: fields[i++]!, after: fields[i++]! });
    else if (status === "M") {
      const file = fields[i++]!;
      changes.push({ before: file, after: file });
    } else if (status === "D") changes.push({ before: fields[i++]! });
    else i += status.startsWith("C") ? 2 : 1;
  }
  return changes.filter((change) => isArticleFile(change.before));
}

/** A file's bytes at a revision; undefined when it did not exist there. */
async function gitShow(root: string, revision: string, path: string): Promise<Buffer | undefined> {
  try {
    const { stdout } = await git("git", ["show", `${revision}:./${path}`], {
      cwd: root,
      encoding: "buffer",
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout;
  } catch {
    return undefined;
  }
}
