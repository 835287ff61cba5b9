import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../../src/import/detect-format";
import { textOf } from "../../../src/import/xml/element";
import { readXmlElements } from "../../../src/import/xml/read-elements";

async function file(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "xml-")), "export.xml");
  await writeFile(path, text);
  return path;
}

async function read(path: string): Promise<string[]> {
  const titles: string[] = [];
  const keep = (_e: unknown, ancestors: readonly { local: string }[]) =>
    ancestors.at(-1)?.local === "channel";
  for await (const element of readXmlElements(path, { keep }))
    titles.push(`${element.local}:${textOf(element)}`);
  return titles;
}

describe("readXmlElements", () => {
  it("yields the kept elements whole, one by one, text and CDATA joined", async () => {
    const path = await file(
      "<rss><channel><title>T</title><item>A<![CDATA[<b>B</b>]]>C</item><item><x>D</x></item></channel></rss>",
    );
    expect(await read(path)).toEqual(["title:T", "item:A<b>B</b>C", "item:D"]);
  });

  it("refuses a document type that declares entities wherever it is, before expanding one", async () => {
    const path = await file(
      `<?xml version="1.0"?>\n<!--${" ".repeat(3_000_000)}-->\n<!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<rss><channel><item>&b;</item></channel></rss>`,
    );
    await expect(read(path)).rejects.toMatchObject({
      line: 3,
      message: expect.stringMatching(/^refused: its document type declares entities/),
    });
  });

  it("names the line where a file stops being well-formed, or where it ends too soon", async () => {
    await expect(read(await file("<rss>\n<channel>\n<item></channel>\n</rss>"))).rejects.toMatchObject({
      line: 3,
      message: "not well-formed XML: unexpected close tag.",
    });
    await expect(read(await file("<rss>\n<channel>\n<item>"))).rejects.toMatchObject({
      line: 3,
      message: "the file ends inside <item>: it was cut short, or an element is never closed",
    });
    await expect(read(await file("<rss><channel><item>&nbsp;</item></channel></rss>"))).rejects.toMatchObject(
      {
        message: expect.stringContaining("undefined entity"),
      },
    );
  });
});

describe("detectFormat", () => {
  it("knows each format by what the file holds, not by its name", async () => {
    const cases: [string, string][] = [
      [
        '<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel/></rss>',
        "wordpress",
      ],
      ['<rss version="2.0"><channel/></rss>', "rss"],
      ['<feed xmlns="http://www.w3.org/2005/Atom"/>', "atom"],
      ['<!-- x --><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g"/>', "newsml-g2"],
      ['<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>', "newsml-g2"],
      ['<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "nitf-3-5.dtd">\n<nitf/>', "nitf"],
      ["\uFEFFHarbour reopens\n\nMarch 3 2021, by Ann Lee", "wire-text"],
      // A post that quotes a document type declaring entities is text, not the feed's own.
      [
        '<!DOCTYPE rss>\n<rss version="2.0"><channel><item><description><![CDATA[<!DOCTYPE x [<!ENTITY a "b">]>]]></description></item></channel></rss>',
        "rss",
      ],
    ];
    for (const [text, format] of cases)
      expect(await detectFormat(await file(text))).toEqual({ ok: true, format });
  });

  it("says why a file is none of them", async () => {
    expect(await detectFormat(await file(""))).toEqual({ ok: false, reason: "the file is empty" });
    expect(await detectFormat(await file('<feed xmlns="urn:other"/>'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("its root element is <feed>"),
    });
  });
});
