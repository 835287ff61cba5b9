import { groupByDate, findRelated, groupByMonthDay, type YearGroup } from "./browse";
import { LABEL_KINDS, groupByLabel, type LabelGroup } from "../lib/labels";
import { getSiteEntities } from "../entities/site-registry";
import type { LabelKind } from "../lib/urls";
import { site } from "../site.config";
import { getPublicArticles, type Article } from "./collection";

/** An article's neighbours in time and its related articles. */
export interface ArticleLinks {
  /** The next article published before this one. */
  older?: Article;
  /** The next article published after this one. */
  newer?: Article;
  related: Article[];
}

/** Everything the browse pages and article pages list, derived once per build. */
export interface BrowseData {
  years: YearGroup<Article>[];
  labels: Map<LabelKind, LabelGroup<Article>[]>;
  links: Map<Article, ArticleLinks>;
  onThisDay: Map<string, Article[]>;
}

let browse: Promise<BrowseData> | undefined;

/** The date archive, label groups, neighbours and related articles of the public archive. */
export function getBrowseData(): Promise<BrowseData> {
  browse ??= getPublicArticles().then((articles) => {
    const related = findRelated(articles);
    const links = new Map<Article, ArticleLinks>();
    articles.forEach((article, i) => {
      const newer = articles[i - 1];
      const older = articles[i + 1];
      links.set(article, {
        ...(newer && { newer }),
        ...(older && { older }),
        related: related.get(article) ?? [],
      });
    });
    const { registry } = getSiteEntities();
    return {
      years: groupByDate(articles),
      labels: new Map(
        LABEL_KINDS.map((kind) => [
          kind.kind,
          // People and authors sort by the registry's sort name, where it gives one.
          groupByLabel(articles, kind, site.locale, (name) => registry.find(kind.kind, name)?.sortAs),
        ]),
      ),
      links,
      onThisDay: groupByMonthDay(articles),
    };
  });
  return browse;
}
