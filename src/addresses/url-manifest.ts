import { addressKey } from "../lib/articles";
import type { Problem } from "../lib/problems";

/** One line of the URL manifest: an address the archive has published. */
export interface ManifestEntry {
  url: string;
  /** 1-based line in the manifest file. */
  line: number;
  /** Set when the address was taken down on purpose: the editor's reason (may be empty). */
  unpublished?: string;
}

/** The manifest as read: its entries and the lines that could not be read. */
export interface UrlManifest {
  entries: ManifestEntry[];
  problems: Problem[];
}

/** The words that mark a line as taken down on purpose. */
export const UNPUBLISHED_MARK = "unpublished:";

const HEADER = [
  "# Every address this archive has published: article pages, the old addresses in `aliases`,",
  "# and the pages of entities' other names.",
  "# The build adds new ones and fails when one of them would stop working.",
  "# Never delete a line. To take a page down on purpose, add ` unpublished: <why>` after its address.",
];

/** Reads the manifest text; `file` names it in problems. A missing file is an empty manifest. */
export function parseUrlManifest(text: string, file: string): UrlManifest {
  const entries: ManifestEntry[] = [];
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const match = /^(\S+)(?:\s+(.*))?$/.exec(line);
    const [, url = "", rest] = match ?? [];
    const mark = rest?.trim();
    if (!url.startsWith("/") || (mark !== undefined && !mark.startsWith(UNPUBLISHED_MARK))) {
      problems.push({
        file,
        line: i + 1,
        field: "url",
        message: `"${line}" is not an address: each line holds one address starting with /, optionally followed by "${UNPUBLISHED_MARK} <why>"`,
      });
      return;
    }
    entries.push(
      mark === undefined
        ? { url, line: i + 1 }
        : { url, line: i + 1, unpublished: mark.slice(UNPUBLISHED_MARK.length).trim() },
    );
  });
  return { entries, problems };
}

/**
 * The published addresses that would no longer resolve, and addresses marked as taken
 * down that would be published again. `resolves` says whether the site about to be
 * published serves an address.
 */
export function findBrokenUrls(
  manifest: UrlManifest,
  resolves: (url: string) => boolean,
  file: string,
): Problem[] {
  return manifest.entries.flatMap((entry): Problem[] => {
    const live = resolves(entry.url);
    if (entry.unpublished === undefined && !live) {
      return [
        {
          file,
          line: entry.line,
          field: "url",
          message: `${entry.url} was published and would no longer resolve: add it to the aliases of the article that now has that content (aliases: [${entry.url}]), or, to take it down on purpose, write "${entry.url} ${UNPUBLISHED_MARK} <why>" on this line`,
        },
      ];
    }
    if (entry.unpublished !== undefined && live) {
      return [
        {
          file,
          line: entry.line,
          field: "url",
          message: `${entry.url} is marked as taken down but would be published again: to publish it, remove "${UNPUBLISHED_MARK}…" from this line; otherwise remove the alias or article that gives this address`,
        },
      ];
    }
    return [];
  });
}

/**
 * The manifest text with the addresses of `published` it lacks added, each once: every
 * line already there stays as written (editors' comments and marks included), and each
 * new address goes before the first listed address that sorts after it, so a sorted list
 * stays sorted and a change is a few added lines. Unchanged text when nothing is new.
 */
export function formatUrlManifest(text: string, published: Iterable<string>): string {
  const known = addressSet(parseUrlManifest(text, "").entries.map((entry) => entry.url));
  const fresh = new Map<string, string>();
  for (const url of published) {
    if (!known(url) && !fresh.has(addressKey(url))) fresh.set(addressKey(url), url);
  }
  if (fresh.size === 0 && text !== "") return text;
  const added = [...fresh.values()].sort(compareText);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text === "" ? HEADER : text.replace(/\r?\n$/, "").split(/\r?\n/);
  const out: string[] = [];
  let next = 0;
  for (const line of lines) {
    const url = /^\s*(\/\S*)/.exec(line)?.[1];
    while (url !== undefined && next < added.length && compareText(added[next] ?? "", url) < 0) {
      out.push(added[next++] ?? "");
    }
    out.push(line);
  }
  // One by one: spread into push(), an archive's worth of addresses overflows the call stack.
  for (const url of added.slice(next)) out.push(url);
  return `${out.join(eol)}${eol}`;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The addresses the manifest tracks for a set of public articles: their pages and their aliases. */
export function publishedAddresses(
  articles: readonly { path: string; data: { aliases: readonly string[] } }[],
): string[] {
  return articles.flatMap((article) => [article.path, ...article.data.aliases]);
}

/** A test for whether an address is among `addresses`, however its trailing slash is written. */
export function addressSet(addresses: Iterable<string>): (url: string) => boolean {
  const keys = new Set([...addresses].map(addressKey));
  return (url) => keys.has(addressKey(url));
}
