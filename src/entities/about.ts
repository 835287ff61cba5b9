import type { LabelKind } from "../lib/urls";
import type { Entity, EntityRegistry } from "./registry";

/** A link to an entity's record in a registry the archive cites. */
export interface IdentifierLink {
  label: string;
  url: string;
}

const IDENTIFIERS: { key: keyof NonNullable<Entity["ids"]>; label: string; url: (id: string) => string }[] = [
  { key: "wikidata", label: "Wikidata", url: (id) => `https://www.wikidata.org/wiki/${id}` },
  { key: "geonames", label: "GeoNames", url: (id) => `https://www.geonames.org/${id}/` },
  { key: "viaf", label: "VIAF", url: (id) => `https://viaf.org/viaf/${id}/` },
  { key: "isni", label: "ISNI", url: (id) => `https://isni.org/isni/${id}` },
  {
    key: "iptc",
    label: "IPTC NewsCodes",
    url: (id) =>
      `https://cv.iptc.org/newscodes/${id.startsWith("medtop:") ? "mediatopic" : "subjectcode"}/${id.replace(/^\w+:/, "")}`,
  },
];

/** The entity's identifiers as links, in a fixed order. */
export function identifierLinks(entity: Pick<Entity, "ids">): IdentifierLink[] {
  return IDENTIFIERS.flatMap(({ key, label, url }) => {
    const id = entity.ids?.[key];
    return id === undefined ? [] : [{ label, url: url(id) }];
  });
}

/**
 * The identifiers of the people, organisations and places an article names, as its JSON-LD links
 * them: part of the article page's cache key, since the registry can change them alone.
 */
export function subjectIdentifiers(
  registry: EntityRegistry,
  data: { people: readonly string[]; organizations: readonly string[]; places: readonly string[] },
): string[][] {
  const kinds = [
    ["people", data.people],
    ["organizations", data.organizations],
    ["places", data.places],
  ] as const;
  return kinds.flatMap(([kind, names]) =>
    names.flatMap((name) => {
      const entity = registry.find(kind, name);
      return entity ? [[kind, name, ...identifierLinks(entity).map((link) => link.url)]] : [];
    }),
  );
}

/** A related entity on a page: its name, its page when it has one, and its articles. */
export interface RelatedEntity {
  name: string;
  path?: string;
  count: number;
}

/** What an entity's page says about it, above its articles. */
export interface EntityAbout {
  kind: LabelKind;
  name: string;
  description?: string;
  aliases: string[];
  formerNames: string[];
  links: IdentifierLink[];
  /** For a place: the place it lies in, and the places in it. */
  parent?: RelatedEntity;
  children: RelatedEntity[];
}

/**
 * What the page of `entity` shows about it. `pageOf` gives a label's page and article count when
 * it has one (an entity no article names has none).
 */
export function describeEntity(
  entity: Entity,
  registry: EntityRegistry,
  pageOf: (kind: LabelKind, name: string) => { path: string; count: number } | undefined,
): EntityAbout {
  const related = (other: Entity): RelatedEntity => {
    const page = pageOf(other.kind, other.name);
    return { name: other.name, count: page?.count ?? 0, ...(page && { path: page.path }) };
  };
  const parent = registry.parentOf(entity);
  return {
    kind: entity.kind,
    name: entity.name,
    ...(entity.description !== undefined && { description: entity.description }),
    aliases: entity.aliases,
    formerNames: entity.formerNames,
    links: identifierLinks(entity),
    ...(parent && { parent: related(parent) }),
    children: registry.childrenOf(entity).map(related),
  };
}

const SCHEMA_TYPES: Record<LabelKind, string> = {
  people: "Person",
  authors: "Person",
  places: "Place",
  organizations: "Organization",
  agencies: "Organization",
  topics: "DefinedTerm",
  sections: "DefinedTerm",
};

/** schema.org JSON-LD for the subject of an entity's page; `url` makes a site path absolute. */
export function entityJsonLd(about: EntityAbout, pageUrl: string, url: (path: string) => string): object {
  const sameAs = about.links.map((link) => link.url);
  const alternateName = [...about.aliases, ...about.formerNames];
  return {
    "@context": "https://schema.org",
    "@type": SCHEMA_TYPES[about.kind],
    "@id": `${pageUrl}#subject`,
    name: about.name,
    url: pageUrl,
    ...(alternateName.length > 0 && { alternateName }),
    ...(about.description !== undefined && { description: about.description }),
    ...(sameAs.length > 0 && { sameAs }),
    ...(about.parent && {
      containedInPlace: {
        "@type": "Place",
        name: about.parent.name,
        ...(about.parent.path !== undefined && { url: url(about.parent.path) }),
      },
    }),
  };
}
