import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { Plugin } from "vite";

/** The module through which Astro's build reads the content store (astro/dist/content/consts.js). */
const DATA_STORE_MODULE = "astro:data-layer-content";
const RESOLVED_MODULE = "\0archive:data-store-on-disk";
/** Where a build's content sync writes the store, in the cache folder (astro/dist/content/paths.js). */
const DATA_STORE_FILE = "data-store.json";

/**
 * Pages read the content store from the file the content sync wrote, when they are rendered,
 * instead of from a copy of it bundled into the build's code. Astro bundles the store as one
 * string literal, so the bundler would parse and emit the whole archive's frontmatter (300 MB at
 * 250,000 articles) as code, outside Node's heap limit; this module is a few lines whatever the
 * archive's size. Like Astro's own, it is content data to the incremental build, never code that
 * changes a page's hash.
 */
export function dataStoreOnDiskIntegration(): AstroIntegration {
  return {
    name: "archive:data-store-on-disk",
    hooks: {
      "astro:config:setup": ({ command, config, updateConfig }) => {
        if (command !== "build") return;
        const storage = (config.experimental as { collectionStorage?: unknown }).collectionStorage;
        if (storage !== undefined && storage !== "single-file") {
          throw new Error(
            "The site reads Astro's content store as one file (data-store.json); experimental.collectionStorage must stay 'single-file'.",
          );
        }
        const file = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        updateConfig({ vite: { plugins: [dataStoreOnDiskPlugin(file)] } });
      },
    },
  };
}

/** The Vite plugin that gives Astro's content store module the code that reads `file` at run time. */
export function dataStoreOnDiskPlugin(file: string): Plugin {
  return {
    name: "archive:data-store-on-disk",
    // Before Astro's own plugin, which resolves the same module.
    resolveId: {
      order: "pre",
      filter: { id: new RegExp(`^${DATA_STORE_MODULE}$`) },
      handler: () => RESOLVED_MODULE,
    },
    load: {
      filter: { id: new RegExp(`^${RESOLVED_MODULE}$`) },
      handler: () => ({
        code: dataStoreModuleCode(file),
        meta: { astroIncremental: { kind: "content-data" } },
      }),
    },
  };
}

/** Where the module leaves the error of a store it could not read, for `throwIfStoreUnread`. */
const READ_ERROR = "archive.dataStoreReadError";

/**
 * The module's code: the store's serialised form, as Astro's module exports it (an empty Map when
 * no collection wrote one). Astro's reader takes a module that throws for an empty store, so the
 * error is also left where `throwIfStoreUnread` finds it.
 */
export function dataStoreModuleCode(file: string): string {
  const path = JSON.stringify(file);
  return [
    `import { existsSync, readFileSync } from "node:fs";`,
    `let data;`,
    `try {`,
    `  data = existsSync(${path}) ? JSON.parse(readFileSync(${path}, "utf8")) : new Map();`,
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
  const error: unknown = (globalThis as Record<symbol, unknown>)[Symbol.for(READ_ERROR)];
  if (error !== undefined) throw error;
}
