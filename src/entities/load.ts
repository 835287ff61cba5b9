import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { LabelKind } from "../lib/urls";
import type { Problem } from "../lib/problems";
import { ENTITY_KINDS, EntityRegistry, findRegistryProblems, parseEntityFile, type Entity } from "./registry";

/** The registry read from a folder, and every problem its files have. */
export interface LoadedRegistry {
  registry: EntityRegistry;
  problems: Problem[];
}

/**
 * Reads `content/entities/` (`dir`, absolute; problems name files relative to `root`): one file per
 * kind, `places.yaml` and so on. No folder is no registry. Read at once, without waiting: the
 * article schema needs it where it is made. With any problem the registry is empty, so that what
 * the archive shows never depends on a half-read registry (and the build fails on the problems).
 */
export function loadEntityRegistry(dir: string, root: string): LoadedRegistry {
  if (!existsSync(dir)) return { registry: new EntityRegistry([]), problems: [] };
  const entities: Entity[] = [];
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = relative(root, join(dir, name)).split("\\").join("/");
    const kind = name.replace(/\.ya?ml$/, "") as LabelKind;
    if (name.startsWith(".") || name.toLowerCase() === "readme.md") continue;
    if (!/\.ya?ml$/.test(name) || !ENTITY_KINDS.includes(kind)) {
      problems.push({
        file,
        line: 1,
        field: "file",
        message: `not a registry file: the registry has one file per kind, named ${ENTITY_KINDS.map((k) => `${k}.yaml`).join(", ")}`,
      });
      continue;
    }
    const read = parseEntityFile(readFileSync(join(dir, name), "utf8"), kind, file);
    problems.push(...read.problems);
    // The sound entries of a file with a problem are still checked against the others, so that
    // every problem is reported in one run; the registry is not used until all are fixed.
    entities.push(...read.entities);
  }
  problems.push(...findRegistryProblems(entities));
  return { registry: new EntityRegistry(problems.length === 0 ? entities : []), problems };
}
