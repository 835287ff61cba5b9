import { describe, expect, it } from "vitest";
import { findStrayFiles, isArticleFile } from "../../../src/articles/article-files";

describe("findStrayFiles", () => {
  it("accepts articles, images beside them and hidden files", () => {
    expect(
      findStrayFiles([
        "2016/06/talks.md",
        "2016/06/images/a.JPG",
        "2014/b.webp",
        "c.svg",
        ".gitkeep",
        "2016/.DS_Store",
      ]),
    ).toEqual([]);
  });

  it("asks for a lower-case .md on other Markdown endings", () => {
    expect(findStrayFiles(["2020/a.MD", "2020/b.markdown"])).toEqual([
      { path: "2020/a.MD", message: "article files must end in .md (lower case); rename it to a.md" },
      { path: "2020/b.markdown", message: "article files must end in .md (lower case); rename it to b.md" },
    ]);
  });

  it("names any other file the build would ignore", () => {
    expect(findStrayFiles(["2020/notes.txt", "README"])).toEqual([
      {
        path: "2020/notes.txt",
        message:
          "not an article (.md) or an image, so the build would ignore it; move it out of the articles folder",
      },
      {
        path: "README",
        message:
          "not an article (.md) or an image, so the build would ignore it; move it out of the articles folder",
      },
    ]);
  });

  it("leaves hidden folders alone, except for an article the build would skip there", () => {
    expect(findStrayFiles([".obsidian/app.json", "2020/.notes/todo.txt", "2020/.notes/hidden.md"])).toEqual([
      {
        path: "2020/.notes/hidden.md",
        message: "this article is in a hidden folder, which the build skips; move it out",
      },
    ]);
  });
});

describe("isArticleFile", () => {
  it("reads .md files outside hidden folders as articles", () => {
    expect(isArticleFile("2016/06/talks.md")).toBe(true);
    expect(isArticleFile("talks.md")).toBe(true);
    expect(isArticleFile(".notes/talks.md")).toBe(false);
    expect(isArticleFile("2016/.drafts/talks.md")).toBe(false);
    expect(isArticleFile("2016/06/talks.MD")).toBe(false);
    expect(isArticleFile("2016/06/images/photo.jpg")).toBe(false);
  });
});
