import { paginate, type Page } from "../lib/articles";
import { neighboursOf, yearRange, type DayGroup, type MonthGroup, type YearGroup } from "./browse";
import { formatMonthName, formatPeriod } from "../lib/dates";
import { LABEL_KINDS, type LabelGroup, type LabelKindInfo } from "../lib/labels";
import { describeEntity, type EntityAbout } from "../entities/about";
import { getSiteEntities } from "../entities/site-registry";
import { archivePagePath, archivePath, labelPath, pad2, type LabelKind } from "../lib/urls";
import { site } from "../site.config";
import { getPublicArticles, type Article } from "./collection";
import { getBrowseData } from "./browse-data";
import { allYearsRoutes, isBuiltHere } from "../parts/built-here";
import { withCacheKeys } from "./cache-keys";
import { encodeArchiveDays } from "./date-jump";

/** A neighbouring period, named and addressed. */
export interface PeriodLink {
  label: string;
  path: string;
}

/** One page of the articles of a month or a day. */
export interface PeriodPage {
  year: number;
  month: number;
  day?: number;
  page: Page<Article>;
  /** Path of page N of this period's list. */
  pathOf: (page: number) => string;
  previous?: PeriodLink;
  next?: PeriodLink;
  /** Articles per day of the month (month pages only). */
  days?: ReadonlyMap<number, number>;
}

/** One page of the articles under a label. */
export interface LabelPage {
  kind: LabelKindInfo;
  group: LabelGroup<Article>;
  page: Page<Article>;
  /** What the entity registry says of the label, when it has an entry. */
  about?: EntityAbout;
}

function linkTo(period: { year: number; month: number; day?: number } | undefined): PeriodLink | undefined {
  if (period === undefined) return undefined;
  return { label: formatPeriod(period, site.locale), path: archivePath(period) };
}

function paged(
  period: { year: number; month: number; day?: number },
  articles: Article[],
  neighbours: { previous?: PeriodLink | undefined; next?: PeriodLink | undefined },
  extra: Pick<PeriodPage, "days"> = {},
): PeriodPage[] {
  const { year, month, day } = period;
  const pathOf = (n: number) => archivePagePath(period, n);
  return paginate(articles, site.pageSize).map((page) => ({
    year,
    month,
    ...(day !== undefined && { day }),
    page,
    pathOf,
    ...(neighbours.previous && { previous: neighbours.previous }),
    ...(neighbours.next && { next: neighbours.next }),
    ...extra,
  }));
}

let monthPages: Promise<PeriodPage[]> | undefined;
let dayPages: Promise<PeriodPage[]> | undefined;
let labelPages: Promise<LabelPage[]> | undefined;

/** Every page of every month's list; neighbours skip to the nearest months that have articles. */
export function getMonthPages(): Promise<PeriodPage[]> {
  monthPages ??= getBrowseData().then(({ years }) => {
    const months: MonthGroup<Article>[] = years.flatMap((y) => y.months);
    return months.flatMap((month, i) => {
      const { previous, next } = neighboursOf(months, i);
      const days = new Map(month.days.map((d) => [d.day, d.articles.length]));
      return paged(month, month.articles, { previous: linkTo(previous), next: linkTo(next) }, { days });
    });
  });
  return monthPages;
}

/** Every page of every day's list; neighbours skip to the nearest days that have articles. */
export function getDayPages(): Promise<PeriodPage[]> {
  dayPages ??= getBrowseData().then(({ years }) => {
    const days: DayGroup<Article>[] = years.flatMap((y) => y.months.flatMap((m) => m.days));
    return days.flatMap((day, i) => {
      const { previous, next } = neighboursOf(days, i);
      return paged(day, day.articles, { previous: linkTo(previous), next: linkTo(next) });
    });
  });
  return dayPages;
}

/** Every page of every label's list, all kinds, with what the entity registry says of each. */
export function getLabelPages(): Promise<LabelPage[]> {
  labelPages ??= getBrowseData().then(({ labels }) => {
    const { registry } = getSiteEntities();
    const byName = new Map(
      [...labels].flatMap(([kind, groups]) =>
        groups.map((group) => [`${kind}\0${group.name}`, group] as const),
      ),
    );
    const pageOf = (kind: LabelKind, name: string) => {
      const group = byName.get(`${kind}\0${name}`);
      return group && { path: labelPath(kind, group.slug), count: group.articles.length };
    };
    return LABEL_KINDS.flatMap((kind) =>
      (labels.get(kind.kind) ?? []).flatMap((group) => {
        const entity = registry.find(kind.kind, group.name);
        const about = entity && describeEntity(entity, registry, pageOf);
        return paginate(group.articles, site.pageSize).map((page) => ({
          kind,
          group,
          page,
          ...(about && { about }),
        }));
      }),
    );
  });
  return labelPages;
}

/** Path of page N of a label's list. */
export function labelPagePathOf(page: LabelPage): (n: number) => string {
  return (n) => labelPath(page.kind.kind, page.group.slug, n);
}

/**
 * The routes of month or day lists for a `[...page]` route: the first page at the period's own
 * address (`/archive/YYYY/MM/`), the later ones below it (`…/page/N/`).
 */
export function toPeriodRoutes(pages: readonly PeriodPage[]) {
  const routes = pages
    .filter((period) => isBuiltHere(period.year))
    .map((period) => ({
      params: {
        year: String(period.year),
        month: pad2(period.month),
        ...(period.day !== undefined && { day: pad2(period.day) }),
        page: period.page.number === 1 ? undefined : `page/${period.page.number}`,
      },
      props: { period },
    }));
  return withCacheKeys(routes);
}

/**
 * The path of every page a build of a range of years writes, in all years: articles, and every
 * page of the year, month and day lists.
 */
export async function getDatedPagePaths(): Promise<string[]> {
  const articles = await getPublicArticles();
  const periods = [...(await getMonthPages()), ...(await getDayPages())];
  return [
    ...articles.map((article) => article.path),
    ...(await getYearPages()).map((year) => year.pathOf(year.page.number)),
    ...periods.map((period) => period.pathOf(period.page.number)),
  ];
}

/** The routes of label lists for a `[...page]` route: first pages (`/topics/<slug>/`), later ones (`…/N/`). */
export function toLabelRoutes(pages: readonly LabelPage[]) {
  const routes = allYearsRoutes(pages).map((label) => ({
    params: {
      kind: label.kind.kind,
      slug: label.group.slug,
      page: label.page.number === 1 ? undefined : String(label.page.number),
    },
    props: { label },
  }));
  return withCacheKeys(routes);
}

/** A bar of a timeline chart: a period and its number of articles. */
export interface ChartBar {
  /** Short label under the bar ("2016", "Jun"). */
  label: string;
  /** Full name for the text alternative ("2016", "June 2016"). */
  name: string;
  value: number;
  /** The period's page, for a bar with articles: the bar leads there. */
  path?: string;
}

/** What `/archive/` shows: every year with articles, newest first, and a timeline with the gaps. */
export interface ArchiveOverview {
  years: { year: number; count: number }[];
  bars: ChartBar[];
  total: number;
  /** The first and last day with articles, "YYYY-MM-DD" ("" when there are none). */
  firstDay: string;
  lastDay: string;
  /** The days with articles of every month, for "Go to a date" (date-jump.ts). */
  days: string;
}

/** The overview of the whole date archive. */
export async function getArchiveOverview(): Promise<ArchiveOverview> {
  const { years } = await getBrowseData();
  const counts = new Map(years.map((y) => [y.year, y.count]));
  return {
    years: years.map((y) => ({ year: y.year, count: y.count })).reverse(),
    bars: yearRange(years).map((year) => ({
      label: String(year),
      name: String(year),
      value: counts.get(year) ?? 0,
      ...(counts.has(year) && { path: archivePath({ year }) }),
    })),
    total: years.reduce((n, y) => n + y.count, 0),
    firstDay: dayOf(years[0]?.months[0]?.days[0]),
    lastDay: dayOf(years.at(-1)?.months.at(-1)?.days.at(-1)),
    days: encodeArchiveDays(
      years.flatMap((y) =>
        y.months.map((m) => ({ year: y.year, month: m.month, days: m.days.map((d) => d.day) })),
      ),
    ),
  };
}

/** "YYYY-MM-DD" of a day group of the date archive ("" for none). */
function dayOf(day: { year: number; month: number; day: number } | undefined): string {
  return day ? `${day.year}-${pad2(day.month)}-${pad2(day.day)}` : "";
}

/** What `/archive/YYYY/` shows: the twelve months with their counts, and the neighbouring years. */
export interface YearOverview {
  year: number;
  count: number;
  /** Every month, with its articles per day (days without any left out) for its calendar. */
  months: { month: number; name: string; count: number; days: ReadonlyMap<number, number> }[];
  bars: ChartBar[];
  previous?: PeriodLink;
  next?: PeriodLink;
}

/** One page of a year's headlines: `/archive/YYYY/`, then `/archive/YYYY/page/N/`. */
export interface YearPage {
  overview: YearOverview;
  page: Page<Article>;
  /** Path of page N of the year's list. */
  pathOf: (page: number) => string;
}

let yearPages: Promise<YearPage[]> | undefined;

/** Every page of every year's headlines; neighbours skip to the nearest years that have articles. */
export function getYearPages(): Promise<YearPage[]> {
  yearPages ??= getBrowseData().then(({ years }) =>
    years.flatMap((group, i) => {
      const overview = yearOverview(group, neighboursOf(years, i));
      const pathOf = (n: number) => archivePagePath({ year: group.year }, n);
      return paginate(group.articles, site.pageSize).map((page) => ({ overview, page, pathOf }));
    }),
  );
  return yearPages;
}

/** The routes of year pages for a `[...page]` route: `/archive/YYYY/`, then `…/page/N/`. */
export function toYearRoutes(pages: readonly YearPage[]) {
  const routes = pages
    .filter((year) => isBuiltHere(year.overview.year))
    .map((year) => ({
      params: {
        year: String(year.overview.year),
        page: year.page.number === 1 ? undefined : `page/${year.page.number}`,
      },
      props: { year },
    }));
  return withCacheKeys(routes);
}

function yearOverview(
  group: YearGroup<Article>,
  { previous, next }: { previous?: YearGroup<Article>; next?: YearGroup<Article> },
): YearOverview {
  const byMonth = new Map(group.months.map((m) => [m.month, m]));
  const months = Array.from({ length: 12 }, (_, m) => {
    const found = byMonth.get(m + 1);
    return {
      month: m + 1,
      name: formatMonthName(m + 1, site.locale),
      count: found?.articles.length ?? 0,
      days: new Map((found?.days ?? []).map((d) => [d.day, d.articles.length])),
    };
  });
  const link = (y: { year: number }) => ({ label: String(y.year), path: archivePath({ year: y.year }) });
  return {
    year: group.year,
    count: group.count,
    months,
    bars: months.map((m) => ({
      label: formatMonthName(m.month, site.locale, "short"),
      name: formatPeriod({ year: group.year, month: m.month }, site.locale),
      value: m.count,
      ...(m.count > 0 && { path: archivePath({ year: group.year, month: m.month }) }),
    })),
    ...(previous && { previous: link(previous) }),
    ...(next && { next: link(next) }),
  };
}
