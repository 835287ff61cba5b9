import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LoaderContext } from "astro/loaders";
import { describe, expect, it } from "vitest";
import { findLabelClash } from "../../../src/articles/archive-checks";
import { parseWrittenDate } from "../../../src/lib/dates";

/** A stored entry as the loader keeps it, for an article with these topics. */
function entry(id: string, topics: string[]) {
  return {
    id,
    filePath: `${id}.md`,
    data: {
      title: id,
      draft: false,
      slug: id,
      aliases: [],
      published: parseWrittenDate("2020-01-02", "UTC"),
      topics,
      byline: [],
      places: [],
      people: [],
      organizations: [],
    },
  };
}

describe("a dev-server edit that spells a label another way", () => {
  it("is refused on the line of the new spelling, naming the other file", async () => {
    const root = await mkdtemp(join(tmpdir(), "label-clash-"));
    await writeFile(
      join(root, "old.md"),
      "---\ntitle: old\npublished: 2020-01-02\ntopics: [science]\n---\n\nText.\n",
    );
    await writeFile(
      join(root, "new.md"),
      "---\ntitle: new\npublished: 2020-01-02\ntopics:\n  - news\n  - Science\n---\n\nText.\n",
    );
    const store = { values: () => [entry("old", ["science"])] } as unknown as LoaderContext["store"];
    expect(findLabelClash(store, entry("new", ["news", "Science"]), root)).toEqual([
      {
        file: "new.md",
        line: 6,
        field: "topics[1]",
        message:
          '"Science" and "science" (old.md) would share the page /topics/science/; write the same topic the same way everywhere, or tell them apart with more words, or, if they are one topic written in two ways (two scripts, say), declare them as one in content/entities/topics.yaml: - { name: "Science", aliases: ["science"] }',
      },
    ]);
    expect(findLabelClash(store, entry("new", ["news", "science"]), root)).toEqual([]);
  });
});
