import { defineCollection } from "astro:content";
import { getSiteEntities } from "./entities/site-registry";
import { buildsYear } from "./parts/build-part";
import { articleLoader } from "./articles/loader";
import { createArticleSchema } from "./articles/schema/article";
import { site } from "./site.config";

// The entity registry, read once: its problems fail the build with the articles'.
const { registry: entities, problems: entityProblems } = getSiteEntities();
const options = { defaultLanguage: site.defaultLanguage, timezone: site.timezone, entities };

/** Every article file under the articles folder, validated by the one article schema. */
const articles = defineCollection({
  loader: articleLoader(
    {
      base: site.articlesDir,
      urlManifest: site.urlManifest,
      entityProblems,
      pageSize: site.pageSize,
      ...options,
    },
    // A build of some years (ARCHIVE_YEARS) renders the bodies of those years only.
    { siteBase: site.base, rendersYear: (year) => buildsYear(site.part, year) },
  ),
  schema: ({ image }) => createArticleSchema({ ...options, imageSrc: image() }),
});

export const collections = { articles };
