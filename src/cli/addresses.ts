import { readFile } from "node:fs/promises";
import { annotation } from "../articles/check-report";
import { findAddressChanges } from "../articles/address-changes";
import { parseUrlManifest } from "../addresses/url-manifest";
import { writeUrlManifest } from "../addresses/url-manifest-check";
import { formatProblem } from "../lib/problems";
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
    const out: string[] = [];
    if (format === "json") out.push(JSON.stringify(changes, null, 2));
    for (const file of format === "json" ? [] : changes.unreadable) {
      const problem = {
        file,
        line: 1,
        field: "file",
        message:
          "has problems (npm run check, the Check and test step in CI, names them): the addresses it gives are unknown until they are fixed",
      };
      out.push(format === "github" ? annotation("warning", problem) : formatProblem(problem));
    }
    for (const address of format === "json" ? [] : changes.added) {
      const problem = {
        ...address,
        field: "address",
        message: `publishes ${address.url}, a new address (recorded in ${site.urlManifest} when published)`,
      };
      out.push(format === "github" ? annotation("notice", problem) : formatProblem(problem));
    }
    for (const problem of format === "json" ? [] : changes.lost) {
      out.push(format === "github" ? annotation("error", problem) : formatProblem(problem));
    }
    if (format !== "json") {
      const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
      const added = count(changes.added.length, "new address", "new addresses");
      out.push(
        changes.unreadable.length > 0
          ? `${added}; published addresses not checked until ${count(changes.unreadable.length, "file is", "files are")} fixed.`
          : `${added}, ${count(changes.lost.length, "published address", "published addresses")} lost.`,
      );
    }
    process.stdout.write(`${out.join("\n")}\n`);
    process.exitCode = changes.lost.length > 0 || changes.unreadable.length > 0 ? 1 : 0;
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
