import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { calendarDayIn, scaffoldArticle, slugFromHeadline } from "../articles/scaffold";
import { isValidSlug } from "../lib/slugs";
import { articlePath } from "../lib/urls";
import { site } from "../site.config";
import { readArgs } from "./args";
import { readAddressOwners } from "../articles/claimed-addresses";
import { articleFilePath, writeNewFile } from "../articles/write-article";

// `npm run new -- "Headline" [--slug some-slug]`: a draft article dated today, ready to fill in.
const USAGE = 'npm run new -- "Headline of the article" [--slug a-shorter-address]';
const { positionals, values } = readArgs(
  { allowPositionals: true, options: { slug: { type: "string" } } },
  USAGE,
);
const title = positionals.join(" ").trim();
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};
if (title === "") fail(`Usage: ${USAGE}`);
const slug = values.slug ?? slugFromHeadline(title);
if (!isValidSlug(slug)) {
  fail(
    values.slug === undefined
      ? `"${title}" gives no URL slug (it has no letters that can be written in ASCII); add --slug with one, e.g. --slug harbour-talks`
      : `--slug "${slug}" is not a valid slug: use lowercase ASCII letters, digits and single hyphens`,
  );
}
if (!existsSync(resolve(site.articlesDir))) {
  fail(
    `The articles folder ${resolve(site.articlesDir)} does not exist; check ARTICLES_DIR or create the folder.`,
  );
}
const day = calendarDayIn(Date.now(), site.timezone);
const path = articleFilePath(site.articlesDir, day, slug);
const [year = 0, month = 0, date = 0] = day.split("-").map(Number);
const url = articlePath({ published: { year, month, date }, slug });
const owner = (await readAddressOwners(process.cwd(), site, [slug]))(url);
if (owner !== undefined) {
  fail(`${url} is already the address of ${owner}; choose another with --slug`);
}
try {
  await writeNewFile(resolve(path), scaffoldArticle({ title, day }));
  process.stdout.write(`${path}\n`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
