import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { PAGE_TYPES, pageFamily, type PageFamily } from "../support/page-types";
import { fileForPath } from "../support/html";
import { listFiles } from "../support/site-build";

// The fixture site, built under /archive with 2 articles a page.
const dist = inject("fixtureDist");

describe("the list of page types the quality gates visit", () => {
  it("names pages that exist", () => {
    const missing = PAGE_TYPES.filter(
      ({ path, site }) => (site ?? "main") === "main" && !existsSync(fileForPath(dist, path)),
    );
    expect(missing.map((p) => `${p.name}: ${p.path}`)).toEqual([]);
  });

  it("covers every family of HTML file the build writes", async () => {
    const listed = new Set(PAGE_TYPES.map((p) => p.family));
    const unknown: string[] = [];
    const uncovered = new Set<PageFamily>();
    for (const file of (await listFiles(dist)).filter((f) => f.endsWith(".html"))) {
      const family = pageFamily(file, await readFile(join(dist, file), "utf8"));
      if (family === undefined) unknown.push(file);
      else if (!listed.has(family)) uncovered.add(family);
    }
    expect(
      unknown,
      "HTML files of no known family: add the family to PAGE_FAMILIES and a page to PAGE_TYPES",
    ).toEqual([]);
    expect([...uncovered], "families with no page in PAGE_TYPES").toEqual([]);
  });
});
