import { paginate, type Page } from "../lib/articles";
import { neighboursOf, type DayGroup, type MonthGroup } from "../lib/browse";
import { formatPeriod } from "../lib/dates";
import { LABEL_KINDS, type LabelGroup, type LabelKindInfo } from "../lib/labels";
import { archivePath, labelPath, pad2 } from "../lib/urls";
import { site } from "../site.config";
import type { Article } from "./archive";
import { getBrowseData } from "./browse";

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
}

/** `/archive/YYYY/MM/` then `/archive/YYYY/MM/page/N/` (and the same under a day). */
function periodPagePath(period: { year: number; month: number; day?: number }, page: number): string {
  const first = archivePath(period);
  return page <= 1 ? first : `${first}page/${page}/`;
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
  const pathOf = (n: number) => periodPagePath(period, n);
  return paginate(articles, site.pageSize).map((page) => ({
    ...period,
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

/** Every page of every label's list, all kinds. */
export function getLabelPages(): Promise<LabelPage[]> {
  labelPages ??= getBrowseData().then(({ labels }) =>
    LABEL_KINDS.flatMap((kind) =>
      (labels.get(kind.kind) ?? []).flatMap((group) =>
        paginate(group.articles, site.pageSize).map((page) => ({ kind, group, page })),
      ),
    ),
  );
  return labelPages;
}

/** Path of page N of a label's list. */
export function labelPagePathOf(page: LabelPage): (n: number) => string {
  return (n) => labelPath(page.kind.kind, page.group.slug, n);
}

/**
 * The routes of month or day lists: the first pages (`/archive/YYYY/MM/`) or the later ones
 * (`…/page/N/`), with the params their file names take.
 */
export function toPeriodRoutes(pages: readonly PeriodPage[], which: "first" | "later") {
  return pages
    .filter((period) => (which === "first" ? period.page.number === 1 : period.page.number > 1))
    .map((period) => ({
      params: {
        year: String(period.year),
        month: pad2(period.month),
        ...(period.day !== undefined && { day: pad2(period.day) }),
        ...(which === "later" && { page: String(period.page.number) }),
      },
      props: { period },
    }));
}

/** The routes of label lists: first pages (`/topics/<slug>/`) or later ones (`…/N/`). */
export function toLabelRoutes(pages: readonly LabelPage[], which: "first" | "later") {
  return pages
    .filter((label) => (which === "first" ? label.page.number === 1 : label.page.number > 1))
    .map((label) => ({
      params: {
        kind: label.kind.kind,
        slug: label.group.slug,
        ...(which === "later" && { page: String(label.page.number) }),
      },
      props: { label },
    }));
}
