import { describe, expect, it } from "vitest";
import { splitCredit } from "../../../src/lib/photo-credit";
import { htmlToMarkdown, htmlToText } from "../../../src/import/body/html-to-markdown";
import { expandShortcodes, wrapParagraphs } from "../../../src/import/body/wordpress-html";

describe("htmlToMarkdown", () => {
  it("keeps text, links, emphasis, lists, quotes and tables with their column alignment", () => {
    const { markdown, removed } = htmlToMarkdown(
      '<h2>Tides</h2><p>See <a href="https://example.org/t">the <em>table</em></a>.</p><ol><li>one</li><li>two</li></ol>' +
        '<blockquote><p>Quoted</p></blockquote><table><tr><th>Port</th><th style="text-align: right">Ships</th></tr><tr><td>Kell</td><td align="right">4</td></tr></table>',
    );
    expect(markdown).toBe(
      "## Tides\n\nSee [the _table_](https://example.org/t).\n\n1. one\n2. two\n\n> Quoted\n\n| Port | Ships |\n| ---- | ----: |\n| Kell |     4 |\n",
    );
    expect(removed).toEqual([]);
  });

  it("removes what an article may not hold and says what, counted by kind", () => {
    const { markdown, removed } = htmlToMarkdown(
      '<p onclick="a()" onmouseover="b()">Text</p><script>x()</script><script>y()</script><style>p{}</style>' +
        '<iframe src="https://video.example.net/e/1"></iframe><object data="https://x.example/f.swf"></object>' +
        '<p><a href="javascript:alert(1)">party</a> <a href=" JaVaScRiPt:alert(1)">again</a></p><img src="https://t.example/p.gif" width="1" height="1">',
    );
    expect(markdown).toBe("Text\n\nparty again\n");
    expect(removed).toEqual([
      "1 onclick handler",
      "1 onmouseover handler",
      "2 <script>",
      "1 <style>",
      "1 <iframe> (video.example.net)",
      "1 <object> (x.example)",
      "2 script link (kept as text)",
      "1 tracking pixel (t.example)",
    ]);
  });

  it("takes photos out of the text with their captions, alt text and credits", () => {
    const { markdown, images } = htmlToMarkdown(
      '<p>Before</p><figure><img src="/a.jpg" alt="A ferry"><figcaption>The ferry. Photo: Ann Lee</figcaption></figure><p>After <img src="/b.jpg" alt="Inline"></p>',
    );
    expect(markdown).toBe("Before\n\nAfter\n");
    expect(images).toEqual([
      { url: "/a.jpg", alt: "A ferry", caption: "The ferry.", credit: "Ann Lee" },
      { url: "/b.jpg", alt: "Inline" },
    ]);
  });

  it("keeps the caption of a figure that is not a photo, and a photo whose name only sounds like a tracker", () => {
    const { markdown, images, removed } = htmlToMarkdown(
      '<figure class="wp-block-table"><table><tr><th>Day</th></tr><tr><td>Mon</td></tr></table><figcaption>Opening days</figcaption></figure>' +
        '<img src="https://news.example/uploads/track-meet.jpg" alt="Runners"><img src="https://pixel.wp.com/g.gif?v=1">',
    );
    expect(markdown).toBe("| Day |\n| --- |\n| Mon |\n\nOpening days\n");
    expect(images).toEqual([{ url: "https://news.example/uploads/track-meet.jpg", alt: "Runners" }]);
    expect(removed).toEqual(["1 tracking pixel (pixel.wp.com)"]);
  });

  it("writes Markdown's own characters in text so that they stay text", () => {
    expect(htmlToMarkdown("<p>*not emphasis* and 1. not a list &lt;b&gt;</p>").markdown).toBe(
      "\\*not emphasis\\* and 1. not a list \\<b>\n",
    );
  });

  it("reads text out of an HTML excerpt", () => {
    expect(htmlToText("<p>The <b>ferry</b>&nbsp;returns.</p><script>x()</script>")).toBe(
      "The ferry returns.",
    );
  });
});

describe("splitCredit", () => {
  it.each([
    [
      "The ferry at dawn. Photo: Ann Lee/Coast Photos",
      { caption: "The ferry at dawn.", credit: "Ann Lee/Coast Photos" },
    ],
    ["The ferry at dawn (Photo by Ann Lee)", { caption: "The ferry at dawn.", credit: "Ann Lee" }],
    ["Crowds at the quay. Credit: Harbour Wire", { caption: "Crowds at the quay.", credit: "Harbour Wire" }],
    ["Photograph: Ann Lee for the Courier", { credit: "Ann Lee for the Courier" }],
    ["The old map. Image courtesy of the museum", { caption: "The old map.", credit: "the museum" }],
    ["A photographer at work", { caption: "A photographer at work" }],
    ["", {}],
  ])("%s", (text, expected) => {
    expect(splitCredit(text)).toEqual(expected);
  });
});

describe("WordPress post HTML", () => {
  it("makes paragraphs of blank-line-separated text, keeping single line breaks, and leaves blocks alone", () => {
    expect(wrapParagraphs("One\ntwo\n\n<ul><li>x</li></ul>\n\n<!-- wp:paragraph -->\n<p>Three</p>")).toBe(
      "<p>One<br>\ntwo</p>\n<ul><li>x</li></ul>\n<!-- wp:paragraph -->\n<p>Three</p>",
    );
  });

  it("turns [caption] into a figure, [embed] into a link, and removes media shortcodes", () => {
    const result = expandShortcodes(
      '[caption id="attachment_1" width="300"]<a href="/a.jpg"><img src="/a.jpg" alt="Quay"></a> The quay. Photo: Ann Lee[/caption]\n[embed]https://www.video.example/watch?v=1[/embed]\n[gallery ids="1,2"]',
    );
    expect(result.html).toBe(
      '<figure><a href="/a.jpg"><img src="/a.jpg" alt="Quay"></a><figcaption>The quay. Photo: Ann Lee</figcaption></figure>\n\n\n<p><a href="https://www.video.example/watch?v=1">https://www.video.example/watch?v=1</a></p>\n\n\n',
    );
    expect(result.removed).toEqual(["[gallery] shortcode"]);
    expect(result.notes).toEqual(["an embedded item (video.example) is kept as a link to it"]);
  });
});
