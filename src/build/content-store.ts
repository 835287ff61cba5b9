import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { LoaderContext } from "astro/loaders";
import type { Plugin } from "vite";

/** The module through which Astro's build reads the content store (astro/dist/content/consts.js). */
const STORE_MODULE = "astro:data-layer-content";
const RESOLVED_MODULE = "\0archive:content-store";
/** Where a build's content sync writes the store, in the cache folder (astro/dist/content/paths.js). */
const STORE_FILE = "data-store.json";
/** Where, in this process, the loaders leave the collections they loaded, and the module an error. */
const SHARED = "archive.contentStore";
const READ_ERROR = "archive.contentStoreReadError";

type Collections = Map<string, Map<string, unknown>>;
const global = globalThis as Record<symbol, unknown>;

/**
 * The build's pages read the content store that this process's content sync just loaded, not a
 * second copy. Astro bundles the store into the pages' code as one string literal, which the
 * bundler parses and writes out (in native memory outside Node's heap limit, which grows with
 * the archive: docs/architecture.md), and the pages then parse it into a second copy of every article's data beside the
 * sync's (docs/scaling.md). This module is a few lines whatever the archive's size; like Astro's,
 * it is content data to the incremental build, never code that changes a page's hash.
 */
export function contentStoreIntegration(): AstroIntegration {
  return {
    name: "archive:content-store",
    hooks: {
      "astro:config:setup": ({ command, config, updateConfig }) => {
        if (command !== "build") return;
        const storage = (config.experimental as { collectionStorage?: unknown }).collectionStorage;
        if (storage !== undefined && storage !== "single-file") {
          throw new Error(
            "The site reads Astro's content store as one file (data-store.json); experimental.collectionStorage must stay 'single-file'.",
          );
        }
        const file = fileURLToPath(new URL(STORE_FILE, config.cacheDir));
        updateConfig({ vite: { plugins: [contentStorePlugin(file)] } });
      },
    },
  };
}

/**
 * Called by a loader once its collection is loaded: the build's pages read these entries, the
 * very objects the sync stored and wrote to the store's file. Every collection of the site must
 * share its own (the site has one, the articles).
 */
export function shareLoadedCollection(collection: string, store: LoaderContext["store"]): void {
  const shared = (global[Symbol.for(SHARED)] ??= new Map()) as Collections;
  shared.set(collection, new Map(store.entries()));
}

/** The Vite plugin that gives Astro's content store module the code of `contentStoreModuleCode`. */
export function contentStorePlugin(file: string): Plugin {
  return {
    name: "archive:content-store",
    // Before Astro's own plugin, which resolves the same module.
    resolveId: {
      order: "pre",
      filter: { id: new RegExp(`^${STORE_MODULE}$`) },
      handler: () => RESOLVED_MODULE,
    },
    load: {
      filter: { id: new RegExp(`^${RESOLVED_MODULE}$`) },
      handler: () => ({
        code: contentStoreModuleCode(file),
        meta: { astroIncremental: { kind: "content-data" } },
      }),
    },
  };
}

/**
 * The module's code. It exports the collections the loaders shared in this process, in the form
 * Astro's reader takes (a Map of Maps); in a process where no sync ran, the store's file, in its
 * serialised form (an empty Map when there is none, as Astro's module does). Astro's reader takes a
 * module that throws for an empty store, so the error is also left where `throwIfStoreUnread` finds it.
 */
export function contentStoreModuleCode(file: string): string {
  const path = JSON.stringify(file);
  return [
    `import { existsSync, readFileSync } from "node:fs";`,
    `let data = globalThis[Symbol.for(${JSON.stringify(SHARED)})];`,
    `try {`,
    `  data ??= existsSync(${path}) ? JSON.parse(readFileSync(${path}, "utf8")) : new Map();`,
    `} catch (cause) {`,
    `  const error = new Error("Could not read the content store " + ${path} + ": " + cause.message, { cause });`,
    `  globalThis[Symbol.for(${JSON.stringify(READ_ERROR)})] = error;`,
    `  throw error;`,
    `}`,
    `export default data;`,
  ].join("\n");
}

/** Throws the error of a content store the build could not read, so no page is built without its articles. */
export function throwIfStoreUnread(): void {
  const error = global[Symbol.for(READ_ERROR)];
  if (error !== undefined) throw error;
}
