import { cached } from "./cached";
import { slugifyName } from "./slugs";
import { labelPath, type LabelKind } from "./urls";

/** What an article is labelled with: the frontmatter fields that give browse pages. */
export interface LabelledArticle {
  data: {
    topics: readonly string[];
    byline: readonly string[];
    agency?: string | undefined;
    section?: string | undefined;
    places: readonly string[];
    people: readonly string[];
    organizations: readonly string[];
  };
}

/** How each kind of label is named in the site's words and where it comes from. */
export interface LabelKindInfo {
  kind: LabelKind;
  /** The frontmatter field. */
  field: "section" | "topics" | "byline" | "agency" | "places" | "people" | "organizations";
  /** Heading of the kind's index page. */
  title: string;
  /** One value of the kind, in a sentence ("Articles by author …"). */
  singular: string;
}

/** Every kind of label, in the order the site shows them. */
export const LABEL_KINDS: readonly LabelKindInfo[] = [
  { kind: "sections", field: "section", title: "Sections", singular: "section" },
  { kind: "topics", field: "topics", title: "Topics", singular: "topic" },
  { kind: "authors", field: "byline", title: "Authors", singular: "author" },
  { kind: "agencies", field: "agency", title: "Agencies", singular: "agency" },
  { kind: "places", field: "places", title: "Places", singular: "place" },
  { kind: "people", field: "people", title: "People", singular: "person" },
  { kind: "organizations", field: "organizations", title: "Organisations", singular: "organisation" },
];

/** Whether a kind's field holds one value (`agency: …`) rather than a list (`topics: […]`). */
export function isSingleValued(field: LabelKindInfo["field"]): field is "agency" | "section" {
  return field === "agency" || field === "section";
}

/** The values of one kind of label an article carries, as written. */
export function getLabels(article: LabelledArticle, kind: LabelKindInfo): readonly string[] {
  const { field } = kind;
  if (isSingleValued(field)) {
    const value = article.data[field];
    return value === undefined ? [] : [value];
  }
  return article.data[field];
}

/** The URL slug of a label value: the contract's rule for names. */
export function labelSlug(value: string): string {
  return slugifyName(value);
}

/** The articles under one value of one kind of label. */
export interface LabelGroup<T> {
  name: string;
  slug: string;
  /** How an index sorts the name, when not by the name itself ("Whitfield, Dana"). */
  sortAs?: string;
  /** In the order they were given (newest first when the archive list is). */
  articles: T[];
}

/** Orders names as a reader of `locale` expects in an index: accents and case aside, numbers by value. */
function compareNames(a: string, b: string, locale: string): number {
  return collator(locale).compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

const collators = new Map<string, Intl.Collator>();

/** One collator per locale: making one per comparison is a hundred times slower. */
function collator(locale: string): Intl.Collator {
  return cached(collators, locale, () => new Intl.Collator(locale, { sensitivity: "base", numeric: true }));
}

/**
 * Groups articles by every value of one kind, alphabetically by name (or by `sortName`'s, such as
 * a person's family name first, where it gives one); each article once per
 * group, in the given order. Throws on two names with one slug: `findLabelConflicts` reports
 * those with their files first.
 */
export function groupByLabel<T extends LabelledArticle>(
  articles: readonly T[],
  kind: LabelKindInfo,
  locale: string,
  sortName: (name: string) => string | undefined = () => undefined,
): LabelGroup<T>[] {
  const groups = new Map<string, LabelGroup<T>>();
  for (const article of articles) {
    for (const name of getLabels(article, kind)) {
      const slug = labelSlug(name);
      const group = groups.get(slug);
      if (group === undefined) {
        const sortAs = sortName(name);
        groups.set(slug, { name, slug, ...(sortAs !== undefined && { sortAs }), articles: [article] });
      } else if (group.name !== name) {
        throw new Error(
          `the ${kind.singular} names "${group.name}" and "${name}" both have the slug "${slug}"`,
        );
      } else if (group.articles.at(-1) !== article) {
        group.articles.push(article);
      }
    }
  }
  return [...groups.values()].sort((a, b) => compareNames(a.sortAs ?? a.name, b.sortAs ?? b.name, locale));
}

/** A label value that cannot have a page of its own, at its place in a file. */
export interface LabelConflict {
  file: string;
  kind: LabelKindInfo;
  /** Position of the value in the field's list (0 for `agency`). */
  index: number;
  name: string;
  message: string;
}

/**
 * Finds label values that would share a page with a differently written value ("C++" and "C"
 * are both /topics/c/) or that leave nothing to make a slug from. Each spelling is reported
 * once, at its first use in file order, naming the other spelling and where it is used.
 */
export function findLabelConflicts(
  articles: readonly (LabelledArticle & { file: string })[],
  entitiesDir = "content/entities",
): LabelConflict[] {
  const byFile = [...articles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const conflicts: LabelConflict[] = [];
  for (const kind of LABEL_KINDS) {
    const firstUse = new Map<string, Map<string, { file: string; index: number }>>();
    for (const article of byFile) {
      getLabels(article, kind).forEach((name, index) => {
        const slug = labelSlug(name);
        const spellings = firstUse.get(slug) ?? new Map<string, { file: string; index: number }>();
        firstUse.set(slug, spellings);
        if (!spellings.has(name)) spellings.set(name, { file: article.file, index });
      });
    }
    for (const [slug, spellings] of firstUse) {
      for (const [name, use] of spellings) {
        if (slug === "") {
          conflicts.push({
            ...use,
            kind,
            name,
            message: `"${name}" has no letter or digit to make the address of its ${kind.singular} page from; write it with at least one`,
          });
          continue;
        }
        if (spellings.size < 2) continue;
        const others = [...spellings]
          .filter(([other]) => other !== name)
          .map(([other, where]) => `"${other}" (${where.file})`)
          .join(", ");
        conflicts.push({
          ...use,
          kind,
          name,
          message: `"${name}" and ${others} would share the page ${labelPath(kind.kind, slug)}; write the same ${kind.singular} the same way everywhere, or tell them apart with more words, or, if they are one ${kind.singular} written in two ways (two scripts, say), declare them as one in ${entitiesDir}/${kind.kind}.yaml: ${entityEntry([...spellings.keys()])}`,
        });
      }
    }
  }
  return conflicts;
}

/**
 * The registry entry, in YAML to paste, that makes several spellings one entity: the one written
 * in the Latin alphabet (the address's own) shown, the others its aliases.
 */
export function entityEntry(spellings: readonly string[]): string {
  const latin = (name: string) => /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u.test(name);
  const [name, ...aliases] = [...spellings].sort((a, b) => Number(latin(b)) - Number(latin(a)));
  const quote = (value: string) => JSON.stringify(value);
  return `- { name: ${quote(name!)}, aliases: [${aliases.map(quote).join(", ")}] }`;
}

/**
 * Labels under the letters of an index, in order: "A" … "Z", then "#" for the rest; a label
 * under the initial of its sort name when it has one, else of its address.
 */
export function groupByInitial<T extends { slug: string; sortAs?: string }>(
  groups: readonly T[],
): { letter: string; groups: T[] }[] {
  const byLetter = new Map<string, T[]>();
  for (const group of groups) {
    const initial = (group.sortAs === undefined ? group.slug : labelSlug(group.sortAs))
      .charAt(0)
      .toUpperCase();
    const letter = /[A-Z]/.test(initial) ? initial : "#";
    const list = byLetter.get(letter) ?? [];
    byLetter.set(letter, list);
    list.push(group);
  }
  return [...byLetter]
    .sort(([a], [b]) => (a === "#" ? 1 : b === "#" ? -1 : a < b ? -1 : 1))
    .map(([letter, list]) => ({ letter, groups: list }));
}
