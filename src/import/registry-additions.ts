import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Document, isSeq, parseDocument, YAMLMap, YAMLSeq } from "yaml";
import type { NewEntity } from "./names";

const HEADER = " Entries added by npm run import: subjects the source identified by an IPTC code.";

/**
 * Adds entries to the registry's files, one per coded subject, keeping what editors wrote (their
 * comments included); each file is replaced whole, so it is never left half-written.
 */
export async function addToRegistry(entitiesDir: string, entities: readonly NewEntity[]): Promise<void> {
  const byKind = Map.groupBy(entities, (entity) => entity.kind);
  for (const [kind, list] of byKind) {
    const file = join(entitiesDir, `${kind}.yaml`);
    const doc = existsSync(file) ? parseDocument(await readFile(file, "utf8")) : new Document(new YAMLSeq());
    if (!existsSync(file)) doc.commentBefore = HEADER;
    if (doc.contents === null) doc.contents = new YAMLSeq();
    if (!isSeq(doc.contents))
      throw new Error(`${file} is not a list of entries; fix it with npm run check first`);
    for (const { name, code } of list) {
      const ids = doc.createNode({ iptc: code }) as YAMLMap;
      ids.flow = true;
      const entry = new YAMLMap();
      entry.set("name", name);
      entry.set("ids", ids);
      (doc.contents as YAMLSeq).add(entry);
    }
    await mkdir(entitiesDir, { recursive: true });
    await writeFile(`${file}.importing`, doc.toString({ lineWidth: 100 }));
    await rename(`${file}.importing`, file);
  }
}
