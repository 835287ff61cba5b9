import { readFile } from "node:fs/promises";
import { annotation } from "../articles/check-report";
import { findAddressChanges, type AddressChanges } from "../articles/address-changes";
import { parseUrlManifest } from "../addresses/url-manifest";
import { writeUrlManifest } from "../addresses/url-manifest-check";
import { formatProblem, type Problem } from "../lib/problems";
import { site } from "../site.config";
import { readArgs } from "./args";

const USAGE =
  "npm run addresses -- [--base REVISION] [--format text|github|json]  |  npm run addresses -- --add-from FILE";

// `npm run addresses`: which addresses the articles publish that content/urls.txt lacks, and which
// published ones they would lose (since --base, a git revision, also by renames, edits and deletions).
// `--add-from FILE`: adds to the list the addresses FILE lists that it lacks (how CI records them).
const { values } = readArgs(
  {
    options: {
      base: { type: "string" },
      format: { type: "string", default: "text" },
      "add-from": { type: "string" },
    },
  },
  USAGE,
);
const root = process.cwd();

try {
  if (values["add-from"] !== undefined) {
    const other = parseUrlManifest(await readFile(values["add-from"], "utf8"), values["add-from"]);
    const added = await writeUrlManifest(
      root,
      site.urlManifest,
      other.entries.map((entry) => entry.url),
    );
    process.stdout.write(
      `${added} new ${added === 1 ? "address" : "addresses"} added to ${site.urlManifest}.\n`,
    );
  } else {
    const format = values.format;
    if (format !== "text" && format !== "github" && format !== "json") {
      process.stderr.write(`--format must be one of text, github, json, not "${format}"\nUsage: ${USAGE}\n`);
      process.exit(2);
    }
    const changes = await findAddressChanges(root, site, values.base);
    process.stdout.write(`${formatAddressChanges(changes, format)}\n`);
    process.exitCode = changes.lost.length > 0 || changes.unreadable.length > 0 ? 1 : 0;
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

/** The report: one JSON document, or a line (a GitHub annotation) per file to look at and a summary. */
function formatAddressChanges(changes: AddressChanges, format: "text" | "github" | "json"): string {
  if (format === "json") return JSON.stringify(changes, null, 2);
  const show = (level: "error" | "warning" | "notice", problem: Problem): string =>
    format === "github" ? annotation(level, problem) : formatProblem(problem);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const added = count(changes.added.length, "new address", "new addresses");
  return [
    ...changes.unreadable.map((file) =>
      show("warning", {
        file,
        line: 1,
        field: "file",
        message:
          "has problems (npm run check, the Check and test step in CI, names them): the addresses it gives are unknown until they are fixed",
      }),
    ),
    ...changes.added.map((address) =>
      show("notice", {
        ...address,
        field: "address",
        message: `publishes ${address.url}, a new address (recorded in ${site.urlManifest} when published)`,
      }),
    ),
    ...changes.lost.map((problem) => show("error", problem)),
    changes.unreadable.length > 0
      ? `${added}; published addresses not checked until ${count(changes.unreadable.length, "file is", "files are")} fixed.`
      : `${added}, ${count(changes.lost.length, "published address", "published addresses")} lost.`,
  ].join("\n");
}
