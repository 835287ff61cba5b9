import { globSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import pLimit from "p-limit";
import type { Element, Root } from "hast";
import { htmlToHast } from "satteri";
import { allowsInlineScript, formatHeadersFile, inlineHash, mergePolicies } from "./policy";
import {
  readPageStamps,
  readStampedResults,
  recordTime,
  writeStampedResults,
  type StampedResult,
} from "../build/incremental-pages";

/** The policies of the pages the last passed check read, in the cache folder. */
const CHECKED_PAGES = "checked-page-policies.json";

// Script types that hold data, never run code.
const DATA_TYPES = new Set(["application/ld+json", "application/json", "importmap", "speculationrules"]);

function* elements(node: Root | Element): Generator<Element> {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    yield child;
    yield* elements(child.tagName === "template" && child.content ? child.content : child);
  }
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === "text" ? child.value : "")).join("");
}

/** What one built page tells about its policy. */
export interface PagePolicy {
  /** The policy of the page's `<meta>` element, if it has one. */
  policy: string | undefined;
  /** The hashes of its inline scripts. */
  inline: string[];
  /** Those of them the policy does not allow. */
  blocked: string[];
}

// A quick reading first: a large archive has tens of thousands of pages, and parsing each into a
// tree costs about a millisecond. Text inside attribute values (a headline in og:title) can look
// like a tag to patterns, so a page that does not read as exactly one policy with every inline
// script allowed is read again with the parser, which decides.
const CSP_META = /<meta\b[^>]*\bhttp-equiv="content-security-policy"[^>]*>/gi;
const CONTENT = /\bcontent="([^"]*)"/;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const EXTERNAL_OR_DATA =
  /\bsrc=|\btype="(application\/ld\+json|application\/json|importmap|speculationrules)"/i;

function readQuickly(html: string): PagePolicy | undefined {
  const metas = [...html.matchAll(CSP_META)];
  const content = metas.length === 1 ? CONTENT.exec(metas[0]![0]) : null;
  // An entity in the policy text is left to the parser to decode.
  if (!content || content[1]!.includes("&")) return undefined;
  const policy = content[1]!;
  const inline: string[] = [];
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT)) {
    if (EXTERNAL_OR_DATA.test(attributes)) continue;
    const hash = inlineHash(body);
    if (!allowsInlineScript(policy, hash)) return undefined;
    inline.push(hash);
  }
  return { policy, inline, blocked: [] };
}

/**
 * What one built page tells about its policy: the policy of its `<meta>`, the hashes of its inline
 * scripts, and those of them the policy does not allow.
 */
export function checkPagePolicy(html: string): PagePolicy {
  const page = readQuickly(html) ?? readParsed(html);
  return page.policy === undefined ? page : { ...page, policy: detached(page.policy) };
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a substring
 * as a view of the whole string, so a policy kept per page would keep every page's HTML alive:
 * at 50,000 articles, more than the build's memory.
 */
function detached(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

function readParsed(html: string): PagePolicy {
  let policy: string | undefined;
  const scripts: string[] = [];
  for (const element of elements(htmlToHast(html) as Root)) {
    const { httpEquiv, content, src, type } = element.properties;
    if (element.tagName === "meta" && String(httpEquiv).toLowerCase() === "content-security-policy")
      policy ??= String(content);
    if (
      element.tagName === "script" &&
      src === undefined &&
      !DATA_TYPES.has(String(type ?? "").toLowerCase())
    )
      scripts.push(textOf(element));
  }
  const inline = scripts.map(inlineHash);
  const blocked = inline.filter((hash) => policy === undefined || !allowsInlineScript(policy, hash));
  return { policy, inline, blocked };
}

/**
 * Writes the `_headers` file with the Content-Security-Policy the pages carry and the other
 * security headers, once the site is built; fails the build for a page without a policy, or with
 * an inline script the policy would block (a reader would see a broken page, so it is never published).
 * A part of a site built by ranges of years checks its pages but leaves `_headers`, a file for the
 * whole site, to the part that writes the pages spanning all years (`writeHeaders: false`).
 * A page that Astro's incremental build copied unchanged from its cache, the same bytes as when
 * the last passed check read it, is not read again: its policy is taken from that check's record.
 */
export function securityHeadersIntegration({ writeHeaders = true } = {}): AstroIntegration {
  let base = "/";
  let cacheDir: string | undefined;
  let recordedBefore: number | undefined;
  return {
    name: "archive:security-headers",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
        if (config.experimental.incrementalBuild) cacheDir = fileURLToPath(config.cacheDir);
      },
      "astro:build:start": async () => {
        if (cacheDir) recordedBefore = await recordTime(cacheDir);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // The policies the pages carry, each kept once however many pages carry it (a site has one or two).
        const policies = new Map<string, string>();
        const problems: string[] = [];
        // Pages by the hash of the inline script their policy blocks: one message a script, not a page.
        const blocked = new Map<string, string[]>();
        // Reading tens of thousands of pages one at a time waits on the disk more than it works.
        const limit = pLimit(16);
        const checks: Promise<void>[] = [];
        const stamps = cacheDir ? await readPageStamps(cacheDir, recordedBefore) : new Map<string, string>();
        const checked = cacheDir ? await readStampedResults<string>(cacheDir, CHECKED_PAGES) : new Map();
        const passed = new Map<string, StampedResult<string>>();
        const shared = (policy: string): string => {
          const known = policies.get(policy);
          if (known !== undefined) return known;
          policies.set(policy, policy);
          return policy;
        };
        // Node's synchronous glob is much faster than its asynchronous one over a large site.
        for (const file of globSync("**/*.html", { cwd: outDir })) {
          const stamp = stamps.get(file);
          const known = stamp === undefined ? undefined : checked.get(file);
          if (known !== undefined && known.stamp === stamp) {
            passed.set(file, { stamp: known.stamp, result: shared(known.result) });
            continue;
          }
          checks.push(
            limit(async () => {
              const page = checkPagePolicy(await readFile(join(outDir, file), "utf8"));
              if (page.policy === undefined)
                problems.push(`${file}: no Content-Security-Policy <meta> element`);
              else {
                const policy = shared(page.policy);
                if (stamp !== undefined && page.blocked.length === 0)
                  passed.set(file, { stamp, result: policy });
              }
              for (const hash of page.blocked) blocked.set(hash, [...(blocked.get(hash) ?? []), file]);
            }),
          );
        }
        await Promise.all(checks);
        for (const [hash, files] of blocked) {
          const where =
            files.sort().slice(0, 3).join(", ") +
            (files.length > 3 ? ` and ${files.length - 3} more pages` : "");
          problems.push(
            `${where}: an inline script with hash '${hash}' is not allowed by the Content-Security-Policy; the policy allows only the theme script (src/scripts/theme-init.ts) inline: load other scripts from files`,
          );
        }
        if (problems.length > 0) {
          throw new Error(
            `The pages break their own Content-Security-Policy:\n${problems.sort().join("\n")}`,
          );
        }
        if (cacheDir) await writeStampedResults(cacheDir, CHECKED_PAGES, passed);
        const unread =
          checked.size === 0
            ? ""
            : ` (${checks.length} pages read, the others unchanged since the last build)`;
        // Astro writes each page's policy; should any differ, one header for every address takes their
        // union: only what some page of the site needs.
        if (!writeHeaders) {
          logger.info(`Policies checked${unread}.`);
          return;
        }
        await writeFile(
          join(outDir, "_headers"),
          formatHeadersFile(mergePolicies([...policies.keys()]), base),
        );
        logger.info(
          `_headers written: ${policies.size} page polic${policies.size === 1 ? "y" : "ies"} merged${unread}.`,
        );
      },
    },
  };
}
