import { LABEL_KINDS, getLabels, labelSlug, type LabelledArticle } from "../lib/labels";
import { labelPath, type LabelKind } from "../lib/urls";
import { ENTITY_KINDS, type EntityRegistry } from "./registry";

/** A page at an entity's other name that leads to the entity's own page. */
export interface LabelRedirect {
  from: string;
  to: string;
  /** The entity's shown name. */
  name: string;
}

/**
 * The pages of an entity's aliases and former names whose address differs from its own ("中国"
 * is /places/zhongguo/, China /places/china/), leading to the entity's page, so that an address a
 * reader saved before a name joined an entry, or before a rename, keeps working. The first page
 * only: later pages listed other articles than the entity's pages of those numbers, a page
 * number that fewer articles no longer reach would break a recorded address, and a large
 * registry would otherwise write a page for every page of every name. `pagesOf` gives how many
 * pages a label's list has (0 for none); a name whose address is another label's live page is
 * left to that page.
 */
export function entityRedirects(
  registry: EntityRegistry,
  pagesOf: (kind: LabelKind, slug: string) => number,
): LabelRedirect[] {
  const redirects: LabelRedirect[] = [];
  for (const kind of ENTITY_KINDS) {
    for (const entity of registry.all(kind)) {
      const slug = labelSlug(entity.name);
      if (pagesOf(kind, slug) === 0) continue;
      for (const other of new Set([...entity.aliases, ...entity.formerNames].map(labelSlug))) {
        if (other === "" || other === slug || pagesOf(kind, other) > 0) continue;
        redirects.push({ from: labelPath(kind, other), to: labelPath(kind, slug), name: entity.name });
      }
    }
  }
  return redirects;
}

/**
 * The addresses of `entityRedirects` for a set of public articles (their labels as filed, by
 * entity names), with lists of `pageSize`: what the URL manifest's check counts as still served.
 */
export function entityRedirectPaths(
  articles: readonly LabelledArticle[],
  pageSize: number,
  registry: EntityRegistry,
): string[] {
  if (registry.isEmpty) return [];
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const kind of LABEL_KINDS) {
      for (const slug of new Set(getLabels(article, kind).map(labelSlug))) {
        counts.set(`${kind.kind}/${slug}`, (counts.get(`${kind.kind}/${slug}`) ?? 0) + 1);
      }
    }
  }
  const pagesOf = (kind: LabelKind, slug: string) =>
    Math.ceil((counts.get(`${kind}/${slug}`) ?? 0) / pageSize);
  return entityRedirects(registry, pagesOf).map((redirect) => redirect.from);
}
