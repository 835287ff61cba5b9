import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { projectRoot } from "../support/site-build";

// Three articles naming Beijing in English, Chinese and Arabic, and a registry that makes them one place.
const fixture = join(projectRoot, "tests/fixtures/entities");

/** A copy of the entities fixture as content/, with `registry` files replaced (null removes one). */
async function archive(registry: Record<string, string | null> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "archive-entities-"));
  await cp(join(fixture, "articles"), join(root, "content/articles"), { recursive: true });
  await cp(join(fixture, "entities"), join(root, "content/entities"), { recursive: true });
  for (const [name, text] of Object.entries(registry)) {
    const file = join(root, "content/entities", name);
    if (text === null) await rm(file);
    else await writeFile(file, text);
  }
  return root;
}

const check = async (cwd: string) => runCli("check", [], { cwd });

describe("the entity registry in npm run check", () => {
  it("lets an article name a place in its own script when the registry says it is one place", async () => {
    const { code, stdout } = await check(await archive());
    expect(stdout).toBe("No problems in 3 articles.\n");
    expect(code).toBe(0);
  });

  it("without the entry, names both spellings and gives the entry to paste", async () => {
    const { code, stdout } = await check(await archive({ "places.yaml": null }));
    expect(code).toBe(1);
    expect(stdout).toContain(
      'content/articles/2016/beijing-talks-zh.md:6: places[0]: "北京" and "Beijing" (content/articles/2016/talks-in-beijing.md) would share the page /places/beijing/',
    );
    expect(stdout).toContain(
      'declare them as one in content/entities/places.yaml: - { name: "Beijing", aliases: ["北京"] }',
    );
  });

  it("reports every problem of the registry with its file, line and field, all at once", async () => {
    const { code, stdout } = await check(
      await archive({
        "places.yaml": [
          "- name: China",
          "  ids: { wikidata: 148 }",
          "- name: Beijing",
          "  aliases: [北京]",
          "  in: Middle Kingdom",
          "- name: Peking",
          "  aliases: [Beijing]",
          "  sortAs: Peking",
          "- name: Tianjin",
          "  colour: red",
          "",
        ].join("\n"),
        "towns.yaml": "- name: Oldmere\n",
      }),
    );
    expect(code).toBe(1);
    const lines = stdout.split("\n").filter((line) => line.startsWith("content/entities/"));
    expect(lines).toEqual([
      "content/entities/places.yaml:2: [0].ids.wikidata: expected a Wikidata item, like Q956",
      'content/entities/places.yaml:3: in: "Middle Kingdom" is not a place of the registry; add it to content/entities/places.yaml, or correct the name',
      'content/entities/places.yaml:6: name: "Beijing" is already a name of "Beijing" (content/entities/places.yaml:3); a name can lead to one entry only: merge the two entries, or remove the name from one',
      "content/entities/places.yaml:6: sortAs: only people and authors have a sort name",
      'content/entities/places.yaml:10: [3]: unknown field "colour"; known fields are name, aliases, formerNames, description, in, sortAs, ids',
      expect.stringMatching(/^content\/entities\/towns\.yaml:1: file: not a registry file/),
    ]);
  });
});
