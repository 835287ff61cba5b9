import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  contentStoreModuleCode,
  contentStorePlugin,
  shareLoadedCollection,
  throwIfStoreUnread,
} from "../../../src/build/content-store";

let work: string;
let modules = 0;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "archive-data-store-"));
});

afterEach(async () => {
  const global = globalThis as Record<symbol, unknown>;
  delete global[Symbol.for("archive.contentStoreReadError")];
  delete global[Symbol.for("archive.contentStore")];
  await rm(work, { recursive: true, force: true });
});

/** Evaluates the module's code for the store file `store`, as the build's pages do. */
async function importStoreModule(store: string): Promise<{ default: unknown }> {
  const file = join(work, `store-module-${modules++}.mjs`);
  await writeFile(file, contentStoreModuleCode(store));
  return (await import(pathToFileURL(file).href)) as { default: unknown };
}

describe("the content store module", () => {
  it("exports the collections the loaders shared in this process, the stored entries themselves", async () => {
    const entry = { id: "2024/story", data: { title: "Story" } };
    shareLoadedCollection("articles", { entries: () => [[entry.id, entry]] } as never);
    const module = await importStoreModule(join(work, "data-store.json"));
    const collections = module.default as Map<string, Map<string, unknown>>;
    expect([...collections.keys()]).toEqual(["articles"]);
    expect(collections.get("articles")?.get("2024/story")).toBe(entry);
  });

  it("in a process where no loader shared its collection, exports the store's file as serialised", async () => {
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
    const plugin = contentStorePlugin("/cache/data-store.json");
    const { handler: resolve } = plugin.resolveId as { handler: (id: string) => string };
    const { handler: load } = plugin.load as { handler: (id: string) => { code: string; meta: unknown } };
    const id = resolve("astro:data-layer-content");
    expect(load(id).code).toBe(contentStoreModuleCode("/cache/data-store.json"));
    expect(load(id).meta).toEqual({ astroIncremental: { kind: "content-data" } });
  });
});
