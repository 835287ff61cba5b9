import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { AstroIntegration } from "astro";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkPagePolicy, securityHeadersIntegration } from "../../../src/security/headers";
import { inlineHash } from "../../../src/security/policy";

const ours = "document.documentElement.dataset.theme = 'dark';";
const page = (head: string, body = "") =>
  `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const meta = `<meta http-equiv="content-security-policy" content="script-src 'self' '${inlineHash(ours)}'; style-src 'self'">`;

describe("checkPagePolicy", () => {
  it("accepts an inline script whose hash the page's policy lists, and data blocks", () => {
    const html = page(
      `${meta}<script>${ours}</script>`,
      `<script type="application/ld+json">{"a":1}</script>`,
    );
    expect(checkPagePolicy(html)).toEqual({
      policy: `script-src 'self' '${inlineHash(ours)}'; style-src 'self'`,
      inline: [inlineHash(ours)],
      blocked: [],
    });
  });

  it("names the hash of an inline script the policy would block, and of every script of a page without a policy", () => {
    expect(checkPagePolicy(page(meta, "<script>alert(1)</script>")).blocked).toEqual([
      inlineHash("alert(1)"),
    ]);
    expect(checkPagePolicy(page(`<script>${ours}</script>`))).toEqual({
      policy: undefined,
      inline: [inlineHash(ours)],
      blocked: [inlineHash(ours)],
    });
  });

  it("does not take script-like text in an attribute for a script", () => {
    const html = page(`${meta}<meta name="description" content="<script>alert(1)</script>">`);
    expect(checkPagePolicy(html).blocked).toEqual([]);
  });
  it("keeps nothing of the page it read: the build keeps a policy per page, for tens of thousands of pages", () => {
    setFlagsFromString("--expose-gc");
    const collectGarbage = runInNewContext("gc") as () => void;
    const heldAfterCollecting = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    // A policy with an entity is read by the parser, the others by the quick reading.
    const entityMeta = meta.replace("style-src 'self'", "style-src &#39;self&#39;");
    const pageBytes = 2_000_000;
    const pages = 60;
    const before = heldAfterCollecting();
    const kept: ReturnType<typeof checkPagePolicy>[] = [];
    for (let n = 0; n < pages; n += 1) {
      const padding = `<p>${String(n).repeat(pageBytes / String(n).length)}</p>`;
      kept.push(checkPagePolicy(page(n % 2 === 0 ? meta : entityMeta, padding)));
    }
    const held = heldAfterCollecting() - before;
    expect(kept.every((result) => result.policy?.startsWith("script-src 'self'"))).toBe(true);
    // Holding each page would be 120 MB (at least a byte a character); the policies are a few KB.
    expect(held).toBeLessThan((pages * pageBytes) / 10);
  });
});

describe("securityHeadersIntegration with the cache of an incremental build", () => {
  type Hooks = Required<AstroIntegration["hooks"]>;
  let root: string;
  const messages: string[] = [];
  const logger = { info: (message: string) => messages.push(message) };

  /** Astro's record of the build's pages: route code hash and cache key of each page's file. */
  let written = 0;
  const writeAstroManifest = async (keys: Record<string, string>) => {
    const file = join(root, "cache/incremental-build.json");
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        configHash: "c",
        lockfileHash: "l",
        routes: {
          "src/pages/[slug].astro": {
            dependencyHash: "d",
            paths: Object.fromEntries(
              Object.entries(keys).map(([page, cacheKey]) => [
                `/${page}`,
                { cacheKey, outputFile: `${page}/index.html` },
              ]),
            ),
          },
        },
      }),
    );
    // A build takes longer than the file system's clock takes to tick; these do not.
    written += 10;
    await utimes(file, written, written);
  };
  const writePage = async (page: string, body = "") => {
    await mkdir(join(root, "dist", page), { recursive: true });
    await writeFile(
      join(root, "dist", page, "index.html"),
      `<!DOCTYPE html><html><head>${meta}</head><body>${body}</body></html>`,
    );
  };
  /** One build as Astro runs the hooks; `manifest` writes Astro's record during the build, or not at all. */
  const build = async (manifest?: Record<string, string>) => {
    const hooks = securityHeadersIntegration().hooks as Hooks;
    const config = {
      base: "/",
      cacheDir: pathToFileURL(join(root, "cache/")),
      experimental: { incrementalBuild: true },
    };
    await hooks["astro:config:done"]({ config } as unknown as Parameters<Hooks["astro:config:done"]>[0]);
    await hooks["astro:build:start"]({} as Parameters<Hooks["astro:build:start"]>[0]);
    if (manifest) await writeAstroManifest(manifest);
    messages.length = 0;
    await hooks["astro:build:done"]({
      dir: pathToFileURL(join(root, "dist/")),
      logger,
    } as unknown as Parameters<Hooks["astro:build:done"]>[0]);
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "archive-policy-"));
    await mkdir(join(root, "cache"));
    await writePage("a");
    await writePage("b");
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("reads again only the pages whose cache key changed, and still refuses a page that breaks the policy", async () => {
    await build({ a: "1", b: "1" });
    expect(messages.join("\n")).toMatch(/_headers written: 1 page policy merged\.$/m);
    await build({ a: "1", b: "1" });
    expect(messages.join("\n")).toMatch(/\(0 pages read, the others unchanged since the last build\)/);
    await writePage("b", "<script>alert(1)</script>");
    await expect(build({ a: "1", b: "2" })).rejects.toThrow(/b\/index\.html: an inline script/);
  });

  it("reads every page when Astro's record was not written by this build", async () => {
    await build({ a: "1", b: "1" });
    await writePage("b", "<script>alert(1)</script>");
    await expect(build()).rejects.toThrow(/b\/index\.html: an inline script/);
  });
});
