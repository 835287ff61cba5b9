import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { calendarDayIn } from "../articles/scaffold";
import { describeSummary } from "../import/describe-summary";
import { runImport, type ArticleEvent } from "../import/run-import";
import { site } from "../site.config";
import { readArgs } from "./args";

// `npm run import -- FILE|FOLDER … [--publish] [--dry-run] [--json] [--own-domain HOST]`: exports
// (WordPress, NewsML-G2, NITF, RSS, Atom, wire text) into article files, each format known by content.
const USAGE =
  "npm run import -- export.xml [more files or folders …] [--publish] [--dry-run] [--json] [--own-domain news.example.org]";
const { positionals: paths, values } = readArgs(
  {
    allowPositionals: true,
    options: {
      publish: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      "own-domain": { type: "string", multiple: true, default: [] },
    },
  },
  USAGE,
);
if (paths.length === 0) {
  process.stderr.write(`Usage: ${USAGE}\n`);
  process.exit(2);
}
if (!existsSync(resolve(site.articlesDir))) {
  process.stderr.write(
    `The articles folder ${resolve(site.articlesDir)} does not exist; check ARTICLES_DIR or create the folder.\n`,
  );
  process.exit(2);
}

const dryRun = values["dry-run"];
const progress = createProgressLine(!values.json && process.stderr.isTTY === true);
const ownHosts = values["own-domain"].length > 0 ? values["own-domain"] : [new URL(site.url).hostname];

const summary = await runImport(paths, {
  root: process.cwd(),
  articlesDir: site.articlesDir,
  entitiesDir: site.entitiesDir,
  defaultLanguage: site.defaultLanguage,
  timezone: site.timezone,
  publish: values.publish,
  dryRun,
  today: calendarDayIn(Date.now(), site.timezone),
  ownHosts,
  onArticle: values.json ? undefined : tellArticle,
  onProgress: progress.show,
});
progress.clear();
for (const failure of summary.failed) {
  process.stderr.write(`${failure.file}:${failure.line}: import: ${failure.reason}\n`);
}
process.stdout.write(
  values.json ? `${JSON.stringify(summary, null, 2)}\n` : describeSummary(summary, site.entitiesDir),
);
process.exitCode = summary.failed.length > 0 ? 1 : 0;

/** One line per article on stdout, and what an editor should look at on stderr. */
function tellArticle(event: ArticleEvent): void {
  progress.clear();
  const verb = {
    imported: dryRun ? "would write" : "→",
    updated: dryRun ? "would update" : "updated →",
    unchanged: "unchanged:",
  }[event.action];
  process.stdout.write(`${event.from} ${verb} ${event.file}\n`);
  for (const removed of event.removed) process.stderr.write(`${event.from}: import: removed: ${removed}\n`);
  for (const note of event.notes) {
    const [where, message] =
      typeof note === "string" ? [event.from, note] : [`${event.from}:${note.line}`, note.message];
    process.stderr.write(`${where}: import: note: ${message}\n`);
  }
}

/** A progress line on a terminal, redrawn at most five times a second; nothing elsewhere. */
function createProgressLine(enabled: boolean) {
  let last = 0;
  let shown = false;
  return {
    show: enabled
      ? ({
          file,
          bytesRead,
          size,
          records,
        }: {
          file: string;
          bytesRead: number;
          size: number;
          records: number;
        }) => {
          const now = Date.now();
          if (now - last < 200) return;
          last = now;
          shown = true;
          const percent = size > 0 ? Math.floor((bytesRead / size) * 100) : 100;
          process.stderr.write(`\r\x1b[K${file}: ${records.toLocaleString("en")} stories read, ${percent}%`);
        }
      : undefined,
    clear() {
      if (!shown) return;
      process.stderr.write("\r\x1b[K");
      shown = false;
    },
  };
}
