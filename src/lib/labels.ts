import { slugifyName } from "./slugs";
import type { LabelKind } from "./urls";

/** What an article is labelled with: the frontmatter fields that give browse pages. */
export interface LabelledArticle {
  data: {
    topics: readonly string[];
    byline: readonly string[];
    agency?: string | undefined;
    places: readonly string[];
    people: readonly string[];
    organizations: readonly string[];
  };
}

/** How each kind of label is named in the site's words and where it comes from. */
export interface LabelKindInfo {
  kind: LabelKind;
  /** The frontmatter field. */
  field: "topics" | "byline" | "agency" | "places" | "people" | "organizations";
  /** Heading of the kind's index page. */
  title: string;
  /** One value of the kind, in a sentence ("Articles by author …"). */
  singular: string;
}

/** Every kind of label, in the order the site shows them. */
export const LABEL_KINDS: readonly LabelKindInfo[] = [
  { kind: "topics", field: "topics", title: "Topics", singular: "topic" },
  { kind: "authors", field: "byline", title: "Authors", singular: "author" },
  { kind: "agencies", field: "agency", title: "Agencies", singular: "agency" },
  { kind: "places", field: "places", title: "Places", singular: "place" },
  { kind: "people", field: "people", title: "People", singular: "person" },
  { kind: "organizations", field: "organizations", title: "Organisations", singular: "organisation" },
];

/** The values of one kind of label an article carries, as written. */
export function getLabels(article: LabelledArticle, kind: LabelKindInfo): readonly string[] {
  if (kind.field === "agency") return article.data.agency === undefined ? [] : [article.data.agency];
  return article.data[kind.field];
}

/** The URL slug of a label value: the contract's rule for names. */
export function labelSlug(value: string): string {
  return slugifyName(value);
}
