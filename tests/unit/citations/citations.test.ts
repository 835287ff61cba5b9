import { describe, expect, it } from "vitest";
import { citationText, citeArticle, splitName, type CitableArticle } from "../../../src/citations/citations";
import { parseWrittenDate } from "../../../src/lib/dates";

const context = { url: "https://archive.example.org/2015/03/09/night-ferry/", siteName: "The News Archive" };
const published = parseWrittenDate("2015-03-09T08:15:00+05:30", "UTC");

const cite = (article: CitableArticle) =>
  Object.fromEntries(citeArticle(article, context).map((c) => [c.style, citationText(c)]));

describe("citeArticle", () => {
  it("cites an archived copy with its original source in every style", () => {
    const citations = cite({
      title: "Night ferry returns to the quay",
      byline: ["Maria Okafor", "Tomás Ferreira"],
      agency: "Coastline News Service",
      published,
      source: { publisher: "Kellsport Gazette", url: "https://gazette.example.net/night-ferry.html" },
    });
    expect(citations.apa).toBe(
      "Okafor, M., & Ferreira, T. (2015, March 9). Night ferry returns to the quay. Kellsport Gazette. Archived by The News Archive. https://archive.example.org/2015/03/09/night-ferry/",
    );
    expect(citations.mla).toBe(
      "Okafor, Maria, and Tomás Ferreira. “Night ferry returns to the quay.” Kellsport Gazette, 9 Mar. 2015, gazette.example.net/night-ferry.html. The News Archive, archive.example.org/2015/03/09/night-ferry/.",
    );
    expect(citations.chicago).toBe(
      "Okafor, Maria, and Tomás Ferreira. “Night ferry returns to the quay.” Kellsport Gazette, March 9, 2015. https://gazette.example.net/night-ferry.html. Archived by The News Archive, https://archive.example.org/2015/03/09/night-ferry/.",
    );
    expect(citations.bibtex).toBe(
      [
        "@misc{okafor2015night,",
        "  author = {{Okafor}, {Maria} and {Ferreira}, {Tomás}},",
        "  title = {{Night ferry returns to the quay}},",
        "  howpublished = {Kellsport Gazette},",
        "  year = {2015},",
        "  month = mar,",
        "  date = {2015-03-09},",
        "  url = {https://archive.example.org/2015/03/09/night-ferry/},",
        "  note = {Originally published by Kellsport Gazette, \\url{https://gazette.example.net/night-ferry.html}; archived by The News Archive}",
        "}",
      ].join("\n"),
    );
  });

  it("sets the publication's name in italics", () => {
    const [apa, mla] = citeArticle({ title: "T", byline: ["Ann Lee"], published }, context);
    expect(apa!.parts.filter((p) => p.italic).map((p) => p.text)).toEqual(["The News Archive"]);
    expect(mla!.parts.filter((p) => p.italic).map((p) => p.text)).toEqual(["The News Archive"]);
  });

  it("cites an article without byline or source by its title and the archive", () => {
    const citations = cite({
      title: "Parish notice board repainted",
      byline: [],
      published: parseWrittenDate("2014-11-20", "UTC"),
    });
    expect(citations.apa).toBe(
      "Parish notice board repainted. (2014, November 20). The News Archive. https://archive.example.org/2015/03/09/night-ferry/",
    );
    expect(citations.mla).toBe(
      "“Parish notice board repainted.” The News Archive, 20 Nov. 2014, archive.example.org/2015/03/09/night-ferry/.",
    );
    expect(citations.chicago).toBe(
      "“Parish notice board repainted.” The News Archive, November 20, 2014. https://archive.example.org/2015/03/09/night-ferry/.",
    );
    expect(citations.bibtex).toBe(
      [
        "@misc{parish2014,",
        "  title = {{Parish notice board repainted}},",
        "  howpublished = {The News Archive},",
        "  year = {2014},",
        "  month = nov,",
        "  date = {2014-11-20},",
        "  url = {https://archive.example.org/2015/03/09/night-ferry/}",
        "}",
      ].join("\n"),
    );
  });

  it("names the agency as the author when there is no byline", () => {
    const citations = cite({ title: "Storm warning", byline: [], agency: "Fixture Wire", published });
    expect(citations.apa).toBe(
      "Fixture Wire. (2015, March 9). Storm warning. The News Archive. https://archive.example.org/2015/03/09/night-ferry/",
    );
    expect(citations.mla).toBe(
      "Fixture Wire. “Storm warning.” The News Archive, 9 Mar. 2015, archive.example.org/2015/03/09/night-ferry/.",
    );
    expect(citations.bibtex).toContain("  author = {{Fixture Wire}},\n");
  });

  it("lists three authors as each style does: APA all, MLA the first et al., Chicago all", () => {
    const citations = cite({
      title: "Flood?",
      byline: ["Lars Nilsson", "Priya Raman", "Ann Lee"],
      published,
    });
    expect(citations.apa).toBe(
      "Nilsson, L., Raman, P., & Lee, A. (2015, March 9). Flood? The News Archive. https://archive.example.org/2015/03/09/night-ferry/",
    );
    expect(citations.mla).toBe(
      "Nilsson, Lars, et al. “Flood?” The News Archive, 9 Mar. 2015, archive.example.org/2015/03/09/night-ferry/.",
    );
    expect(citations.chicago).toBe(
      "Nilsson, Lars, Priya Raman, and Ann Lee. “Flood?” The News Archive, March 9, 2015. https://archive.example.org/2015/03/09/night-ferry/.",
    );
  });

  it("escapes TeX's special characters in BibTeX and keeps a name with 'and' whole", () => {
    const citations = cite({
      title: "50% of {all} #1 & more_ok",
      byline: ["Smith and Jones"],
      source: { publisher: "A & B" },
      published,
    });
    expect(citations.bibtex).toContain("  author = {{Jones}, {Smith and}},");
    expect(citations.bibtex).toContain("  title = {{50\\% of \\{all\\} \\#1 \\& more\\_ok}},");
    expect(citations.bibtex).toContain(
      "  note = {Originally published by A \\& B; archived by The News Archive}",
    );
  });
});

describe("splitName", () => {
  it("takes the last word as the family name, or the part before a comma", () => {
    expect(splitName("José Álvarez")).toEqual({ family: "Álvarez", given: "José" });
    expect(splitName("Mary Anne O'Neill")).toEqual({ family: "O'Neill", given: "Mary Anne" });
    expect(splitName("Guo, Shengkun")).toEqual({ family: "Guo", given: "Shengkun" });
    expect(splitName("Madonna")).toEqual({ family: "Madonna", given: "" });
  });
});
