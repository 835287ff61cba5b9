import type { APIRoute, GetStaticPaths } from "astro";
import { getBrowseData } from "../../archive/browse-data";
import { allYearsRoutes } from "../../parts/built-here";
import { withCacheKeys } from "../../archive/cache-keys";
import type { Article } from "../../archive/collection";
import { keepPerYear, onThisDayEntry } from "../../archive/on-this-day";
import { withBase } from "../../lib/urls";
import { site } from "../../site.config";

// One small file per day of the year, so the home page fetches only today's, on any later day,
// without a rebuild. Every day has a file (an empty list at worst): a missing one would log an error.
export const getStaticPaths = (async () => {
  const { onThisDay } = await getBrowseData();
  return withCacheKeys(
    allYearsRoutes([...onThisDay]).map(([day, articles]) => ({ params: { day }, props: { articles } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ articles: Article[] }> = ({ props }) =>
  new Response(
    JSON.stringify(
      keepPerYear(props.articles).map((article) =>
        onThisDayEntry(article, { locale: site.locale, href: withBase(article.path) }),
      ),
    ),
    { headers: { "Content-Type": "application/json" } },
  );
