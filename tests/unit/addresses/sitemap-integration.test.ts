import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";
import { describe, expect, it } from "vitest";
import { SitemapError, sitemapIntegrations } from "../../../src/addresses/sitemap-integration";
import { SITEMAP_ENTRY_LIMIT } from "../../../src/addresses/sitemap";
import type { SitemapPages } from "../../../src/addresses/sitemap";
import { parseXml, children, childText } from "../../support/xml";

type Hooks = Required<AstroIntegration["hooks"]>;
const logger = { info() {}, warn() {}, error() {}, debug() {}, fork: () => logger };

describe("sitemapIntegrations", () => {
  it("splits the sitemap into files of 45,000 addresses, each with its date", async () => {
    const count = SITEMAP_ENTRY_LIMIT + 2;
    const paths = Array.from({ length: count }, (_, i) => `/2020/01/01/story-${i}/`);
    const pages: SitemapPages = {
      pages: Object.fromEntries([
        ["/", "2020-01-02T00:00:00Z"],
        ...paths.map((p) => [p, "2020-01-01T00:00:00Z"]),
      ]),
      aliases: [],
    };
    const dist = await mkdtemp(join(tmpdir(), "archive-sitemap-"));
    await writeFile(join(dist, "sitemap-pages.json"), JSON.stringify(pages));
    await runSitemapStep("/archive", dist, [
      "",
      "search/",
      "404/",
      "rss.xml",
      ...paths.map((p) => p.slice(1)),
    ]);
    const index = parseXml(await readFile(join(dist, "sitemap-index.xml"), "utf8")).documentElement!;
    expect(children(index, "sitemap").map((s) => childText(s, "loc"))).toEqual([
      "https://x.org/archive/sitemap-0.xml",
      "https://x.org/archive/sitemap-1.xml",
    ]);
    const urls = async (file: string) =>
      children(parseXml(await readFile(join(dist, file), "utf8")).documentElement!, "url");
    const [first, second] = [await urls("sitemap-0.xml"), await urls("sitemap-1.xml")];
    expect(first).toHaveLength(SITEMAP_ENTRY_LIMIT);
    expect(first.length + second.length).toBe(count + 1);
    const all = [...first, ...second].map((u) => childText(u, "loc"));
    expect(all).not.toContain("https://x.org/archive/search/");
    expect(all).not.toContain("https://x.org/archive/rss.xml");
    expect(childText(first[0]!, "lastmod")).toBe("2020-01-02T00:00:00.000Z");
    expect(existsSync(join(dist, "sitemap-pages.json"))).toBe(false);
  });

  it("lists the pages a build of all years leaves to the other parts, however many there are", async () => {
    // A part of a 250,000-article archive leaves some 360,000 pages to the year parts.
    const elsewhere = Array.from({ length: 400_000 }, (_, i) => `/2020/01/01/story-${i}/`);
    const pages: SitemapPages = {
      pages: Object.fromEntries([
        ["/", "2020-01-02T00:00:00Z"],
        ...elsewhere.map((p) => [p, "2020-01-01T00:00:00Z"]),
      ]),
      aliases: [],
      elsewhere,
    };
    const dist = await mkdtemp(join(tmpdir(), "archive-sitemap-"));
    await writeFile(join(dist, "sitemap-pages.json"), JSON.stringify(pages));
    await runSitemapStep("/", dist, [""]);
    const index = parseXml(await readFile(join(dist, "sitemap-index.xml"), "utf8")).documentElement!;
    expect(children(index, "sitemap")).toHaveLength(Math.ceil((elsewhere.length + 1) / SITEMAP_ENTRY_LIMIT));
    const last = await readFile(join(dist, "sitemap-8.xml"), "utf8");
    expect(last).toContain("https://x.org/2020/01/01/story-399999/");
  }, 60_000);

  it("fails when the build left no page list to make the sitemap from", async () => {
    const dist = await mkdtemp(join(tmpdir(), "archive-sitemap-"));
    await expect(runSitemapStep("/", dist, [""])).rejects.toThrow(SitemapError);
  });

  it("fails when no sitemap was written, rather than publishing a site without one", async () => {
    const dist = await mkdtemp(join(tmpdir(), "archive-sitemap-"));
    // A page list that lists nothing the build made: @astrojs/sitemap only warns and writes nothing.
    await writeFile(join(dist, "sitemap-pages.json"), JSON.stringify({ pages: {}, aliases: [] }));
    await expect(runSitemapStep("/", dist, ["search/"])).rejects.toThrow(/the sitemap was not written/);
  });
});

/**
 * Runs the sitemap integrations' hooks in the order Astro does, for a site under `base` whose
 * build wrote `pathnames` into `dist`.
 */
async function runSitemapStep(base: string, dist: string, pathnames: string[]) {
  const integrations = sitemapIntegrations(base, "https://x.org");
  const config = { site: "https://x.org", base, trailingSlash: "ignore", build: { format: "directory" } };
  for (const integration of integrations) {
    const hooks = integration.hooks as Partial<Hooks>;
    await hooks["astro:routes:resolved"]?.({ routes: [] } as unknown as Parameters<
      Hooks["astro:routes:resolved"]
    >[0]);
    await hooks["astro:config:done"]?.({ config } as unknown as Parameters<Hooks["astro:config:done"]>[0]);
  }
  for (const integration of integrations) {
    const hooks = integration.hooks as Partial<Hooks>;
    await hooks["astro:build:done"]?.({
      dir: pathToFileURL(`${dist}/`),
      pages: pathnames.map((pathname) => ({ pathname })),
      logger,
    } as unknown as Parameters<Hooks["astro:build:done"]>[0]);
  }
}
