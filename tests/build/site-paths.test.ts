import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { toArchiveArticle, type ArchiveArticle } from "../../src/articles/archive-rules";
import { isPublic } from "../../src/lib/articles";
import { createSitePathIndex } from "../../src/addresses/site-paths";
import { validateArticleFile } from "../../src/articles/validate-file";
import { createArticleSchema } from "../../src/articles/schema/article";
import { loadEntityRegistry } from "../../src/entities/load";
import { fixtureArticlesDir, listFiles } from "../support/site-build";

// The fixture site, built under /archive with 2 articles a page.
const dist = inject("fixtureDist");

describe("the addresses npm run check knows", () => {
  it("include every page and file the build writes, so that a link to one is never a false alarm", async () => {
    const { registry: entities } = loadEntityRegistry(
      join(fixtureArticlesDir, "../entities"),
      fixtureArticlesDir,
    );
    const schema = createArticleSchema({ defaultLanguage: "en", timezone: "UTC", entities });
    const articles: ArchiveArticle[] = [];
    for (const file of (await listFiles(fixtureArticlesDir)).filter((f) => f.endsWith(".md"))) {
      const result = await validateArticleFile(join(fixtureArticlesDir, file), file, schema);
      if (!result.ok) throw new Error(`${file} should be valid`);
      if (isPublic({ file, data: result.article.data }))
        articles.push(toArchiveArticle(file, result.article));
    }
    const isSitePath = createSitePathIndex({
      articles,
      pageSize: 2,
      staticFiles: ["/favicon.svg"],
      entities,
    });
    // Built assets and the search index are the site's own files, never linked from an article.
    const written = (await listFiles(dist)).filter(
      (f) => !/^(_astro|pagefind)\//.test(f) && f !== "_redirects" && f !== "_headers",
    );
    expect(written.length).toBeGreaterThan(100);
    expect(written.filter((file) => !isSitePath(`/${file}`))).toEqual([]);
  });
});
