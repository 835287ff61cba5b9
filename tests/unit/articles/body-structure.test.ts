import { describe, expect, it } from "vitest";
import { findBodyImages, findBodyStructureProblems } from "../../../src/articles/body-structure";

const NO_TEXT = "the article has no text: write its body below the frontmatter";
const TOP_HEADING =
  "a top-level heading (# …) in the body would compete with the headline; use ## for the article's section headings";

describe("findBodyStructureProblems", () => {
  it.each([
    ["an empty body", ""],
    ["only blank lines", "\n\n   \n"],
    ["only a comment", "<!-- TODO: write the story -->\n"],
    ["only a reference definition", "[minutes]: https://example.org/minutes\n"],
    ["an unclosed comment", "<!-- draft notes\nmore notes\n"],
  ])("refuses %s as an article with no text", (_, body) => {
    expect(findBodyStructureProblems(body)).toEqual([{ line: 1, message: NO_TEXT }]);
  });

  it("accepts ordinary paragraphs, ## headings and a # that is not a heading", () => {
    expect(
      findBodyStructureProblems("First paragraph.\n\n## Background\n\nIssue #4 of the bulletin.\n"),
    ).toEqual([]);
  });

  it("refuses # and setext === headings with their lines, not ones inside code", () => {
    const body = [
      "Intro.", //                   1
      "", //                         2
      "# A second headline", //      3
      "", //                         4
      "```", //                      5
      "# not a heading in code", //  6
      "```", //                      7
      "", //                         8
      "Another headline", //         9
      "================", //         10
    ].join("\n");
    expect(findBodyStructureProblems(body)).toEqual([
      { line: 3, message: TOP_HEADING },
      { line: 9, message: TOP_HEADING },
    ]);
  });

  it("keeps a one-line editor's note that only looks like a link definition", () => {
    expect(findBodyStructureProblems("[Update]: The minister resigned on Friday.\n")).toEqual([]);
  });

  it("finds top-level headings inside quotes and lists, and raw <h1>, with their lines", () => {
    const body = [
      "Intro.",
      "",
      "> # Quoted headline",
      "",
      "- # Listed headline",
      "",
      "<h1>Raw headline</h1>",
    ].join("\n");
    expect(findBodyStructureProblems(body)).toEqual([
      { line: 3, message: TOP_HEADING },
      { line: 5, message: TOP_HEADING },
      { line: 7, message: TOP_HEADING },
    ]);
  });

  it("accepts #hashtags and a sentence that starts with a number and a #", () => {
    expect(findBodyStructureProblems("#harbour lights up tonight.\n\n1. #2 on the list\n")).toEqual([]);
  });
});

describe("findBodyImages", () => {
  it("lists local images shown inline, by reference and as raw <img>, with their lines", () => {
    const body = [
      "Intro with ![map](./images/map.png).", //           1
      "", //                                                 2
      "![chart][c]", //                                      3
      "", //                                                 4
      '<p>Before</p>\n<img alt="x" src="images/raw.jpg">', // 5-6
      "", //                                                 7
      "![remote](https://example.org/a.png) ![anchor](#top)", // 8
      "", //                                                 9
      "[c]: ./images/chart.svg", //                          10
    ].join("\n");
    expect(findBodyImages(body)).toEqual([
      { line: 1, src: "./images/map.png", kind: "markdown" },
      { line: 3, src: "./images/chart.svg", kind: "reference" },
      { line: 6, src: "images/raw.jpg", kind: "html" },
    ]);
  });

  it("passes over an <img> inside an HTML comment", () => {
    const body =
      'Text.\n\n<!-- old: <img src="./images/removed.jpg" alt="gone"> -->\n<img src="./images/kept.jpg">\n';
    expect(findBodyImages(body)).toEqual([{ line: 4, src: "./images/kept.jpg", kind: "html" }]);
  });

  it("finds nothing in a body without images", () => {
    expect(findBodyImages("Just [a link](./other.md) and text.\n")).toEqual([]);
  });
});
