import { existsSync } from "node:fs";
import { opendir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { isArticleFile } from "../articles/article-files";
import { validateArticleSource } from "../articles/validate-article";
import { addressKey } from "../lib/articles";
import { LABEL_KINDS, getLabels } from "../lib/labels";
import { articlePath } from "../lib/urls";
import type { ArticleSchema } from "./export-run";
import type { ImportNames } from "./names";
import type { RunState } from "./run-state";

/** Every article file of the archive: the addresses it takes, the item it was imported from, its names. */
export async function indexArchive(
  articlesDir: string,
  root: string,
  schema: ArticleSchema,
  state: RunState,
  names: ImportNames,
): Promise<void> {
  if (!existsSync(articlesDir)) return;
  for await (const entry of await opendir(articlesDir, { recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || !isArticleFile(relative(articlesDir, path))) continue;
    const file = relative(root, path).split("\\").join("/");
    const result = validateArticleSource(await readFile(path, "utf8"), file, schema);
    // A file that does not pass the rules claims nothing yet; `npm run check` reports it.
    if (!result.ok) continue;
    const { data } = result.article;
    for (const url of [articlePath(data), ...data.aliases]) state.claimAddress(addressKey(url), file);
    if (data.source?.id) {
      const { version, fingerprint } = data.source;
      state.rememberItem(data.source.id, {
        file,
        ...(version && { version }),
        ...(fingerprint && { fingerprint }),
      });
    }
    for (const kind of LABEL_KINDS)
      for (const name of getLabels({ data }, kind)) names.knowSpelling(kind.kind, name);
  }
}
