import { resolve, relative } from "node:path";
import { createArticleSchema } from "../articles/schema/article";
import { loadEntityRegistry } from "../entities/load";
import { formatProblem } from "../lib/problems";
import { indexArchive } from "./archive-index";
import { ExportFailure, ExportRun, type ImportOptions, type ImportSummary } from "./export-run";
import { inputFiles } from "./input-files";
import { ImportNames } from "./names";
import { addToRegistry } from "./registry-additions";
import { RunState } from "./run-state";

export type { ArticleEvent, ImportOptions, ImportSummary } from "./export-run";

/**
 * Imports exports into the archive: each export is read as a stream, its articles written to a
 * staging folder inside the articles folder, and moved into place only once the whole export has
 * been read, so that a malformed or refused export leaves nothing behind.
 */
export async function runImport(paths: readonly string[], options: ImportOptions): Promise<ImportSummary> {
  const articlesDir = resolve(options.root, options.articlesDir);
  const { registry, problems } = loadEntityRegistry(resolve(options.root, options.entitiesDir), options.root);
  if (problems.length > 0) {
    throw new Error(
      `The entity registry has problems; fix them first (npm run check):\n${problems.map(formatProblem).join("\n")}`,
    );
  }
  const schema = createArticleSchema({
    defaultLanguage: options.defaultLanguage,
    timezone: options.timezone,
    entities: registry,
  });
  const state = new RunState();
  const names = new ImportNames(registry);
  const summary: ImportSummary = {
    exports: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: {},
    removed: {},
    failed: [],
    entities: [],
    dryRun: options.dryRun,
  };
  const project = (path: string) => relative(options.root, path).split("\\").join("/");
  // Stopped with Ctrl-C: the export being read leaves nothing behind, as when it fails.
  let current: ExportRun | undefined;
  const interrupted = () => {
    current?.discardNow();
    state.close();
    process.exit(130);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    await indexArchive(articlesDir, options.root, schema, state, names);
    for await (const file of inputFiles(paths)) {
      summary.exports++;
      const run = new ExportRun(file, { ...options, articlesDir, project, schema, state, names });
      current = run;
      try {
        state.beginExport();
        await run.read();
        const entities = names.takeNewEntities();
        if (!options.dryRun) {
          await run.commit();
          if (entities.length > 0) await addToRegistry(resolve(options.root, options.entitiesDir), entities);
        }
        state.keepExport();
        summary.entities.push(...entities);
        summary.imported += run.counts.imported;
        summary.updated += run.counts.updated;
        summary.unchanged += run.counts.unchanged;
        for (const [reason, count] of Object.entries(run.counts.skipped)) {
          summary.skipped[reason] = (summary.skipped[reason] ?? 0) + count;
        }
        for (const [what, count] of Object.entries(run.counts.removed)) {
          summary.removed[what] = (summary.removed[what] ?? 0) + count;
        }
        summary.failed.push(...run.failures);
        await run.report();
      } catch (error) {
        state.forgetExport();
        names.forgetNewEntities();
        if (!(error instanceof ExportFailure)) throw error;
        summary.failed.push(...error.problems.map((problem) => ({ file, ...problem })));
      } finally {
        await run.discard();
      }
    }
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    state.close();
  }
  return summary;
}
