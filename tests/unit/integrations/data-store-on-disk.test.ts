import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  dataStoreModuleCode,
  dataStoreOnDiskPlugin,
  throwIfStoreUnread,
} from "../../../src/integrations/data-store-on-disk";

let work: string;
let modules = 0;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "archive-data-store-"));
});

afterEach(async () => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("archive.dataStoreReadError")];
  await rm(work, { recursive: true, force: true });
});

/** Evaluates the module's code for the store file `store`, as the build's pages do. */
async function importStoreModule(store: string): Promise<{ default: unknown }> {
  const file = join(work, `store-module-${modules++}.mjs`);
  await writeFile(file, dataStoreModuleCode(store));
  return (await import(pathToFileURL(file).href)) as { default: unknown };
}

describe("the content store module", () => {
  it("exports the store's serialised form, read from the file when the pages are rendered", async () => {
    const store = join(work, "data-store.json");
    await writeFile(store, JSON.stringify([["Map", 1, 2], "articles", ["Map"]]));
    const module = await importStoreModule(store);
    expect(module.default).toEqual([["Map", 1, 2], "articles", ["Map"]]);
    expect(() => throwIfStoreUnread()).not.toThrow();
  });

  it("exports an empty Map, as Astro's does, when no collection wrote a store", async () => {
    const module = await importStoreModule(join(work, "missing.json"));
    expect(module.default).toEqual(new Map());
  });

  it("fails naming the file when the store cannot be read, and leaves the error for the pages", async () => {
    const store = join(work, "data-store.json");
    await writeFile(store, '[["Map",1');
    await expect(importStoreModule(store)).rejects.toThrow(`Could not read the content store ${store}`);
    // Astro's reader takes the failed module for an empty store; the archive's pages do not.
    expect(() => throwIfStoreUnread()).toThrow(`Could not read the content store ${store}`);
  });

  it("resolves Astro's store module to that code, marked as content data for the incremental build", () => {
    const plugin = dataStoreOnDiskPlugin("/cache/data-store.json");
    const { handler: resolve } = plugin.resolveId as { handler: (id: string) => string };
    const { handler: load } = plugin.load as { handler: (id: string) => { code: string; meta: unknown } };
    const id = resolve("astro:data-layer-content");
    expect(load(id).code).toBe(dataStoreModuleCode("/cache/data-store.json"));
    expect(load(id).meta).toEqual({ astroIncremental: { kind: "content-data" } });
  });
});
