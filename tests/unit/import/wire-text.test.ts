import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateArticleSource } from "../../../src/articles/validate-article";
import { parseWireExport, wireImportedArticle } from "../../../src/import/formats/wire-text";
import { formatImportedArticle } from "../../../src/import/imported-article";
import { createArticleSchema } from "../../../src/articles/schema/article";

const wireDir = join(import.meta.dirname, "../../fixtures/wire");
const readExport = (name: string): string => readFileSync(join(wireDir, name), "utf8");
const schema = createArticleSchema({ defaultLanguage: "en", timezone: "UTC" });

const TODAY = "2026-12-06";

/** The article file an export becomes, as `npm run import` writes it (a draft unless `publish`). */
function convert(text: string, options: { publish?: boolean } = {}): string {
  const result = parseWireExport(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return formatImportedArticle(wireImportedArticle(result, TODAY), options);
}

/** The article file an export becomes, checked by the archive's own rules. */
function convertAndValidate(text: string) {
  const file = convert(text);
  const result = validateArticleSource(file, "imported.md", schema, { imageExists: () => false });
  if (!result.ok)
    throw new Error(result.problems.map((p) => `${p.line}: ${p.field}: ${p.message}`).join("\n"));
  return result.article;
}

describe("parseWireExport", () => {
  it("reads headline, date, byline, photos, agency, rights and source, and drops the copyright notice", () => {
    const article = convertAndValidate(readExport("ferry-returns.txt"));
    expect(article.data.title).toBe("Kellsport ferry returns to service after winter repairs");
    expect(article.data.published.written).toBe("2021-03-03");
    expect(article.data.byline).toEqual(["Maria Okafor"]);
    expect(article.data.agency).toBe("Kellsport Wire");
    expect(article.data.rights).toBe("© 2021 Kellsport Wire. All rights reserved.");
    expect(article.data.source).toEqual({
      publisher: "News.example.org",
      url: "https://news.example.org/2021-03-kellsport-ferry-returns.html",
      retrieved: expect.objectContaining({ written: "2024-05-05" }),
      id: expect.stringMatching(/^wire-text:[0-9a-f]{20}$/),
    });
    expect(article.data.images).toEqual([
      {
        caption: "Passengers board the Harbour Queen at the Kellsport pier on Wednesday, March 3, 2021.",
        credit: "Tomas Berg/Kellsport Wire",
      },
      {
        caption: "A mechanic checks the ferry's new engine in the Kellsport yard, Tuesday, March 2, 2021.",
        credit: "Tomas Berg/Kellsport Wire",
      },
    ]);
    expect(article.data.draft).toBe(true);
    const paragraphs = article.body.trim().split("\n\n");
    expect(paragraphs).toHaveLength(4);
    // A paragraph the export broke in two is whole again.
    expect(paragraphs[0]).toBe(
      "The Harbour Queen carried its first passengers of the year on Wednesday, after a winter in dry dock that left the island without a daily crossing for eleven weeks.",
    );
    expect(article.body).not.toMatch(/[Cc]opyright|Citation:|©|Tomas Berg/);
  });

  it("notes what an editor should look at: a paragraph joined again, a caption-like paragraph without credit", () => {
    const result = parseWireExport(readExport("ferry-returns.txt"));
    expect(result.ok && result.notes).toEqual([
      { line: 16, message: "joined to the paragraph above it, which the export had broken off mid-sentence" },
    ]);
    const text = "# Headline\n\nMarch 3 2021\n\n---\n\nFirst.\n\n\n\nA pier at dawn, without a credit.\n";
    const loose = parseWireExport(text);
    expect(loose.ok && loose.notes).toEqual([
      { line: 11, message: expect.stringContaining("set off like a photo caption but without a credit") },
    ]);
    expect(loose.ok && loose.article.body).toBe("First.\n\nA pier at dawn, without a credit.\n");
  });

  it("converts an export without a byline", () => {
    const article = convertAndValidate(readExport("no-byline.txt"));
    expect(article.data.byline).toEqual([]);
    expect(article.data.published.written).toBe("2022-09-12");
    expect(article.data.agency).toBe("Brennock Gazette");
    expect(article.data.source?.publisher).toBe("Gazette.example.org");
  });

  it("splits several bylines and reads abbreviated months and a holder written with 'The'", () => {
    const article = convertAndValidate(readExport("several-bylines.txt"));
    expect(article.data.byline).toEqual(["Ann Lee", "Bo Chen", "Cy Dunn"]);
    expect(article.data.published.written).toBe("2023-01-07");
    expect(article.data.agency).toBe("Coastal Press");
    expect(article.data.images).toEqual([
      {
        caption: "Divers measure a wall of the drowned village off Lessmouth.",
        credit: "Ann Lee/Coastal Press",
      },
    ]);
  });

  it("converts an export without photos", () => {
    const article = convertAndValidate(readExport("no-photos.txt"));
    expect(article.data.images).toEqual([]);
    expect(article.body.trim().split("\n\n")).toHaveLength(2);
  });

  it("converts an export without a citation line: the agency is the source, retrieved on the day of the import", () => {
    const article = convertAndValidate(readExport("no-citation.txt"));
    expect(article.data.source).toEqual({
      publisher: article.data.agency ?? "Wire text export",
      retrieved: expect.objectContaining({ written: TODAY }),
      id: expect.stringMatching(/^wire-text:/),
    });
    expect(article.data.images).toHaveLength(1);
  });

  it("reads Windows and old Mac line endings like Unix ones", () => {
    const unix = convert(readExport("ferry-returns.txt"));
    expect(convert(readExport("ferry-returns.txt").replace(/\n/g, "\r\n"))).toEqual(unix);
    expect(convert(readExport("ferry-returns.txt").replace(/\n/g, "\r"))).toEqual(unix);
    expect(convert(`\uFEFF${readExport("ferry-returns.txt")}`)).toEqual(unix);
  });

  it("keeps the export's text as text: nothing in it becomes a heading, list, HTML or link", () => {
    const article = convertAndValidate(readExport("markdown-characters.txt"));
    expect(article.body).toContain("1\\. The sea wall at Kellsport, which \\*must\\* be finished first.");
    expect(article.body).toContain("\\# and the old pier");
    expect(article.body).toContain("\\<b>Residents\\</b>");
  });

  it.each([
    ["no-headline.txt", 1, 'no headline: the export must start with "# Headline"'],
    [
      "bad-date.txt",
      3,
      'the line under the headline should be the date and byline, e.g. "March 3 2021, by Ann Lee", not "Last Tuesday, by Maria Okafor"',
    ],
    [
      "text-after-copyright.txt",
      11,
      'unexpected text after the copyright and citation lines: "Related: other stories about the ferry."',
    ],
    ["bad-citation.txt", 9, "could not read the citation line"],
  ])("refuses %s, saying which line it could not place", (name, line, message) => {
    const result = parseWireExport(readExport(name));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ line, message: expect.stringContaining(message) }]);
  });

  it("refuses an export with no story text, or no --- line", () => {
    expect(parseWireExport("# Headline\n\nMarch 3 2021\n\n---\n")).toEqual({
      ok: false,
      problems: [{ line: 5, message: "the export has no story text after the --- line" }],
    });
    expect(parseWireExport("# Headline\n\nMarch 3 2021\n\nText.\n")).toMatchObject({
      ok: false,
      problems: [{ line: 5, message: expect.stringContaining("expected a line of three dashes") }],
    });
  });

  it.each([
    ["June 14, 2016, by Ann Lee", ["Ann Lee"]],
    ["Jun. 14 2016 By Ann Lee and Bo Chen", ["Ann Lee", "Bo Chen"]],
    ["Sept 14 2016, by Ann Lee, Bo Chen, and Cy Dunn", ["Ann Lee", "Bo Chen", "Cy Dunn"]],
    ["June 14 2016, by Ann Lee & Bo Chen", ["Ann Lee", "Bo Chen"]],
  ])("reads the date line %j", (line, byline) => {
    const article = convertAndValidate(`# Headline\n\n${line}\n\n---\n\nText.\n`);
    expect(article.data.published.written).toMatch(/^2016-0[69]-14$/);
    expect(article.data.byline).toEqual(byline);
  });

  it("refuses a date that is not a day of the calendar", () => {
    expect(parseWireExport("# Headline\n\nFebruary 30 2021\n\n---\n\nText.\n")).toMatchObject({
      ok: false,
      problems: [{ line: 3 }],
    });
  });
});

describe("the article file of a wire text export", () => {
  it("is a draft unless asked to publish", () => {
    expect(convert(readExport("no-photos.txt"))).toMatch(/\ndraft: true\n/);
    expect(convert(readExport("no-photos.txt"), { publish: true })).not.toContain("draft");
  });

  it("quotes what YAML would misread", () => {
    const file = convert("# Talks: what comes next #1\n\nMarch 3 2021, by O'Neil\n\n---\n\nText.\n");
    const result = validateArticleSource(file, "x.md", schema);
    expect(result.ok && result.article.data.title).toBe("Talks: what comes next #1");
    expect(result.ok && result.article.data.byline).toEqual(["O'Neil"]);
  });
});
