import { findAliasConflicts, findUrlConflicts, type ArticleLike } from "../lib/articles";
import {
  LABEL_KINDS,
  findLabelConflicts,
  getLabels,
  isSingleValued,
  labelSlug,
  type LabelledArticle,
} from "../lib/labels";
import { NO_ENTITIES, type EntityRegistry } from "../entities/registry";
import type { Problem } from "../lib/problems";
import { articlePath, labelPath } from "../lib/urls";
import type { ValidArticle } from "./validate-article";

/** What the archive-wide rules read from each public article, wherever it was loaded. */
export interface ArchiveArticle extends ArticleLike {
  /** Root-relative URL path of the article page. */
  path: string;
  /** Every field an archive-wide rule may read: URL parts, aliases and labels. */
  data: ArticleLike["data"] & LabelledArticle["data"] & { aliases: readonly string[] };
  /** The file line of a frontmatter key path (1 when it is not written); may read the file. */
  lineOf(path: readonly PropertyKey[]): number;
}

/** A checked article file in the form the archive-wide rules read. */
export function toArchiveArticle(
  file: string,
  article: ValidArticle,
): ArchiveArticle & { data: ValidArticle["data"] } {
  return { file, path: articlePath(article.data), data: article.data, lineOf: article.lineOf };
}

/**
 * Every problem that needs the whole archive rather than one file: two articles on one URL,
 * aliases that cannot redirect, two spellings of a label that would share its page. The build
 * and `npm run check` reach it through the one pipeline (pipeline.ts), so a new archive-wide
 * rule added here reaches both.
 */
export function findArchiveProblems(
  articles: readonly ArchiveArticle[],
  entities: EntityRegistry = NO_ENTITIES,
): Problem[] {
  return [
    ...findSharedUrlProblems(articles),
    ...findAliasProblems(articles),
    ...findLabelProblems(articles, entities),
    ...findEntityAddressProblems(articles, entities),
  ];
}

/**
 * Labels that are no entity's name but whose address is one ("Pekin" where an entry has
 * "Pékin"): the page would be the label's, and the entity's name would lead nowhere.
 */
function findEntityAddressProblems(articles: readonly ArchiveArticle[], entities: EntityRegistry): Problem[] {
  if (entities.isEmpty) return [];
  return articles.flatMap((article) =>
    LABEL_KINDS.flatMap((kind) =>
      getLabels(article, kind).flatMap((name, index) => {
        if (entities.find(kind.kind, name)) return [];
        const owner = entities.addressOwner(kind.kind, labelSlug(name));
        if (!owner) return [];
        const single = isSingleValued(kind.field);
        const { entity } = owner;
        return [
          {
            file: article.file,
            line: article.lineOf(single ? [kind.field] : [kind.field, index]),
            field: single ? kind.field : `${kind.field}[${index}]`,
            message: `"${name}" would take ${labelPath(kind.kind, labelSlug(name))}, the address of "${owner.name}", a name of "${entity.name}" (${entity.file}:${entity.line}): write "${owner.name}", or add "${name}" to that entry's aliases`,
          },
        ];
      }),
    ),
  );
}

/** Label values that would share a page with another spelling, or have no slug, on their lines. */
export function findLabelProblems(
  articles: readonly ArchiveArticle[],
  entities: EntityRegistry = NO_ENTITIES,
): Problem[] {
  const byFile = new Map(articles.map((a) => [a.file, a]));
  // An address that is an entity's is judged by findEntityAddressProblems, with the fix that fits.
  const conflicts = findLabelConflicts(articles).filter(
    (conflict) => !entities.addressOwner(conflict.kind.kind, labelSlug(conflict.name)),
  );
  return conflicts.map((conflict) => {
    const { field } = conflict.kind;
    const single = isSingleValued(field);
    return {
      file: conflict.file,
      line: byFile.get(conflict.file)?.lineOf(single ? [field] : [field, conflict.index]) ?? 1,
      field: single ? field : `${field}[${conflict.index}]`,
      message: conflict.message,
    };
  });
}

/** One problem per file for every URL that two or more articles would be published at. */
function findSharedUrlProblems(articles: readonly ArchiveArticle[]): Problem[] {
  const byFile = new Map(articles.map((a) => [a.file, a]));
  return findUrlConflicts(articles).flatMap((conflict) =>
    conflict.files.map((file) =>
      sharedUrlProblem(
        file,
        (path) => byFile.get(file)?.lineOf(path) ?? 1,
        conflict.path,
        conflict.files.filter((other) => other !== file),
      ),
    ),
  );
}

/** The problem for `file` sharing `path` with `others`, on its slug line (or its date line when no slug is set). */
export function sharedUrlProblem(
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number,
  path: string,
  others: readonly string[],
): Problem {
  const slugLine = lineOf(["slug"]);
  return {
    file,
    line: slugLine > 1 ? slugLine : lineOf(["published"]),
    field: "slug",
    message: `${path} is also the address of ${others.join(", ")}; give one of them another slug (slug: …) or fix its published date`,
  };
}

/** Aliases that would hit a page of the site or that two articles claim, on the alias's line. */
function findAliasProblems(articles: readonly ArchiveArticle[]): Problem[] {
  const byFile = new Map(articles.map((a) => [a.file, a]));
  return findAliasConflicts(articles).map((conflict) => {
    const article = byFile.get(conflict.file);
    const index = Math.max(0, article?.data.aliases.indexOf(conflict.alias) ?? 0);
    return {
      file: conflict.file,
      line: article?.lineOf(["aliases", index]) ?? 1,
      field: `aliases[${index}]`,
      message: `${conflict.alias} cannot redirect to this article: ${conflict.message}; remove it, or correct it to the address the article really had`,
    };
  });
}
