import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
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

  it("refuses two entries whose names have one address, and a label taking an entity's address", async () => {
    const cwd = await archive({
      "authors.yaml": "- name: Dana Whitfield\n- name: Dana Whitfeld\n  aliases: [Dána Whitfield]\n",
    });
    await writeFile(
      join(cwd, "content/articles/2016/pekin.md"),
      "---\ntitle: Talks resume\npublished: 2016-06-20\nplaces: [Pekin]\n---\n\nThe talks resumed.\n",
    );
    const { code, stdout } = await check(cwd);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'content/entities/authors.yaml:2: name: "Dána Whitfield" would have the address /authors/dana-whitfield/ that a name of "Dana Whitfield" (content/entities/authors.yaml:1) has',
    );
    // With the registry sound, the label is judged too.
    await writeFile(join(cwd, "content/entities/authors.yaml"), "- name: Dana Whitfield\n");
    const second = await check(cwd);
    expect(second.stdout).toContain(
      'content/articles/2016/pekin.md:4: places[0]: "Pekin" would take /places/pekin/, the address of "Pékin", a name of "Beijing" (content/entities/places.yaml:10): write "Pékin", or add "Pekin" to that entry\'s aliases',
    );
  });

  it("counts the address of a name that joined an entry as still served, and only while it is in the entry", async () => {
    const cwd = await archive();
    await writeFile(join(cwd, "content/urls.txt"), "/places/zhongguo/\n/places/peking/\n");
    expect((await check(cwd)).code).toBe(0);
    await writeFile(
      join(cwd, "content/entities/places.yaml"),
      "- name: China\n  aliases: [中国, الصين]\n- name: Beijing\n  aliases: [北京, بكين]\n",
    );
    const { code, stdout } = await check(cwd);
    expect(code).toBe(1);
    expect(stdout).toContain(
      "content/urls.txt:2: url: /places/peking/ was published and would no longer resolve",
    );
  });
});

describe("npm run entities", () => {
  it("lists names that probably mean one thing, with the entry to declare them, and entities no article names", async () => {
    const cwd = await archive();
    await writeFile(
      join(cwd, "content/articles/2016/follow-up.md"),
      "---\ntitle: Talks resume\npublished: 2016-06-20\nbyline: Wang Li\nplaces: [Bejing]\ntopics: [Beijing]\n---\n\nThe talks resumed.\n",
    );
    await writeFile(
      join(cwd, "content/entities/places.yaml"),
      `${await readFile(join(fixture, "entities/places.yaml"), "utf8")}\n- name: Shanghai\n  in: China\n`,
    );
    const { code, stdout } = await runCli("entities", [], { cwd });
    expect(code).toBe(0);
    expect(stdout.split("\n\n")).toEqual([
      'topics: "Beijing" is a name of "Beijing" in content/entities/places.yaml:10 (places); if the articles mean that, file it there.',
      'authors: "Wang Li" and "王丽" are the same letters once transcribed. If they are one, add to content/entities/authors.yaml:\n  - { name: "Wang Li", aliases: ["王丽"] }',
      'places: "Beijing" and "Bejing" are spelt alike. If they are one, add to content/entities/places.yaml:\n  - { name: "Beijing", aliases: ["Bejing"] }',
      'places: "Shanghai" (content/entities/places.yaml:19) is named by no article.\n',
    ]);
  });
});
