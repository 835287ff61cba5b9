import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { labelPath, type LabelKind } from "../lib/urls";
import type { Problem } from "../lib/problems";
import { formatFieldPath } from "../lib/problems";
import { EntrySchema, type EntryData } from "./entry-schema";
import { slugifyName as slugOf } from "../lib/slugs";

/**
 * The entity registry: people, places, organisations, topics, authors, agencies and sections as
 * things rather than strings, kept by editors in `content/entities/<kind>.yaml`. An article names
 * an entity by any of its names (its shown name, an alias in any script, a former name); the
 * archive then shows and files it under the entity's shown name. Names in no entry stay as written.
 */

/** One entity, as its file declares it, with where. */
export interface Entity extends EntryData {
  kind: LabelKind;
  /** The file, as problems name it, and the line of its entry. */
  file: string;
  line: number;
}

/** The kinds that may have a registry file, by file name (`places.yaml`). */
export const ENTITY_KINDS: readonly LabelKind[] = [
  "sections",
  "topics",
  "authors",
  "agencies",
  "places",
  "people",
  "organizations",
];

/** Matching ignores case and the Unicode form: "BEIJING" and "Beijing" name the same entry. */
export function nameKey(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** The registry once read: lookups by kind and name. */
export class EntityRegistry {
  private readonly byKey = new Map<string, Entity>();
  private readonly entities: Entity[];
  private readonly byKind = new Map<LabelKind, Entity[]>();
  private children: Map<Entity, Entity[]> | undefined;
  private addresses: Map<string, { entity: Entity; name: string }> | undefined;
  private identified: Map<string, Entity> | undefined;

  constructor(entities: readonly Entity[]) {
    this.entities = [...entities];
    for (const entity of entities) {
      for (const name of namesOf(entity)) {
        const key = `${entity.kind}\0${nameKey(name)}`;
        if (!this.byKey.has(key)) this.byKey.set(key, entity);
      }
      const list = this.byKind.get(entity.kind) ?? [];
      this.byKind.set(entity.kind, list);
      list.push(entity);
    }
  }

  /**
   * What filing an article reads of the registry, for the article loader's fingerprint: kinds and
   * names, so that a new description or identifier does not file every article again.
   */
  toJSON(): unknown {
    return this.entities.map((entity) => [entity.kind, ...namesOf(entity)]);
  }

  /** Whether the registry has any entry. */
  get isEmpty(): boolean {
    return this.entities.length === 0;
  }

  /** The entity any of whose names is `name`, in `kind`. */
  find(kind: LabelKind, name: string): Entity | undefined {
    return this.byKey.get(`${kind}\0${nameKey(name)}`);
  }

  /** The entity one of whose names has the address `slug` in `kind`, and that name. */
  addressOwner(kind: LabelKind, slug: string): { entity: Entity; name: string } | undefined {
    if (!this.addresses) {
      this.addresses = new Map();
      for (const entity of this.entities) {
        for (const name of namesOf(entity)) {
          const key = `${entity.kind}\0${slugOf(name)}`;
          if (!this.addresses.has(key)) this.addresses.set(key, { entity, name });
        }
      }
    }
    return this.addresses.get(`${kind}\0${slug}`);
  }

  /** The entity of a kind that has an identifier, as an import finds it by an IPTC code. */
  findByIdentifier(
    kind: LabelKind,
    key: keyof NonNullable<Entity["ids"]>,
    value: string,
  ): Entity | undefined {
    if (!this.identified) {
      this.identified = new Map();
      for (const entity of this.entities) {
        for (const [scheme, id] of Object.entries(entity.ids ?? {})) {
          this.identified.set(`${entity.kind}\0${scheme}\0${id}`, entity);
        }
      }
    }
    return this.identified.get(`${kind}\0${key}\0${value}`);
  }

  /** The name the archive shows for a label written `name`: its entity's, else as written. */
  shownName(kind: LabelKind, name: string): string {
    return this.find(kind, name)?.name ?? name;
  }

  /** Every entity of a kind, in file order. */
  all(kind: LabelKind): readonly Entity[] {
    return this.byKind.get(kind) ?? [];
  }

  /** The place a place lies in, when the registry says. */
  parentOf(entity: Entity): Entity | undefined {
    return entity.in === undefined ? undefined : this.find("places", entity.in);
  }

  /** The places that lie directly in a place. */
  childrenOf(entity: Entity): readonly Entity[] {
    if (!this.children) {
      this.children = new Map();
      for (const place of this.all("places")) {
        const parent = this.parentOf(place);
        if (!parent) continue;
        const list = this.children.get(parent) ?? [];
        this.children.set(parent, list);
        list.push(place);
      }
    }
    return this.children.get(entity) ?? [];
  }
}

/** Every name an entity is found by. */
export function namesOf(entity: EntryData): string[] {
  return [entity.name, ...entity.aliases, ...entity.formerNames];
}

/** An empty registry: every label stays as written. */
export const NO_ENTITIES = new EntityRegistry([]);

/**
 * Reads one registry file's text: a YAML list of entries. Returns the entries that are sound and
 * every problem, with the file, line and field (`[2].aliases[1]`: the third entry's second alias).
 */
export function parseEntityFile(
  text: string,
  kind: LabelKind,
  file: string,
): { entities: Entity[]; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: "core", version: "1.2", lineCounter, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    return {
      entities: [],
      problems: doc.errors.map((error) => ({
        file,
        line: lineAt(error.pos[0]),
        field: "file",
        message: `YAML syntax: ${error.message.split("\n")[0]!.replace(/\s+at line \d+, column \d+:?\s*$/, "")}`,
      })),
    };
  }
  if (doc.contents === null) return { entities: [], problems: [] };
  if (!isSeq(doc.contents)) {
    return {
      entities: [],
      problems: [
        { file, line: 1, field: "file", message: "expected a list of entries, each starting with “- name:”" },
      ],
    };
  }
  const entities: Entity[] = [];
  const problems: Problem[] = [];
  doc.contents.items.forEach((item, index) => {
    const result = EntrySchema.safeParse(
      item && typeof item === "object" && "toJSON" in item ? (item as Node).toJSON() : item,
    );
    const entryLine = lineAt(rangeStart(item));
    if (!result.success) {
      for (const issue of result.error.issues) {
        // An unknown field is placed at its own line, not its entry's.
        const at = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]!] : issue.path;
        problems.push({
          file,
          line: lineAt(offsetOf(item, at)),
          field: formatFieldPath([index, ...issue.path]),
          message: issue.message,
        });
      }
      return;
    }
    entities.push({ ...result.data, kind, file, line: entryLine });
  });
  return { entities, problems };
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null)?.range?.[0];
}

/** The start of the node at `path` below `node`, or of the nearest node above it that exists. */
function offsetOf(node: unknown, path: readonly PropertyKey[]): number | undefined {
  let offset = rangeStart(node);
  let current: unknown = node;
  for (const key of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      current = pair.value;
    } else if (isSeq(current) && typeof key === "number") {
      current = current.items[key];
      offset = rangeStart(current) ?? offset;
    } else break;
  }
  return offset;
}

/**
 * What must hold across entries: no name (shown, alias or former) of one kind on two entries, a
 * place's `in` naming a place of the registry and never leading back to itself, `in` only on
 * places and `sortAs` only on people and authors.
 */
export function findRegistryProblems(entities: readonly Entity[]): Problem[] {
  const problems: Problem[] = [];
  /** The entry that first had `key` (a name, or a name's address), once another one asks for it. */
  const claim = (owners: Map<string, Entity>, key: string, entity: Entity): Entity | undefined => {
    const first = owners.get(key);
    if (first === undefined) owners.set(key, entity);
    return first === entity ? undefined : first;
  };
  const owner = new Map<string, Entity>();
  for (const entity of entities) {
    for (const name of namesOf(entity)) {
      const first = claim(owner, `${entity.kind}\0${nameKey(name)}`, entity);
      if (first) {
        problems.push({
          file: entity.file,
          line: entity.line,
          field: "name",
          message: `"${name}" is already a name of "${first.name}" (${first.file}:${first.line}); a name can lead to one entry only: merge the two entries, or remove the name from one`,
        });
      }
    }
    if (entity.in !== undefined && entity.kind !== "places") {
      problems.push({
        file: entity.file,
        line: entity.line,
        field: "in",
        message: "only places lie in another place",
      });
    }
    if (entity.sortAs !== undefined && entity.kind !== "people" && entity.kind !== "authors") {
      problems.push({
        file: entity.file,
        line: entity.line,
        field: "sortAs",
        message: "only people and authors have a sort name",
      });
    }
  }
  // Each name has an address; an address leads to one entry (a redirect page or the entry's own).
  const addressOwner = new Map<string, Entity>();
  for (const entity of entities) {
    if (slugOf(entity.name) === "") {
      problems.push({
        file: entity.file,
        line: entity.line,
        field: "name",
        message: `"${entity.name}" has no letter or digit to make the address of its page from; write it with at least one`,
      });
    }
    for (const name of namesOf(entity)) {
      const slug = slugOf(name);
      // A name another entry has already is reported once, above.
      if (slug === "" || owner.get(`${entity.kind}\0${nameKey(name)}`) !== entity) continue;
      const first = claim(addressOwner, `${entity.kind}\0${slug}`, entity);
      if (first) {
        problems.push({
          file: entity.file,
          line: entity.line,
          field: "name",
          message: `"${name}" would have the address ${labelPath(entity.kind, slug)} that a name of "${first.name}" (${first.file}:${first.line}) has; a name's address leads to one entry: merge the two entries, or remove the name from one`,
        });
      }
    }
  }
  const registry = new EntityRegistry(entities);
  for (const place of registry.all("places")) {
    if (place.in === undefined) continue;
    const parent = registry.parentOf(place);
    if (parent === undefined) {
      problems.push({
        file: place.file,
        line: place.line,
        field: "in",
        message: `"${place.in}" is not a place of the registry; add it to ${place.file}, or correct the name`,
      });
      continue;
    }
    const seen = new Set<Entity>([place]);
    for (let at: Entity | undefined = parent; at; at = registry.parentOf(at)) {
      if (seen.has(at)) {
        problems.push({
          file: place.file,
          line: place.line,
          field: "in",
          message: `"${place.name}" would lie in itself (${[...seen].map((p) => p.name).join(" → ")} → ${at.name}); one of these places must lie in none of the others`,
        });
        break;
      }
      seen.add(at);
    }
  }
  return problems;
}
