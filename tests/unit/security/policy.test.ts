import { describe, expect, it } from "vitest";
import {
  allowsInlineScript,
  IMMUTABLE,
  REVALIDATE,
  SEARCH_INDEX_CACHE,
  formatHeadersFile,
  inlineHash,
  mergePolicies,
  plainPolicy,
} from "../../../src/security/policy";
import { parseHeadersFile } from "../../../tools/static-server";

describe("inlineHash", () => {
  it("is the sha256 source a browser computes for the script's exact text", () => {
    // echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
    expect(inlineHash("alert(1)")).toBe("sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=");
  });
});

describe("mergePolicies", () => {
  it("allows what any of the policies allows, each source once, directives in first-seen order", () => {
    expect(
      mergePolicies([
        "default-src 'self'; style-src 'self' 'sha256-a'",
        "default-src 'self';style-src 'self' 'sha256-b'; ",
      ]),
    ).toBe("default-src 'self'; style-src 'self' 'sha256-a' 'sha256-b'");
  });
});

describe("allowsInlineScript", () => {
  it("allows a listed hash only, and never without a script-src", () => {
    expect(allowsInlineScript("script-src 'self' 'sha256-a'", "sha256-a")).toBe(true);
    expect(allowsInlineScript("script-src 'self' 'sha256-a'", "sha256-b")).toBe(false);
    expect(allowsInlineScript(plainPolicy(), "sha256-a")).toBe(false);
  });
});

describe("formatHeadersFile", () => {
  it("sends the page policy with frame-ancestors and the other headers to every address under the base", () => {
    const text = formatHeadersFile("default-src 'self'; script-src 'self'", "/archive");
    const rules = parseHeadersFile(text);
    expect(rules).toHaveLength(1 + SEARCH_INDEX_CACHE.length);
    expect(rules[0]?.pattern.test("/archive/2019/05/02/a/")).toBe(true);
    expect(rules[0]?.pattern.test("/elsewhere/")).toBe(false);
    expect(Object.fromEntries(rules[0]?.headers ?? [])).toEqual({
      "Content-Security-Policy": "default-src 'self'; script-src 'self'; frame-ancestors 'none'",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Content-Type-Options": "nosniff",
      "Permissions-Policy": expect.stringContaining("microphone=()"),
    });
    expect(parseHeadersFile(formatHeadersFile("default-src 'self'", "/"))[0]?.pattern.test("/a/")).toBe(true);
  });

  it("keeps the search index's files named by their contents, and has the files naming them asked again", () => {
    const rules = parseHeadersFile(formatHeadersFile("default-src 'self'", "/archive"));
    const cacheControl = (path: string): string[] =>
      rules
        .filter((rule) => rule.pattern.test(path))
        .flatMap((rule) =>
          rule.headers.filter(([name]) => name === "Cache-Control").map(([, value]) => value),
        );
    for (const path of [
      "/archive/pagefind/pagefind.en_8a1b2c.pf_meta",
      "/archive/pagefind/index/en_8a1b2c.pf_index",
      "/archive/pagefind/2016-2019/fragment/en_8a1b2c.pf_fragment",
      "/archive/pagefind/2016-2019/filter/en_8a1b2c.pf_filter",
      "/archive/pagefind/2025-07-2025-12/pagefind.en_8a1b2c.pf_meta",
    ]) {
      expect(cacheControl(path), path).toEqual([IMMUTABLE]);
    }
    for (const path of [
      "/archive/pagefind/pagefind-entry.json",
      "/archive/pagefind/2016-2019/pagefind-entry.json",
      "/archive/pagefind/indexes.json",
      "/archive/pagefind/pagefind.js",
      "/archive/pagefind/2016-2019/pagefind-worker.js",
      "/archive/pagefind/wasm.en.pagefind",
    ]) {
      expect(cacheControl(path), path).toEqual([REVALIDATE]);
    }
    // Pages and other files keep the host's own caching.
    expect(cacheControl("/archive/2019/05/02/a/")).toEqual([]);
    expect(cacheControl("/elsewhere/pagefind/pagefind.en_8a1b2c.pf_meta")).toEqual([]);
  });
});
