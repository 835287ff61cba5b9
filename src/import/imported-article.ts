import { stringify } from "yaml";

/** A photo of an imported article: the archive records it by caption and credit (the export holds no file). */
export interface ImportedImage {
  alt?: string;
  caption?: string;
  credit?: string;
}

/** A subject the source identifies by a code (an IPTC Media Topic, say), kept as the entity's identifier. */
export interface CodedName {
  kind: "topics" | "people" | "organizations" | "places";
  name: string;
  /** "medtop:20000763", "subj:04000000". */
  code: string;
}

/** One article read from an export, in the archive's fields, before the registry and the archive are consulted. */
export interface ImportedArticle {
  /** What the source calls the item, stable across its versions: a WXR guid, a NewsML-G2 guid, a feed item's id. */
  sourceId: string;
  /** The item's version or last change, when the source says (compared as numbers or as dates). */
  version?: string;
  title: string;
  dek?: string;
  /** The date as the source wrote it, in the archive's form. */
  published: string;
  updated?: string;
  byline: string[];
  agency?: string;
  dateline?: string;
  section?: string;
  topics: string[];
  people: string[];
  organizations: string[];
  places: string[];
  codes: CodedName[];
  images: ImportedImage[];
  source: { publisher: string; url?: string; retrieved?: string };
  rights?: string;
  language?: string;
  /** The slug the source used, when it is a valid one: the new file's name. */
  slug?: string;
  aliases: string[];
  /** The body in Markdown. */
  body: string;
  /** What the archive's policy removed from the body. */
  removed: string[];
  /** What an editor should look at: an image left out, an embed kept as a link. */
  notes: Note[];
}

/** Something an editor should look at, at a line of the export when it has its own (a wire text export's). */
export type Note = string | { line: number; message: string };

/** What an export's record became: an article, or why not. */
export type ImportRecord =
  | { kind: "article"; line: number; article: ImportedArticle }
  | { kind: "skipped"; line: number; reason: string }
  | { kind: "failed"; line: number; reason: string };

/** The fields an editor may have changed since an import, kept when a newer version is imported. */
export interface KeptFields {
  /** The date as first imported: the article's address depends on its day. */
  published?: string;
  draft?: boolean;
  slug?: string;
  aliases?: string[];
  corrections?: { date: string; text: string }[];
  images?: unknown[];
}

/**
 * The article file's text: frontmatter in the contract's order, then the body. A draft unless
 * `publish`, and with what an editor changed since an earlier import kept.
 */
export function formatImportedArticle(
  article: ImportedArticle,
  {
    publish = false,
    kept = {} as KeptFields,
    fingerprint,
  }: { publish?: boolean; kept?: KeptFields; fingerprint?: string } = {},
): string {
  const list = (values: readonly string[]) => (values.length > 0 ? values : undefined);
  const source = {
    ...article.source,
    id: article.sourceId,
    ...(article.version !== undefined && { version: article.version }),
    ...(fingerprint !== undefined && { fingerprint }),
  };
  const aliases = [...new Set([...(kept.aliases ?? []), ...article.aliases])];
  const data: Record<string, unknown> = {
    title: article.title,
    dek: article.dek,
    published: kept.published ?? article.published,
    updated: article.updated,
    byline: list(article.byline),
    agency: article.agency,
    dateline: article.dateline,
    section: article.section,
    topics: list(article.topics),
    people: list(article.people),
    organizations: list(article.organizations),
    places: list(article.places),
    images: kept.images ?? (article.images.length > 0 ? article.images : undefined),
    source,
    rights: article.rights,
    language: article.language,
    slug: kept.slug,
    aliases: list(aliases),
    corrections: kept.corrections && kept.corrections.length > 0 ? kept.corrections : undefined,
    draft: (kept.draft ?? !publish) ? true : undefined,
  };
  const defined = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  const body = article.body.trim() === "" ? "" : `\n${article.body.trimEnd()}\n`;
  return `---\n${stringify(defined, { lineWidth: 100 })}---\n${body}`;
}
