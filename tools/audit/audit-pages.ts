import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { pickSearchWord } from "./audit-report";
import { archivePath, homePagePath, isArticlePath, searchPath, withBase } from "../../src/lib/urls";

/** A page `npm run audit` measures: what it is, and its path on the site (base included). */
export interface AuditPage {
  name: string;
  path: string;
}

// How many of the newest articles are read to find one with a lead image; past that the newest is taken.
const IMAGE_SEARCH_LIMIT = 500;

/**
 * The four pages the budget names, found in a built site rather than hard-coded: the home page,
 * the newest article with a lead image (else the newest article), that article's month in the
 * archive, and the search page searching a word of that article's headline.
 */
export async function findAuditPages(dist: string, base: string): Promise<AuditPage[]> {
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(`${dist} holds no built site (no index.html): run npm run build first`);
  }
  const articles = (await readdir(dist, { recursive: true }))
    .map((file) => file.split("\\").join("/"))
    .filter((file) => file.endsWith("/index.html") && isArticlePath(file.slice(0, -"index.html".length)))
    .map((file) => file.slice(0, -"index.html".length))
    .sort()
    .reverse();
  if (articles.length === 0) throw new Error(`${dist} has no article pages: an audit needs at least one`);

  let article = articles[0]!;
  for (const candidate of articles.slice(0, IMAGE_SEARCH_LIMIT)) {
    if ((await readFile(join(dist, candidate, "index.html"), "utf8")).includes('property="og:image"')) {
      article = candidate;
      break;
    }
  }
  const [year, month] = article.split("/").map(Number);
  const monthPath = archivePath({ year: year!, month: month! });
  if (!existsSync(join(dist, monthPath, "index.html"))) {
    throw new Error(`${dist} has no page for ${monthPath}, the month of ${article}`);
  }
  const html = await readFile(join(dist, article, "index.html"), "utf8");
  const headline = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, "") ?? "";
  const word = pickSearchWord(headline);
  return [
    { name: "home", path: withBase(homePagePath(1), base) },
    { name: "article", path: withBase(`/${article}`, base) },
    { name: "archive month", path: withBase(monthPath, base) },
    { name: "search", path: withBase(searchPath(word), base) },
  ];
}
