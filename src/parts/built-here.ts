import { buildsAllYearsPages, buildsYear } from "./build-part";
import { site } from "../site.config";

/** True when this build writes the pages of `year` (articles, date archive): every build but another part's (ARCHIVE_YEARS). */
export function isBuiltHere(year: number): boolean {
  return buildsYear(site.part, year);
}

/** The routes of pages that span all years, or none in a build of a range of years (ARCHIVE_YEARS). */
export function allYearsRoutes<T>(routes: readonly T[]): T[] {
  return buildsAllYearsPages(site.part) ? [...routes] : [];
}
