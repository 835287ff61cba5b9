import { describe, expect, it } from "vitest";
import { findMarkdownProblems } from "../../../src/articles/markdown-lints";

const pages = new Set(["/2016/06/14/talks/", "/topics/harbours/"]);
const context = {
  isSitePath: (path: string) => pages.has(path.replace(/[?#].*$/, "")),
  siteUrl: "https://news.example.org/archive",
};
const lint = (body: string) => findMarkdownProblems(body, context);

describe("findMarkdownProblems", () => {
  it("finds nothing in a body with good links and images", () => {
    expect(
      lint(
        'See [the talks](/2016/06/14/talks/#reactions), [harbours](/topics/harbours/?page=1), [a site](https://example.org/).\n\n![A pier at dawn](./pier.jpg "The pier. Photo: Ana Lind")\n',
      ),
    ).toEqual([]);
  });

  it("reports an image without alt text, on its line", () => {
    expect(lint('Text.\n\n![](./images/pier.jpg "Credit: Ana Lind")\n')).toEqual([
      { line: 3, message: expect.stringContaining("the image ./images/pier.jpg has no alt text") },
    ]);
    expect(lint('<img src="https://example.org/a.png">\n')).toEqual([
      { line: 1, message: expect.stringContaining("has no alt text") },
    ]);
    expect(lint('<img src="https://example.org/a.png" alt="A map">\n')).toEqual([]);
  });

  it("reports links without text or without an address", () => {
    expect(lint("One [](https://example.org/) two.\n")).toEqual([
      { line: 1, message: expect.stringContaining("a link with no text") },
    ]);
    expect(lint("One [the report]() two.\n")).toEqual([
      { line: 1, message: expect.stringContaining("a link with no address") },
    ]);
    expect(
      lint("One [`code`](https://example.org/) and [![A map](./m.png)](https://example.org/).\n"),
    ).toEqual([]);
  });

  it("reports links to the site's own addresses that no page has, root-relative or absolute", () => {
    expect(
      lint(
        "Para.\n\n[old](/2016/06/15/talks/) and [abs](https://news.example.org/archive/topics/nope/)\n\n[ref]: /no/such/page/\n",
      ),
    ).toEqual([
      { line: 3, message: expect.stringContaining("no page of the site at /2016/06/15/talks/") },
      { line: 3, message: expect.stringContaining("no page of the site at /topics/nope/") },
      { line: 5, message: expect.stringContaining("no page of the site at /no/such/page/") },
    ]);
  });

  it("leaves other sites and code alone", () => {
    expect(lint("[x](https://news.example.org/other/) `[y](/nope/)`\n\n    [z](/nope/)\n")).toEqual([]);
  });
});
