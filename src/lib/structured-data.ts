import { toRfc3339 } from "./date-formats";
import { lastChanged, type WrittenDate } from "./dates";
import { cached } from "./cached";

/**
 * schema.org NewsArticle JSON-LD and the Open Graph / Twitter card tags of an article page,
 * built from its frontmatter. Every URL handed in is absolute.
 */

/** An archive photo as published: an absolute URL and its size. */
export interface PublishedPhoto {
  url: string;
  width: number;
  height: number;
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** The frontmatter fields structured data is made from. */
export interface StructuredArticle {
  title: string;
  dek?: string | undefined;
  published: WrittenDate;
  updated?: WrittenDate | undefined;
  byline: readonly string[];
  agency?: string | undefined;
  dateline?: string | undefined;
  section?: string | undefined;
  topics: readonly string[];
  people: readonly string[];
  organizations: readonly string[];
  places: readonly string[];
  source?: { publisher: string; url?: string | undefined; retrieved?: WrittenDate | undefined } | undefined;
  rights?: string | undefined;
  language: string;
  corrections: readonly { date: WrittenDate; text: string }[];
}

/** What the page knows beyond the frontmatter. */
export interface StructuredContext {
  /** The article's canonical absolute URL. */
  url: string;
  /** The meta description of the page. */
  description: string;
  /** The archive, as publisher. */
  site: { name: string; url: string; locale: string };
  timezone: string;
  /** The absolute URL of the page listing a label value ("authors", "Ann Lee" → …/authors/ann-lee/). */
  labelUrl: (kind: "authors" | "agencies" | "people" | "organizations" | "places", name: string) => string;
  /** The photos the archive holds, lead first. */
  photos: readonly PublishedPhoto[];
  /**
   * For a label that is an entity of the registry, its identifiers' URLs: the article's `about`
   * then names the entity its page describes (`@id`) and the same things elsewhere (`sameAs`).
   */
  entity?: (kind: "people" | "organizations" | "places", name: string) => { sameAs: string[] } | undefined;
}

/** "© 2016 The Associated Press. All rights reserved." → year 2016, holder "The Associated Press". */
export function parseRightsLine(rights: string): { year?: number; holder?: string } {
  const m =
    /^(?:©|\(c\)|copyright)\s*(?:(\d{4})\b[\s,]*)?(.*?)(?:[.,;]?\s*all rights reserved\.?)?\s*$/i.exec(
      rights.trim(),
    );
  if (!m) return {};
  const holder = m[2]?.replace(/[.,;\s]+$/, "").trim();
  return { ...(m[1] && { year: Number(m[1]) }), ...(holder && { holder }) };
}

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as T;

/** The schema.org NewsArticle of an article page, as a plain object. */
export function buildNewsArticle(
  article: StructuredArticle,
  context: StructuredContext,
): Record<string, unknown> {
  const date = (value: WrittenDate) => toRfc3339(value, context.timezone);
  const publisher = { "@type": "Organization", name: context.site.name, url: context.site.url };
  const rights = article.rights === undefined ? {} : parseRightsLine(article.rights);
  const label = (type: string, kind: "people" | "organizations" | "places") => (name: string) => {
    const url = context.labelUrl(kind, name);
    const entity = context.entity?.(kind, name);
    return defined({
      "@type": type,
      // The subject of the entity's page, as its own JSON-LD names it.
      "@id": entity && `${url}#subject`,
      name,
      url,
      sameAs: entity && entity.sameAs.length > 0 ? entity.sameAs : undefined,
    });
  };
  return defined({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": `${context.url}#article`,
    url: context.url,
    mainEntityOfPage: { "@type": "WebPage", "@id": context.url },
    headline: article.title,
    alternativeHeadline: article.dek,
    description: context.description,
    inLanguage: article.language,
    datePublished: date(article.published),
    dateModified: date(lastChanged(article)),
    // Without a byline, the agency is the author.
    author:
      article.byline.length > 0
        ? article.byline.map((name) => ({ "@type": "Person", name, url: context.labelUrl("authors", name) }))
        : article.agency === undefined
          ? undefined
          : [
              {
                "@type": "Organization",
                name: article.agency,
                url: context.labelUrl("agencies", article.agency),
              },
            ],
    sourceOrganization:
      article.agency === undefined ? undefined : { "@type": "Organization", name: article.agency },
    publisher,
    dateline: article.dateline,
    locationCreated:
      article.dateline === undefined ? undefined : { "@type": "Place", name: article.dateline },
    articleSection: article.section,
    keywords: article.topics.length > 0 ? [...article.topics] : undefined,
    about: [
      ...article.people.map(label("Person", "people")),
      ...article.organizations.map(label("Organization", "organizations")),
      ...article.places.map(label("Place", "places")),
    ],
    image: context.photos.map((photo) =>
      defined({
        "@type": "ImageObject",
        url: photo.url,
        contentUrl: photo.url,
        width: photo.width,
        height: photo.height,
        description: photo.alt,
        caption: photo.caption,
        creditText: photo.credit,
      }),
    ),
    isBasedOn:
      article.source === undefined
        ? undefined
        : defined({
            "@type": "CreativeWork",
            url: article.source.url,
            publisher: { "@type": "Organization", name: article.source.publisher },
            // The copy on this page was taken from the source on the day it was retrieved.
            archivedAt:
              article.source.retrieved === undefined
                ? undefined
                : { "@type": "WebPage", url: context.url, dateCreated: article.source.retrieved.day },
          }),
    copyrightNotice: article.rights,
    copyrightYear: rights.year,
    copyrightHolder:
      rights.holder === undefined ? undefined : { "@type": "Organization", name: rights.holder },
    correction: article.corrections.map((c) => ({
      "@type": "CorrectionComment",
      text: c.text,
      datePublished: c.date.day,
    })),
  });
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` are written as
 * \u escapes, so no text (`</script>`, `<!--`) can end the element early, and the line and
 * paragraph separators too, for parsers that take JSON as JavaScript.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * The Open Graph locale (language_TERRITORY) of an article's BCP 47 tag: "en-GB" → "en_GB",
 * "zh-Hant-TW" → "zh_TW". A tag without a region takes the site locale's region when it is the
 * site's language ("en" on an en-GB site → "en_GB"), else the language's likeliest one ("fr" → "fr_FR").
 */
export function openGraphLocale(language: string, siteLocale: string): string | undefined {
  // Every article page asks, for a handful of languages: each pair is worked out once.
  return cached(openGraphLocales, `${language} ${siteLocale}`, () =>
    findOpenGraphLocale(language, siteLocale),
  );
}

const openGraphLocales = new Map<string, string | undefined>();

function findOpenGraphLocale(language: string, siteLocale: string): string | undefined {
  const tag = new Intl.Locale(language);
  const site = new Intl.Locale(siteLocale);
  const region =
    tag.region ?? (tag.language === site.language ? site.region : undefined) ?? tag.maximize().region;
  return region === undefined ? undefined : `${tag.language}_${region}`;
}

/** One `<meta>` tag: Open Graph tags use `property`, Twitter card tags `name`. */
export interface MetaTag {
  property?: string;
  name?: string;
  content: string;
}

/** Open Graph and Twitter card tags of an article page. */
export function buildSocialMeta(article: StructuredArticle, context: StructuredContext): MetaTag[] {
  const og = (property: string, content: string | number | undefined): MetaTag[] =>
    content === undefined ? [] : [{ property, content: String(content) }];
  const tw = (name: string, content: string | undefined): MetaTag[] =>
    content === undefined ? [] : [{ name, content }];
  const lead = context.photos[0];
  return [
    ...og("og:type", "article"),
    ...og("og:site_name", context.site.name),
    ...og("og:title", article.title),
    ...og("og:description", context.description),
    ...og("og:url", context.url),
    ...og("og:locale", openGraphLocale(article.language, context.site.locale)),
    ...og("og:image", lead?.url),
    ...og("og:image:width", lead?.width),
    ...og("og:image:height", lead?.height),
    ...og("og:image:alt", lead?.alt),
    ...og("article:published_time", toRfc3339(article.published, context.timezone)),
    ...og("article:modified_time", toRfc3339(lastChanged(article), context.timezone)),
    ...article.byline.flatMap((name) => og("article:author", context.labelUrl("authors", name))),
    ...og("article:section", article.section),
    ...article.topics.flatMap((topic) => og("article:tag", topic)),
    ...tw("twitter:card", lead ? "summary_large_image" : "summary"),
    ...tw("twitter:title", article.title),
    ...tw("twitter:description", context.description),
    ...tw("twitter:image", lead?.url),
    ...tw("twitter:image:alt", lead?.alt),
  ];
}
