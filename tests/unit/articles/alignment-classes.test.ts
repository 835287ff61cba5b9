import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/articles/markdown";

describe("table columns aligned in Markdown", () => {
  it("are rendered with a class for each alignment, and no style attribute anywhere", async () => {
    const { html } = await renderMarkdown(
      "| Port | Ferries | Share |\n| :--- | ---: | :---: |\n| Kellsport | 12 | 40% |\n\n| Plain |\n| --- |\n| x |\n",
      { base: "/", filePath: "/tmp/article.md", frontmatter: {} },
    );
    expect(html).not.toContain("style=");
    expect([...html.matchAll(/<t[hd]( class="[^"]+")?>/g)].map((m) => m[1] ?? "")).toEqual([
      ' class="align-left"',
      ' class="align-right"',
      ' class="align-center"',
      ' class="align-left"',
      ' class="align-right"',
      ' class="align-center"',
      "",
      "",
    ]);
  });
});
