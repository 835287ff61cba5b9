import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../support/cli";
import { projectRoot } from "../support/site-build";

const fixtures = join(projectRoot, "tests/fixtures/import");
const FINGERPRINT = /^sha256:[0-9a-f]{16}$/;

/** An empty project with an articles folder, and optionally a registry of places. */
async function project(places?: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "archive-import-"));
  await mkdir(join(root, "content/articles"), { recursive: true });
  if (places !== undefined) {
    await mkdir(join(root, "content/entities"));
    await writeFile(join(root, "content/entities/places.yaml"), places);
  }
  return root;
}

/** Every file under a folder of the project, hidden ones included, relative to the project. */
async function filesUnder(root: string, folder = "content"): Promise<string[]> {
  if (!existsSync(join(root, folder))) return [];
  const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

/** An article file's frontmatter as data, and its body. */
async function article(root: string, file: string): Promise<{ data: Record<string, unknown>; body: string }> {
  const text = await readFile(join(root, file), "utf8");
  const [, frontmatter = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return { data: parse(frontmatter) as Record<string, unknown>, body: body.trim() };
}

const importInto = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  runCli("import", args, { cwd, env: { SITE_URL: "https://courier.example.org", ...env } });

describe("npm run import: WordPress", () => {
  it("imports posts with their authors, categories, tags, excerpt, photos and old address, and skips the rest", async () => {
    const cwd = await project();
    const { code, stdout, stderr } = await importInto(cwd, [join(fixtures, "wordpress/courier-export.xml")]);
    expect(code).toBe(0);
    expect(await filesUnder(cwd)).toEqual([
      "content/articles/2015/11/night-ferry-timetable-changes.md",
      "content/articles/2016/06/harbour-light-keeper-retires.md",
    ]);
    expect(stdout).toContain(
      "Skipped 5: 1 × a draft post; 1 × a private post; 1 × a page, not a post; 1 × a menu item; 1 × an attachment (its photo goes with the posts that show it).\n",
    );
    const ferry = await article(cwd, "content/articles/2015/11/night-ferry-timetable-changes.md");
    expect(ferry.data).toEqual({
      title: "Night ferry timetable changes for the winter",
      dek: "The last crossing to Brannock Island leaves earlier from December.",
      published: "2015-11-14T09:30:00+00:00",
      byline: ["Maria Okafor"],
      section: "Harbour",
      topics: ["Local Government", "ferries", "Brannock Island"],
      images: [
        // The featured image, from an attachment later in the export, with its alt text and credit.
        {
          alt: "A white ferry moored at a stone quay",
          caption: "The night ferry at the Kellsport quay before its last winter crossing.",
          credit: "Ines Varga/Kellsport Courier",
        },
        // The body's [caption] photo, its credit split from the caption.
        {
          alt: "Lights along the quay at dusk",
          caption: "The quay at dusk, where the night ferry waits.",
          credit: "Ines Varga",
        },
      ],
      source: {
        publisher: "Kellsport Courier",
        url: "https://courier.example.org/news/night-ferry-timetable-changes/",
        retrieved: "2026-03-02",
        id: "https://courier.example.org/?p=41",
        version: "2015-11-14T11:02:00+00:00",
        fingerprint: expect.stringMatching(FINGERPRINT),
      },
      language: "en-GB",
      aliases: ["/news/night-ferry-timetable-changes/"],
      draft: true,
    });
    expect(ferry.body).toBe(
      [
        "The night ferry to Brannock Island will leave half an hour earlier from next month, the harbour board said on Friday.",
        "",
        "Passengers who travel after work asked for the change in a letter signed by **two hundred** people.\\",
        "The board agreed at its November meeting.",
        "",
        "| Sailing       | Old time | New time |",
        "| ------------- | -------: | -------: |",
        "| Last crossing |    23:30 |    23:00 |",
        "",
        "The full timetable is at the [harbour office](https://harbour.example.org/timetable).",
      ].join("\n"),
    );
    const from = `${join(fixtures, "wordpress/courier-export.xml")}:24`;
    for (const removed of [
      "1 <script>",
      "1 <iframe> (video.example.net)",
      "1 tracking pixel (stats.example.net)",
      "1 onclick handler",
    ]) {
      expect(stderr).toContain(`${from}: import: removed: ${removed}\n`);
    }

    const keeper = await article(cwd, "content/articles/2016/06/harbour-light-keeper-retires.md");
    // Published late in the evening of the 14th in the site's zone (05:00 on the 15th in UTC).
    expect(keeper.data.published).toBe("2016-06-14T23:30:00-05:00");
    expect(keeper.data).not.toHaveProperty("section");
    expect(keeper.data.topics).toEqual(["heritage"]);
    expect(keeper.data.byline).toEqual(["Tomás Ferreira"]);
    // Its old address is the archive's own: no alias is needed.
    expect(keeper.data).not.toHaveProperty("aliases");
    expect(keeper.data.images).toEqual([
      {
        alt: "The keeper at the top of the stairs",
        caption: "Forty years of evenings at the lamp.",
        credit: "Tomás Ferreira",
      },
    ]);
    expect(keeper.body).toContain("> I never missed a night, not even in the storm of 1987.");
    expect(keeper.body).toContain("- Lit the lamp 14,600 times\n- Trained three keepers");
    expect(keeper.body).toContain("A farewell party is planned at the _Anchor_.");
    expect(await runCli("check", [], { cwd })).toMatchObject({
      code: 0,
      stdout: "No problems in 2 articles.\n",
    });
  });

  it("writes nothing new when the same export is imported again, and updates a story whose newer version changed", async () => {
    const cwd = await project();
    const exportFile = join(fixtures, "wordpress/courier-export.xml");
    await importInto(cwd, [exportFile]);
    const ferryFile = "content/articles/2015/11/night-ferry-timetable-changes.md";
    const before = await readFile(join(cwd, ferryFile), "utf8");
    const again = await importInto(cwd, [exportFile]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Imported 0 articles from 1 export; 0 updated, 2 unchanged.\n");
    expect(await readFile(join(cwd, ferryFile), "utf8")).toBe(before);

    // An editor publishes the article; the newsroom then edits the post in WordPress and exports again.
    await writeFile(join(cwd, ferryFile), before.replace("draft: true\n", ""));
    const newer = join(cwd, "newer.xml");
    await writeFile(
      newer,
      (await readFile(exportFile, "utf8"))
        .replace("half an hour earlier from next month", "forty minutes earlier from next month")
        .replace(/2015-11-14 11:02:00/g, "2015-11-20 08:00:00"),
    );
    const update = await importInto(cwd, [newer]);
    expect(update.stdout).toContain("Imported 0 articles from 1 export; 1 updated, 1 unchanged.\n");
    const ferry = await article(cwd, ferryFile);
    expect(ferry.body).toContain("forty minutes earlier");
    expect(ferry.data).toMatchObject({
      updated: "2015-11-20",
      corrections: [
        {
          date: "2015-11-20",
          text: "The source published a new version (2015-11-20T08:00:00+00:00); the text was updated to it.",
        },
      ],
      source: { version: "2015-11-20T08:00:00+00:00" },
    });
    // Still published, as the editor left it.
    expect(ferry.data).not.toHaveProperty("draft");
    expect(await runCli("check", [], { cwd })).toMatchObject({ code: 0 });
  });

  it("prints what it would write with --dry-run, and writes nothing", async () => {
    const cwd = await project();
    const { code, stdout } = await importInto(cwd, [
      "--dry-run",
      join(fixtures, "wordpress/courier-export.xml"),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(" would write content/articles/2015/11/night-ferry-timetable-changes.md\n");
    expect(stdout).toContain("Would import 2 articles from 1 export; 0 updated, 0 unchanged.\n");
    expect(stdout).toContain("Dry run: nothing was written.\n");
    expect(await filesUnder(cwd)).toEqual([]);
  });

  it("gives the summary as JSON with --json", async () => {
    const cwd = await project();
    const { stdout } = await importInto(cwd, [
      "--json",
      join(fixtures, "wordpress/courier-export.xml"),
      "missing.xml",
    ]);
    expect(JSON.parse(stdout)).toEqual({
      exports: 2,
      imported: 2,
      updated: 0,
      unchanged: 0,
      skipped: {
        "a draft post": 1,
        "a private post": 1,
        "a page, not a post": 1,
        "a menu item": 1,
        "an attachment (its photo goes with the posts that show it)": 1,
      },
      removed: {
        "<script>": 1,
        "<iframe> (video.example.net)": 1,
        "tracking pixel (stats.example.net)": 1,
        "onclick handler": 1,
        "script link (kept as text)": 1,
      },
      failed: [{ file: "missing.xml", line: 1, reason: "cannot read the file (there is no such file)" }],
      entities: [],
      dryRun: false,
    });
  });
});

describe("npm run import: news agency formats", () => {
  it("reads a NewsML-G2 item: headline, byline, dateline, dates, subjects, places through the registry, rights", async () => {
    const cwd = await project("- name: Beijing\n  aliases: [Peking, 北京]\n");
    const { code } = await importInto(cwd, [join(fixtures, "newsml-g2/harbour-talks.xml")]);
    expect(code).toBe(0);
    const talks = await article(
      cwd,
      "content/articles/2016/06/harbour-officials-meet-in-peking-to-talk-about-ferry-fees.md",
    );
    expect(talks.data).toEqual({
      title: "Harbour officials meet in Peking to talk about ferry fees",
      dek: "Port authorities from four countries met to settle the fees ferries pay at each other's quays.",
      published: "2016-06-14T09:30:00+08:00",
      byline: ["Li Wen", "Ama Mensah"],
      agency: "Harbour Wire",
      dateline: "PEKING",
      topics: ["maritime transport", "international trade"],
      people: ["Ines Varga"],
      organizations: ["Kellsport Harbour Board"],
      // "Peking" lands on Beijing's page, as the registry says.
      places: ["China", "Beijing"],
      images: [
        {
          alt: "Delegates around a long table",
          caption: "Delegates at the opening session.",
          credit: "Li Wen/Harbour Wire",
        },
      ],
      source: {
        publisher: "Harbour Wire",
        url: "https://harbourwire.example.org/stories/harbour-talks",
        retrieved: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        id: "urn:newsml:harbourwire.example.org:20160614:harbour-talks",
        version: "2",
        fingerprint: expect.stringMatching(FINGERPRINT),
      },
      rights: "© 2016 Harbour Wire. All rights reserved.",
      language: "en",
      draft: true,
    });
    expect(talks.body).toContain("## What comes next");
    // The Media Topic codes are kept as the topics' identifiers in the registry.
    expect(parse(await readFile(join(cwd, "content/entities/topics.yaml"), "utf8"))).toEqual([
      { name: "maritime transport", ids: { iptc: "medtop:20000349" } },
      { name: "international trade", ids: { iptc: "medtop:20000568" } },
    ]);
    expect(await runCli("check", [], { cwd })).toMatchObject({ code: 0 });
  });

  it("reads a news message's items, skipping one its provider withdrew, and finds a topic by its code", async () => {
    const cwd = await project();
    await mkdir(join(cwd, "content/entities"));
    await writeFile(
      join(cwd, "content/entities/topics.yaml"),
      "- name: Shipping\n  ids: { iptc: medtop:20000349 }\n",
    );
    const { stdout } = await importInto(cwd, [join(fixtures, "newsml-g2/night-desk-message.xml")]);
    expect(stdout).toContain("Skipped 1: 1 × withdrawn by its provider (stat:canceled).\n");
    const flood = await article(cwd, "content/articles/2021/02/river-floods-two-fields-near-the-old-mill.md");
    expect(flood.data).toMatchObject({
      byline: ["Lars Nilsson"],
      dateline: "KELLSPORT",
      topics: ["Shipping"],
      rights: "© 2021 Harbour Wire",
    });
    expect(flood.body).toBe(
      "The river rose overnight and flooded two fields near the old mill.\n\nNo one was hurt, the **fire service** said.",
    );
  });

  it("reads an NITF document: headline and deck, byline, dateline, subject codes, people, places, copyright, photo", async () => {
    const cwd = await project();
    await importInto(cwd, [join(fixtures, "nitf/library-vote.xml")]);
    const vote = await article(
      cwd,
      "content/articles/2019/05/council-votes-to-keep-the-library-open-on-sundays.md",
    );
    expect(vote.data).toEqual({
      title: "Council votes to keep the library open on Sundays",
      dek: "A petition of four hundred readers changed the budget",
      published: "2019-05-20T18:15:00+01:00",
      byline: ["Priya Raman"],
      agency: "Coastline News Service",
      dateline: "KELLSPORT",
      topics: ["Arts, Culture and Entertainment", "government", "libraries"],
      people: ["Priya Raman"],
      organizations: ["Kellsport Town Council"],
      places: ["Kellsport"],
      images: [
        {
          alt: "Readers queue at the library door",
          caption: "Readers outside the library on Sunday morning.",
          credit: "Coastline News Service",
        },
      ],
      source: {
        publisher: "Coastline News Service",
        retrieved: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        id: "CNS-2019-0520-0042",
        version: "2",
        fingerprint: expect.stringMatching(FINGERPRINT),
      },
      rights: "© 2019 Coastline News Service",
      language: "en-GB",
      draft: true,
    });
    expect(vote.body).toContain("| Day    | Hours |\n| ------ | ----: |\n| Sunday |     5 |");
    expect(parse(await readFile(join(cwd, "content/entities/topics.yaml"), "utf8"))).toEqual([
      { name: "Arts, Culture and Entertainment", ids: { iptc: "subj:01000000" } },
      { name: "government", ids: { iptc: "subj:11006000" } },
    ]);
  });
});

describe("npm run import: feeds", () => {
  it("reads RSS 2.0 with content:encoded, dc:creator and Media RSS, and an item with only a summary", async () => {
    const cwd = await project();
    const { stderr } = await importInto(cwd, [join(fixtures, "feeds/courier.rss")], {
      SITE_URL: "https://gazette.example.org",
    });
    const roof = await article(
      cwd,
      "content/articles/2024/10/island-school-gets-a-new-roof-before-winter.md",
    );
    expect(roof.data).toMatchObject({
      dek: "Builders finished the roof of the island school a week early.",
      published: "2024-10-15T07:45:00+01:00",
      byline: ["Ann Lee"],
      topics: ["schools", "Brannock Island"],
      images: [{ caption: "The school's new slate roof.", credit: "Ann Lee/Brannock Island Gazette" }],
      source: { publisher: "Brannock Island Gazette", id: "gazette-2024-10-school-roof" },
      rights: "© 2024 Brannock Island Gazette",
      // The feed was this archive's own site: its old address redirects.
      aliases: ["/2024/10/school-roof"],
    });
    expect(roof.body).toBe(
      "Builders finished the new roof of the island school a week early, in time for the autumn storms.\n\nThe old roof had leaked since ~~2019~~ 2018.\n\nPupils return on Monday.",
    );
    const fares = await article(cwd, "content/articles/2024/11/ferry-fares-unchanged-for-2025.md");
    expect(fares.data).toMatchObject({ byline: ["Tomás Ferreira"], published: "2024-11-01T12:00:00+00:00" });
    expect(fares.body).toBe("The harbour board kept the **ferry fares** at this year's prices.");
    expect(stderr).toContain(
      "import: note: the feed holds only a summary of this story, imported as its text\n",
    );
  });

  it("reads Atom with HTML and XHTML content, several authors and categories", async () => {
    const cwd = await project();
    await importInto(cwd, [join(fixtures, "feeds/wire.atom")]);
    const museum = await article(cwd, "content/articles/2025/03/lighthouse-museum-opens-its-doors.md");
    expect(museum.data).toMatchObject({
      title: "Lighthouse museum opens its doors",
      dek: "The old lighthouse now shows the history of the coast.",
      published: "2025-03-03T09:00:00+01:00",
      byline: ["Priya Raman", "Lars Nilsson"],
      topics: ["Museums", "heritage"],
      images: [
        {
          alt: "Visitors on the lighthouse stairs",
          caption: "The first visitors climb the stairs.",
          credit: "Coastline News Service",
        },
      ],
      source: { id: "urn:uuid:0b7f6d1e-8d5c-4f7e-9b52-4c1c9d1b2a01", version: "2025-03-03T11:30:00+01:00" },
      rights: "© 2025 Coastline News Service",
    });
    expect(museum.data).not.toHaveProperty("aliases");
    const tides = await article(cwd, "content/articles/2025/03/tide-tables-for-april.md");
    expect(tides.body).toBe("The **April** tide tables are out.\n\n- High water: 06:12\n- Low water: 12:30");
  });
});

describe("npm run import: stories read again, and stories alike", () => {
  const feed = (items: string) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Tide Desk</title>${items}</channel></rss>`;
  const item = (id: string, day: string, text: string) =>
    `<item><title>Tide tables</title><guid>${id}</guid><pubDate>${day} Mar 2025 06:00:00 +0000</pubDate><description>${text}</description></item>`;

  it("numbers a second story with the same headline in the same month, in one export or the next", async () => {
    const cwd = await project();
    await writeFile(
      join(cwd, "march.xml"),
      feed(item("t-3", "03", "High water at six.") + item("t-4", "04", "High water at seven.")),
    );
    await writeFile(join(cwd, "later.xml"), feed(item("t-5", "05", "High water at eight.")));
    const { code } = await importInto(cwd, ["march.xml", "later.xml"]);
    expect(code).toBe(0);
    expect(await filesUnder(cwd)).toEqual([
      "content/articles/2025/03/tide-tables-2.md",
      "content/articles/2025/03/tide-tables-3.md",
      "content/articles/2025/03/tide-tables.md",
    ]);
    expect((await article(cwd, "content/articles/2025/03/tide-tables-3.md")).body).toBe(
      "High water at eight.",
    );
  });

  it("leaves a story whose source has no versions alone while its text is the same, whatever an editor changed", async () => {
    const cwd = await project();
    await writeFile(join(cwd, "feed.xml"), feed(item("t-3", "03", "High water at six.")));
    await importInto(cwd, ["feed.xml"]);
    const file = join(cwd, "content/articles/2025/03/tide-tables.md");
    // An editor corrects the article; the feed is imported again another day, unchanged.
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("High water at six.", "High water at 06:00."),
    );
    const edited = await readFile(file, "utf8");
    const again = await importInto(cwd, ["feed.xml"]);
    expect(again.stdout).toContain("0 updated, 1 unchanged");
    expect(await readFile(file, "utf8")).toBe(edited);
    // The source's text changes: the story is updated to it, with a correction note.
    await writeFile(join(cwd, "feed.xml"), feed(item("t-3", "03", "High water at half past six.")));
    const changed = await importInto(cwd, ["feed.xml"]);
    expect(changed.stdout).toContain("1 updated, 0 unchanged");
    const updated = await article(cwd, "content/articles/2025/03/tide-tables.md");
    expect(updated.body).toBe("High water at half past six.");
    expect(updated.data.corrections).toEqual([
      {
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        text: "The source published a new version; the text was updated to it.",
      },
    ]);
  });
});

describe("npm run import: files it must not trust", () => {
  it("refuses entity declarations, names malformed and unknown files with their line, and leaves nothing of them", async () => {
    const cwd = await project();
    const hostile = join(fixtures, "hostile");
    await cp(hostile, join(cwd, "hostile"), { recursive: true });
    const { code, stdout, stderr } = await importInto(cwd, ["hostile"]);
    expect(code).toBe(1);
    expect(stderr.split("\n").filter(Boolean)).toEqual([
      "hostile/external-entity.xml:2: import: refused: its document type declares entities, which could read other files or expand without end; nothing in it was expanded or fetched (remove the <!ENTITY …> declarations)",
      "hostile/nested-entities.xml:3: import: refused: its document type declares entities, which could read other files or expand without end; nothing in it was expanded or fetched (remove the <!ENTITY …> declarations)",
      "hostile/not-text.xml:1: import: the file is not text (it holds NUL bytes)",
      "hostile/truncated-export.xml:75: import: the file ends inside <guid>: it was cut short, or an element is never closed",
      "hostile/unknown-root.xml:1: import: an XML document of a kind the importer does not read (its root element is <catalog>); it reads WordPress exports, RSS and Atom feeds, NewsML-G2 and NITF",
    ]);
    expect(stdout).toContain("Imported 0 articles from 5 exports");
    // The truncated export's first post was read before the file ended: it is not written either.
    expect(await filesUnder(cwd, "content")).toEqual([]);
  });

  it("finds the root element past a long comment, and refuses what the document type declares there", async () => {
    const cwd = await project();
    const nested = await readFile(join(fixtures, "hostile/nested-entities.xml"), "utf8");
    await writeFile(
      join(cwd, "late.xml"),
      nested.replace("<!DOCTYPE", `<!--${" ".repeat(200_000)}-->\n<!DOCTYPE`),
    );
    const { code, stderr } = await importInto(cwd, ["late.xml"]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      "late.xml:4: import: refused: its document type declares entities, which could read other files or expand without end; nothing in it was expanded or fetched (remove the <!ENTITY …> declarations)\n",
    );
  });
});
