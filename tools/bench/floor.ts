import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The floor's Astro config: no options, and Pagefind over the whole output once the pages are written. */
const CONFIG = `import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import * as pagefind from "pagefind";

export default defineConfig({
  // node_modules is the project's, linked: keep the floor's caches in its own folder.
  cacheDir: "./.astro-cache",
  vite: { cacheDir: "./.vite-cache" },
  integrations: [
    {
      name: "floor:pagefind",
      hooks: {
        "astro:build:done": async ({ dir }) => {
          try {
            const { index, errors } = await pagefind.createIndex({});
            if (!index) throw new Error(errors.join("\\n"));
            const outDir = fileURLToPath(dir);
            const added = await index.addDirectory({ path: outDir });
            if (added.errors.length > 0) throw new Error(added.errors.join("\\n"));
            const written = await index.writeFiles({ outputPath: outDir + "/pagefind" });
            if (written.errors.length > 0) throw new Error(written.errors.join("\\n"));
          } finally {
            await pagefind.close();
          }
        },
      },
    },
  ],
});
`;

const contentConfig = (articlesDir: string): string => `import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const articles = defineCollection({
  loader: glob({ base: ${JSON.stringify(articlesDir)}, pattern: "**/*.md" }),
  schema: z.object({ title: z.string() }).loose(),
});

export const collections = { articles };
`;

const PAGE = `---
import { getCollection, render } from "astro:content";

export async function getStaticPaths() {
  const articles = await getCollection("articles");
  return articles.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body>
    <main data-pagefind-body><h1>{entry.data.title}</h1><Content /></main>
  </body>
</html>
`;

/**
 * `count` trivial pages, `/more/1/` … `/more/<count>/`: a heading and a link to the next one. They
 * carry no `data-pagefind-body`, so Pagefind reads them but indexes only the article pages.
 */
const morePages = (count: number): string => `---
export function getStaticPaths() {
  return Array.from({ length: ${count} }, (_, i) => ({ params: { n: String(i + 1) } }));
}

const n = Number(Astro.params.n);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>Page {n}</title></head>
  <body>
    <h1>Page {n}</h1>
    <p><a href={\`/more/\${(n % ${count}) + 1}/\`}>Next page</a></p>
  </body>
</html>
`;

/**
 * Writes the bare floor: the smallest Astro project that renders one plain page per article of
 * `articlesDir` and indexes them with Pagefind, using the project's own Astro and Pagefind
 * (its node_modules is a link to `projectNodeModules`). With `extraPages`, it also writes that many
 * trivial pages, so that it writes as many pages as a site with that many pages beyond its articles.
 */
export async function writeFloorProject(
  dir: string,
  articlesDir: string,
  projectNodeModules: string,
  extraPages = 0,
): Promise<void> {
  await mkdir(join(dir, "src/pages"), { recursive: true });
  await symlink(projectNodeModules, join(dir, "node_modules"), "dir");
  await writeFile(join(dir, "astro.config.mjs"), CONFIG);
  await writeFile(join(dir, "src/content.config.ts"), contentConfig(articlesDir));
  await writeFile(join(dir, "src/pages/[...id].astro"), PAGE);
  if (extraPages > 0) {
    await mkdir(join(dir, "src/pages/more"), { recursive: true });
    await writeFile(join(dir, "src/pages/more/[n].astro"), morePages(extraPages));
  }
}
