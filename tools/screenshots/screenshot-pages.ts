import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { findAuditPages } from "../audit/audit-pages";
import { archivePath, labelIndexPath, searchPath, withBase } from "../../src/lib/urls";

/** A page `npm run screenshots` takes: its file name stem and its path on the site (base included). */
export interface ScreenshotPage {
  name: string;
  path: string;
}

/** The first folder below `dir` in `dist` that holds a page, if any. */
async function firstPage(dist: string, dir: string): Promise<string | undefined> {
  const names = await readdir(join(dist, dir)).catch(() => [] as string[]);
  const found = names.sort().find((name) => existsSync(join(dist, dir, name, "index.html")));
  return found === undefined ? undefined : `/${dir}/${found}/`;
}

/**
 * One page of every kind a reader meets, found in a built site: the four the audit measures (home,
 * the newest article with a photo, its month, a search), the archive overview, that article's year
 * and day, the sections and a section, a topic, the search page before a search, and the 404 page.
 */
export async function findScreenshotPages(dist: string, base: string): Promise<ScreenshotPage[]> {
  const [home, article, month, search] = await findAuditPages(dist, base);
  const articlePath = article!.path.slice(base.replace(/\/$/, "").length);
  const [year, monthNumber, day] = articlePath.split("/").slice(1, 4).map(Number);
  const at = (name: string, path: string | undefined): ScreenshotPage[] =>
    path === undefined ? [] : [{ name, path: withBase(path, base) }];
  return [
    { name: "home", path: home!.path },
    { name: "article", path: article!.path },
    ...at("archive", archivePath()),
    ...at("year", archivePath({ year: year! })),
    { name: "month", path: month!.path },
    ...at("day", archivePath({ year: year!, month: monthNumber!, day: day! })),
    ...at(
      "sections",
      existsSync(join(dist, "sections", "index.html")) ? labelIndexPath("sections") : undefined,
    ),
    ...at("section", await firstPage(dist, "sections")),
    ...at("topic", await firstPage(dist, "topics")),
    ...at("search-start", searchPath()),
    { name: "search", path: search!.path },
    ...at("not-found", "/404.html"),
  ];
}
