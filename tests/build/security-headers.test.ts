import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { checkPagePolicy } from "../../src/security/headers";
import { SEARCH_INDEX_CACHE, inlineHash, parsePolicy } from "../../src/security/policy";
import { THEME_INIT_SCRIPT } from "../../src/scripts/theme-init";
import { listFiles } from "../support/site-build";
import { parseHeadersFile } from "../../tools/static-server";

// The fixture site, built under /archive with 2 articles a page.
const dist = inject("fixtureDist");

describe("the security headers of the built site", () => {
  it("give every address under the base path a policy without inline script, and the other headers", async () => {
    const rules = parseHeadersFile(await readFile(join(dist, "_headers"), "utf8"));
    // The others say how long the search index's files may be kept.
    expect(rules).toHaveLength(1 + SEARCH_INDEX_CACHE.length);
    expect(rules[0]?.pattern.test("/archive/")).toBe(true);
    expect(rules[0]?.pattern.test("/archive/pagefind/pagefind-worker.js")).toBe(true);
    expect(rules[0]?.pattern.test("/other/")).toBe(false);
    const headers = Object.fromEntries(rules[0]?.headers ?? []);
    expect(Object.keys(headers).sort()).toEqual([
      "Content-Security-Policy",
      "Permissions-Policy",
      "Referrer-Policy",
      "X-Content-Type-Options",
    ]);
    const policy = parsePolicy(headers["Content-Security-Policy"] ?? "");
    expect(policy.get("script-src")?.filter((s) => !s.startsWith("'sha256-"))).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
    ]);
    expect(policy.get("style-src")?.filter((s) => !s.startsWith("'sha256-"))).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
  });

  it("put a policy on every page that lets its inline scripts run, and let no inline script run there but the theme script", async () => {
    const used = new Set<string>();
    const problems: string[] = [];
    for (const file of (await listFiles(dist)).filter((f) => f.endsWith(".html"))) {
      const { policy, inline, blocked } = checkPagePolicy(await readFile(join(dist, file), "utf8"));
      if (policy === undefined) problems.push(`${file}: no policy`);
      if (blocked.length > 0) problems.push(`${file}: blocks ${blocked.join(", ")}`);
      inline.forEach((hash) => used.add(hash));
    }
    expect(problems).toEqual([]);
    expect([...used]).toEqual([inlineHash(THEME_INIT_SCRIPT)]);
  });
});
