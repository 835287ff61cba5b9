import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createDigester } from "./cache-key";
import { site } from "../site.config";
import { getPublicArticles, type Article } from "./collection";

/**
 * The `cacheKey` of every page a route lists, for Astro's incremental build: a page is copied from
 * the previous build only when its key and its route's code are unchanged, so a key covers all
 * the data the page shows that is not code:
 * - the page's params and props, as a whole (see ../lib/cache-key.ts); an article in them counts
 *   as a list shows it (its fields, labels, photos, summaries, address), not by its body;
 * - what the route says it reads besides (`shows`): an article's body where the page renders it
 *   (`articleBody`), every redirect for the `_redirects` file;
 * - the site configuration that comes from the environment (address, base path, page size, part),
 *   which the route's code hash cannot see.
 */

/** The public articles and their entries: a list digests their fields, not their bodies. */
const listedArticles = new WeakSet<object>();
const listedEntries = new WeakSet<object>();
const LEFT_OUT_OF_LISTED_ARTICLES = ["body"] as const;
const LEFT_OUT_OF_LISTED_ENTRIES = ["body", "rendered", "digest"] as const;

const digester = createDigester({
  omit: (value) =>
    listedArticles.has(value)
      ? LEFT_OUT_OF_LISTED_ARTICLES
      : listedEntries.has(value)
        ? LEFT_OUT_OF_LISTED_ENTRIES
        : undefined,
});

// The folders are not shown; the articles read from them are digested themselves.
const configKey = digester.digest({ ...site, articlesDir: undefined, urlManifest: undefined });

let ready: Promise<void> | undefined;

const bodies = new WeakMap<Article, string>();

/**
 * What the body of an article renders to: its Markdown (by the digest the content store keeps;
 * the HTML is made from it, with the Markdown settings whose change renders every page again), and
 * the bytes of the images it shows (their files' names in the site change with them, the Markdown
 * does not).
 */
export function articleBody(article: Article): string {
  let key = bodies.get(article);
  if (key === undefined) {
    key = digester.digest(article.body.digest, bodyImages(article));
    bodies.set(article, key);
  }
  return key;
}

/** The bytes of the local images of a body; a file that cannot be read makes a key no build repeats. */
function bodyImages(article: Article): unknown[] {
  const { filePath } = article.entry;
  return article.body.images.map((path) => {
    if (URL.canParse(path) || filePath === undefined) return path;
    try {
      const bytes = readFileSync(resolve(dirname(filePath), path));
      return [path, createHash("sha256").update(bytes).digest("base64url")];
    } catch {
      return randomUUID();
    }
  });
}

/**
 * The routes with their cache keys. `shows` names what a page reads besides its params and props
 * (an article's body, a list loaded while rendering).
 */
export async function withCacheKeys<R extends { params: object; props: object }>(
  routes: readonly R[],
  shows: (route: R) => unknown[] = () => [],
): Promise<(R & { cacheKey: string })[]> {
  ready ??= getPublicArticles().then((articles) => {
    for (const article of articles) {
      listedArticles.add(article);
      listedEntries.add(article.entry);
    }
  });
  await ready;
  return routes.map((route) => ({
    ...route,
    cacheKey: digester.digest(configKey, route.params, route.props, ...shows(route)),
  }));
}
