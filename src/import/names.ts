import type { EntityRegistry } from "../entities/registry";
import { labelSlug } from "../lib/labels";
import type { LabelKind } from "../lib/urls";
import type { CodedName, ImportedArticle, Note } from "./imported-article";

/** A registry entry an import adds: a subject the source identifies by an IPTC code. */
export interface NewEntity {
  kind: CodedName["kind"];
  name: string;
  code: string;
}

/**
 * Files an imported article's names as the archive does: an entity's name (found by its IPTC code
 * first, then by any of its names or its page's address) becomes the entity's shown name, and a
 * name that would share a page with the archive's own spelling takes that spelling, so that an
 * import never creates a second page for one thing nor a clash `npm run check` refuses.
 */
export class ImportNames {
  /** The spelling the archive (or this run) uses for each page address, by kind. */
  private readonly spellings = new Map<string, string>();
  /** Coded subjects not yet in the registry: added to it when the export's articles are written. */
  private readonly pending = new Map<string, NewEntity>();
  /** Coded subjects added to the registry's files by this run. */
  private readonly added = new Map<string, NewEntity>();

  constructor(private readonly registry: EntityRegistry) {}

  /** Remembers a name the archive already uses, so that an import writes it the same way. */
  knowSpelling(kind: LabelKind, name: string): void {
    const slug = labelSlug(name);
    if (slug !== "" && !this.spellings.has(`${kind}\0${slug}`)) this.spellings.set(`${kind}\0${slug}`, name);
  }

  /** The name to write for `name`, and a note when it is not the one the source wrote. */
  private file(kind: LabelKind, name: string, notes: Note[]): string | undefined {
    const slug = labelSlug(name);
    if (slug === "") {
      notes.push(
        `left out the ${kind} name "${name}": it has no letter or digit to make a page address from`,
      );
      return undefined;
    }
    const entity = this.registry.find(kind, name) ?? this.registry.addressOwner(kind, slug)?.entity;
    const filed = entity?.name ?? this.spellings.get(`${kind}\0${slug}`) ?? name;
    if (filed !== name && !entity) notes.push(`"${name}" is written "${filed}", as the archive writes it`);
    this.knowSpelling(kind, filed);
    return filed;
  }

  /** The article with every name filed; coded subjects the registry lacks are remembered as new entries. */
  fileArticle(article: ImportedArticle): ImportedArticle {
    const notes = [...article.notes];
    const coded = new Map(article.codes.map((c) => [`${c.kind}\0${c.name}`, c.code]));
    const list = (kind: CodedName["kind"] | "authors", names: readonly string[]) => [
      ...new Set(
        names.flatMap((name) => {
          const code = kind === "authors" ? undefined : coded.get(`${kind}\0${name}`);
          if (code !== undefined) {
            const byCode = this.byCode(kind as CodedName["kind"], name, code, notes);
            if (byCode !== undefined || name === code) return byCode === undefined ? [] : [byCode];
          }
          const filed = this.file(kind, name, notes);
          return filed === undefined ? [] : [filed];
        }),
      ),
    ];
    const one = (kind: LabelKind, name: string | undefined) =>
      name === undefined ? undefined : this.file(kind, name, notes);
    const section = one("sections", article.section);
    const agency = one("agencies", article.agency);
    const rest: ImportedArticle = { ...article };
    delete rest.section;
    delete rest.agency;
    return {
      ...rest,
      byline: list("authors", article.byline),
      topics: list("topics", article.topics),
      people: list("people", article.people),
      organizations: list("organizations", article.organizations),
      places: list("places", article.places),
      ...(section !== undefined && { section }),
      ...(agency !== undefined && { agency }),
      notes,
    };
  }

  /** A coded subject's name: its entity's when the registry has the code, else a new entry's. */
  private byCode(kind: CodedName["kind"], name: string, code: string, notes: Note[]): string | undefined {
    const entity = this.registry.findByIdentifier(kind, "iptc", code);
    if (entity) return entity.name;
    const key = `${kind}\0${code}`;
    const known = this.pending.get(key) ?? this.added.get(key);
    if (known) return known.name;
    if (name === code) {
      notes.push(
        `left out the subject ${code}: the export gives it no name, and no registry entry has that code`,
      );
      return undefined;
    }
    // A name the registry has (without this code) or that takes an entity's address is filed as usual.
    if (this.registry.find(kind, name) || this.registry.addressOwner(kind, labelSlug(name))) return undefined;
    const filed = this.spellings.get(`${kind}\0${labelSlug(name)}`) ?? name;
    if (labelSlug(filed) === "") return undefined;
    // Another code under the same name (a Subject Code and its Media Topic) is one entry, the first code's.
    const sameName = [...this.pending.values(), ...this.added.values()].some(
      (entry) => entry.kind === kind && labelSlug(entry.name) === labelSlug(filed),
    );
    if (sameName) return filed;
    this.pending.set(key, { kind, name: filed, code });
    this.knowSpelling(kind, filed);
    return filed;
  }

  /** The coded subjects found since the last call, to add to the registry with the export's articles. */
  takeNewEntities(): NewEntity[] {
    const list = [...this.pending.values()];
    for (const [key, entity] of this.pending) this.added.set(key, entity);
    this.pending.clear();
    return list;
  }

  /** Forgets the coded subjects of an export that is not written. */
  forgetNewEntities(): void {
    this.pending.clear();
  }
}
