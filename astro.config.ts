import { defineConfig } from "astro/config";
import { buildPartIntegration } from "./src/parts/integration";
import { contentStoreIntegration } from "./src/build/content-store";
import { keptOutputIntegrations } from "./src/build/kept-output";
import { pagefindIntegrations } from "./src/search/pagefind";
import { securityHeadersIntegration } from "./src/security/headers";
import { siteAddressIntegration } from "./src/addresses/site-address";
import { sitemapIntegrations } from "./src/addresses/sitemap-integration";
import { urlManifestIntegration } from "./src/addresses/url-manifest-integration";
import { SEARCH_INDEX_ROOT, buildsAllYearsPages, buildsSearchIndex } from "./src/parts/build-part";
import { markdownConfig } from "./src/articles/markdown";
import { inlineHash, OTHER_DIRECTIVES, SCRIPT_SOURCES, STYLE_SOURCES } from "./src/security/policy";
import { THEME_INIT_SCRIPT } from "./src/scripts/theme-init";
import { site } from "./src/site.config";

const searchIndex = pagefindIntegrations(site.part, site.searchPartPages);
// The search index keeps its unchanged parts in place itself.
const keptOutput = keptOutputIntegrations({
  managed: buildsSearchIndex(site.part) ? [SEARCH_INDEX_ROOT] : [],
});

// The shell passes the path of the command that started the build as `_` ("/usr/bin/npm",
// "node_modules/.bin/astro"). Astro writes each environment variable whose name appears in a
// module that reads `import.meta.env` whole into that module's code, and `_` appears in all of
// them: the code hash of most routes would then change with the way the build was started, and
// an incremental build would render their pages again. Nothing in the build reads it.
delete process.env._;

export default defineConfig({
  site: site.url,
  base: site.base,
  output: "static",
  // Links are written with a trailing slash; the preview server also answers without one, as hosts do.
  trailingSlash: "ignore",
  // Stylesheets are always files: no page has inline style, so one Content-Security-Policy without
  // style hashes fits every page, and every part of a site built by years writes the same one.
  // Eight pages at a time: each page's render waits on writing its file and the cache's copy, and
  // the others render meanwhile (measured in docs/benchmarks.md, "Astro's options for large sites").
  build: { format: "directory", inlineStylesheets: "never", concurrency: 8 },
  // A kept output folder first loses what this build did not write, before anything reads it.
  // Pagefind indexes the pages in its own process while the sitemap is written and the pages'
  // policies are checked. The URL manifest then records the addresses, once everything else has
  // succeeded, and the output folder's record, which lets the next build keep it, comes last. Built in parts (ARCHIVE_YEARS), the all-years part writes the sitemap, each
  // year part its search index, and `npm run merge` checks and records the addresses of the merged site.
  integrations: [
    siteAddressIntegration(),
    keptOutput.start,
    contentStoreIntegration(),
    buildPartIntegration(site.part),
    searchIndex.start,
    ...(buildsAllYearsPages(site.part) ? sitemapIntegrations(site.base, site.url) : []),
    securityHeadersIntegration({ writeHeaders: buildsAllYearsPages(site.part) }),
    searchIndex.finish,
    ...(site.part.kind === "whole" ? [urlManifestIntegration(site.urlManifest)] : []),
    keptOutput.finish,
  ],
  // Every page carries its Content-Security-Policy in a <meta> element: Astro adds the hashes of the
  // styles it inlines; securityHeadersIntegration checks the pages and writes the same policy to _headers.
  security: {
    csp: {
      directives: [...OTHER_DIRECTIVES],
      scriptDirective: { resources: [...SCRIPT_SOURCES], hashes: [inlineHash(THEME_INIT_SCRIPT)] },
      styleDirective: { resources: [...STYLE_SOURCES] },
    },
  },
  // The article pages render their bodies with the same settings (src/articles/markdown.ts).
  markdown: markdownConfig(site.base),
  devToolbar: { enabled: false },
  // A rebuild copies every page whose cache key (src/archive/cache-keys.ts) and code are unchanged from
  // the cache folder (its dist/ and incremental-build.json) instead of rendering it again, or leaves
  // it where it is when the output folder was kept (src/build/kept-output.ts).
  experimental: { incrementalBuild: true },
  // Scripts stay separate files, never inlined: a Content-Security-Policy without 'unsafe-inline'
  // then lets them run. Other assets keep Vite's default.
  vite: { build: { assetsInlineLimit: (file: string) => (file.endsWith(".js") ? false : undefined) } },
  // A separate cache per content folder keeps test builds from sharing one.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
