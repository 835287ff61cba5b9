import { createHash } from "node:crypto";
import { withBase } from "../lib/urls";

/** Where scripts may come from: the site's own files, and WebAssembly for Pagefind's search. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** Where stylesheets may come from: the site's own files only (Astro is told never to inline them). */
export const STYLE_SOURCES = ["'self'"] as const;

/**
 * Every other directive of the policy. Pagefind 1.6 starts its worker from `pagefind-worker.js` on
 * the site (never a blob) and fetches its index and WebAssembly from the site.
 */
export const OTHER_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Directives a browser ignores in a `<meta>` policy, so they are sent only as a header. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** The headers sent with every response besides the Content-Security-Policy. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  // No page uses a powerful feature; the clipboard is written on a click, which needs no permission.
  "Permissions-Policy":
    "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), interest-cohort=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()",
};

/** The `sha256-…` CSP source of an inline script or style, as a browser computes it. */
export function inlineHash(content: string): `sha256-${string}` {
  return `sha256-${createHash("sha256").update(content, "utf8").digest("base64")}`;
}

/** A policy as an ordered map of directive name to its sources. */
export type Policy = Map<string, string[]>;

/** Reads a Content-Security-Policy text into its directives (names lowercased, sources in order). */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** Writes a policy back as text, one `name sources;` after another. */
export function formatPolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(" ")).join("; ");
}

/** The policy that allows what any of `policies` allows: each directive's sources, all together. */
export function mergePolicies(policies: readonly string[]): string {
  const merged: Policy = new Map();
  for (const text of policies) {
    for (const [name, sources] of parsePolicy(text)) {
      const known = merged.get(name) ?? [];
      merged.set(name, [...known, ...sources.filter((s) => !known.includes(s))]);
    }
  }
  return formatPolicy(merged);
}

/** True when `policy` lets an inline script with this hash run. */
export function allowsInlineScript(policy: string, hash: string): boolean {
  const parsed = parsePolicy(policy);
  const sources =
    parsed.get("script-src-elem") ?? parsed.get("script-src") ?? parsed.get("default-src") ?? [];
  return sources.includes(`'${hash}'`) || sources.includes("'unsafe-inline'");
}

/**
 * The policy for a page that Astro does not render (an old address's redirect page): no script
 * and no style of its own, so no hashes.
 */
export function plainPolicy(): string {
  return [
    ...OTHER_DIRECTIVES,
    `script-src ${SCRIPT_SOURCES.join(" ")}`,
    `style-src ${STYLE_SOURCES.join(" ")}`,
  ].join("; ");
}

/** Kept by browsers and caches for a year, never asked for again: the name changes with the contents. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** Kept, but asked again (answered "not modified" while unchanged) before each use. */
export const REVALIDATE = "no-cache";

/**
 * How long the search index's files may be kept, by address below the base path. Pagefind names
 * its metadata, word, fragment and filter files by the hash of their contents, so a new build's
 * changed files have new names, and a returning reader downloads only those; every index of a
 * site built in parts has its own. The files that name them (each index's `pagefind-entry.json`,
 * the list of indexes `pagefind/indexes.json`) and the files named by Pagefind's version only
 * (`pagefind.js`, its worker, the WebAssembly `wasm.<language>.pagefind`) are asked again each
 * time. Each file matches one rule only: a host joins the values of rules that both match.
 */
export const SEARCH_INDEX_CACHE: readonly (readonly [pattern: string, cacheControl: string])[] = [
  ["/pagefind/*.pf_meta", IMMUTABLE],
  ["/pagefind/*.pf_index", IMMUTABLE],
  ["/pagefind/*.pf_fragment", IMMUTABLE],
  ["/pagefind/*.pf_filter", IMMUTABLE],
  ["/pagefind/*pagefind-entry.json", REVALIDATE],
  ["/pagefind/indexes.json", REVALIDATE],
  ["/pagefind/*.js", REVALIDATE],
  ["/pagefind/*.pagefind", REVALIDATE],
];

/**
 * The `_headers` file (Netlify, Cloudflare Pages): every address under the base path gets the
 * page policy plus the header-only directives, and the other security headers; the search
 * index's files get how long they may be kept (SEARCH_INDEX_CACHE).
 */
export function formatHeadersFile(pagePolicy: string, base: string): string {
  const policy = mergePolicies([pagePolicy, HEADER_ONLY_DIRECTIVES.join("; ")]);
  const headers = { "Content-Security-Policy": policy, ...SECURITY_HEADERS };
  return [
    "# Security headers for every address of the site (the pages carry the same policy in a <meta> element).",
    withBase("/*", base),
    ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
    "",
    "# The search index: files named by their contents are kept; the files naming them are asked again.",
    ...SEARCH_INDEX_CACHE.flatMap(([pattern, value]) => [
      withBase(pattern, base),
      `  Cache-Control: ${value}`,
    ]),
    "",
  ].join("\n");
}
