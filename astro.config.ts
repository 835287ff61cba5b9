import { defineConfig } from "astro/config";
import { pagefindIntegration } from "./src/integrations/pagefind";
import { site } from "./src/site.config";

export default defineConfig({
  site: site.url,
  base: site.base,
  output: "static",
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [pagefindIntegration()],
  devToolbar: { enabled: false },
  // A separate cache per content folder keeps test and benchmark builds from sharing one.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
