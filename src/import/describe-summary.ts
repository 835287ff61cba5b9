import type { ImportSummary } from "./run-import";

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

/** The end of an import, in words: what was written, what was left alone and why, what failed. */
export function describeSummary(summary: ImportSummary, entitiesDir: string): string {
  const lines: string[] = [];
  const wrote = summary.dryRun ? "Would import" : "Imported";
  lines.push(
    `${wrote} ${plural(summary.imported, "article")} from ${plural(summary.exports, "export")}; ${summary.updated.toLocaleString("en")} updated, ${summary.unchanged.toLocaleString("en")} unchanged.`,
  );
  const skipped = Object.entries(summary.skipped).sort(([, a], [, b]) => b - a);
  if (skipped.length > 0) {
    const total = skipped.reduce((sum, [, count]) => sum + count, 0);
    lines.push(
      `Skipped ${total.toLocaleString("en")}: ${skipped.map(([reason, count]) => `${count.toLocaleString("en")} × ${reason}`).join("; ")}.`,
    );
  }
  if (summary.failed.length > 0) {
    lines.push(
      `Failed ${summary.failed.length.toLocaleString("en")} (each named above, with its file and line); nothing was written for them.`,
    );
  }
  if (summary.entities.length > 0) {
    const byKind = Map.groupBy(summary.entities, (e) => e.kind);
    const where = [...byKind.keys()].map((kind) => `${entitiesDir}/${kind}.yaml`).join(", ");
    lines.push(
      `${summary.dryRun ? "Would add" : "Added"} ${plural(summary.entities.length, "entry", "entries")} to the entity registry (${where}) for subjects the source identifies by IPTC code: ${summary.entities
        .slice(0, 5)
        .map((e) => `${e.name} (${e.code})`)
        .join(", ")}${summary.entities.length > 5 ? ", …" : ""}.`,
    );
  }
  if (summary.dryRun) lines.push("Dry run: nothing was written.");
  return `${lines.join("\n")}\n`;
}
