import anyAscii from "any-ascii";
import { distance } from "fastest-levenshtein";
import { LABEL_KINDS, entityEntry, getLabels, type LabelledArticle } from "../lib/labels";
import type { LabelKind } from "../lib/urls";
import { ENTITY_KINDS, nameKey, namesOf, type Entity, type EntityRegistry } from "./registry";

/**
 * What `npm run entities` tells an editor: names that probably mean the same thing and could be
 * declared as one entity, names that belong to an entity of another kind, and entities no
 * article names. Advice, not problems: two similar names may well be two things.
 */
export type EntityAdvice =
  | { type: "similar"; kind: LabelKind; names: [string, string]; why: string; entry: string }
  | { type: "other-kind"; kind: LabelKind; name: string; entity: Entity }
  | { type: "unused"; entity: Entity };

/** A name reduced to its letters and digits in the Latin alphabet: "Li Ming" and "李明" are both "liming". */
function letters(name: string): string {
  return anyAscii(name)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** How far apart two names may be and still be offered: one edit, two for long names. */
function reach(a: string): number {
  return a.length >= 10 ? 2 : a.length >= 5 ? 1 : 0;
}

/** The names of one kind, in pairs that are spelt alike (found through shared one-letter deletions). */
function similarPairs(names: readonly string[]): { names: [string, string]; why: string }[] {
  const byForm = new Map<string, string[]>();
  const reduced = names.map(letters);
  reduced.forEach((form, i) => {
    if (form.length < 3) return;
    const variants = new Set([form, ...[...form].map((_, at) => form.slice(0, at) + form.slice(at + 1))]);
    for (const variant of variants) {
      const list = byForm.get(variant) ?? [];
      byForm.set(variant, list);
      list.push(names[i]!);
    }
  });
  const seen = new Set<string>();
  const pairs: { names: [string, string]; why: string }[] = [];
  for (const list of byForm.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i]!, list[j]!].sort() as [string, string];
        const key = `${a}\0${b}`;
        if (a === b || seen.has(key)) continue;
        seen.add(key);
        const [x, y] = [letters(a), letters(b)];
        if (x === y) pairs.push({ names: [a, b], why: "the same letters once transcribed" });
        else if (distance(x, y) <= Math.min(reach(x), reach(y)))
          pairs.push({ names: [a, b], why: "spelt alike" });
      }
    }
  }
  return pairs;
}

/** The advice for the labels of `articles` (as filed, through the registry) and the registry. */
export function adviseOnEntities(
  articles: readonly LabelledArticle[],
  registry: EntityRegistry,
): EntityAdvice[] {
  const advice: EntityAdvice[] = [];
  const used = new Map<LabelKind, Set<string>>();
  for (const kind of LABEL_KINDS) {
    const names = new Set(articles.flatMap((article) => getLabels(article, kind)));
    used.set(kind.kind, names);
    for (const pair of similarPairs([...names])) {
      // Two entries of the registry that are spelt alike were declared apart on purpose.
      if (pair.names.every((name) => registry.find(kind.kind, name))) continue;
      advice.push({ type: "similar", kind: kind.kind, ...pair, entry: entityEntry(pair.names) });
    }
    for (const name of names) {
      if (registry.find(kind.kind, name)) continue;
      for (const other of ENTITY_KINDS) {
        const entity = other === kind.kind ? undefined : registry.find(other, name);
        if (entity) advice.push({ type: "other-kind", kind: kind.kind, name, entity });
      }
    }
  }
  for (const kind of ENTITY_KINDS) {
    const keys = new Set([...(used.get(kind) ?? [])].map(nameKey));
    for (const entity of registry.all(kind)) {
      if (!namesOf(entity).some((name) => keys.has(nameKey(name)))) advice.push({ type: "unused", entity });
    }
  }
  return advice;
}

/** The advice as an editor reads it, one item a paragraph. */
export function formatAdvice(advice: readonly EntityAdvice[], entitiesDir: string): string {
  if (advice.length === 0) return "No names to declare, and every entity is used.\n";
  const lines = advice.map((item) => {
    if (item.type === "similar") {
      return `${item.kind}: "${item.names[0]}" and "${item.names[1]}" are ${item.why}. If they are one, add to ${entitiesDir}/${item.kind}.yaml:\n  ${item.entry}`;
    }
    if (item.type === "other-kind") {
      return `${item.kind}: "${item.name}" is a name of "${item.entity.name}" in ${item.entity.file}:${item.entity.line} (${item.entity.kind}); if the articles mean that, file it there.`;
    }
    return `${item.entity.kind}: "${item.entity.name}" (${item.entity.file}:${item.entity.line}) is named by no article.`;
  });
  return `${lines.join("\n\n")}\n`;
}
