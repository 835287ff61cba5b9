import { describe, expect, it } from "vitest";
import { findUnsafeMarkup, isScriptUrl, type MarkupProblem } from "../../../src/articles/unsafe-markup";

const RAW_SCRIPT =
  "raw <script> is not allowed in an article; article bodies never run script or embed other pages (to show the tag as text, put it in backticks: `<script>`)";
const RAW_IFRAME =
  "raw <iframe> is not allowed in an article; article bodies never run script or embed other pages (to show the tag as text, put it in backticks: `<iframe>`)";

const lines = (problems: readonly MarkupProblem[]): number[] => problems.map((p) => p.line);

describe("isScriptUrl", () => {
  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0001javascript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
  ])("treats %j as script", (url) => {
    expect(isScriptUrl(url)).toBe(true);
  });

  it.each([
    "https://example.org/javascript:intro",
    "/guides/javascript/",
    "./javascript.html",
    "mailto:desk@example.org",
    "#javascript",
  ])("treats %j as an ordinary URL", (url) => {
    expect(isScriptUrl(url)).toBe(false);
  });
});

describe("findUnsafeMarkup: raw elements", () => {
  it("finds a raw <script> block on its body line", () => {
    const body = "First paragraph.\n\n<script>\ndocument.title = 'x';\n</script>\n\nLast paragraph.\n";
    expect(findUnsafeMarkup(body)).toEqual([{ line: 3, message: RAW_SCRIPT }]);
  });

  it("finds an inline <script> inside a paragraph", () => {
    const body = "Intro line.\nThe vote was close <script>steal()</script> on Tuesday.\n";
    expect(findUnsafeMarkup(body)).toEqual([{ line: 2, message: RAW_SCRIPT }]);
  });

  it("finds upper-case tags", () => {
    expect(findUnsafeMarkup('<SCRIPT SRC="https://x.example/a.js"></SCRIPT>\n')).toEqual([
      { line: 1, message: RAW_SCRIPT },
    ]);
  });

  it("gives the line of an <iframe> nested in a <div> block, not the block's first line", () => {
    const body = [
      "Opening paragraph.", //                     1
      "", //                                        2
      '<div class="embed">', //                     3
      "<p>Watch the council meeting:</p>", //       4
      '<iframe src="https://video.example.com/council"></iframe>', // 5
      "</div>", //                                  6
    ].join("\n");
    expect(findUnsafeMarkup(body)).toEqual([{ line: 5, message: RAW_IFRAME }]);
  });

  it.each(["object", "embed"])("finds other active embeds: <%s>", (tag) => {
    const problems = findUnsafeMarkup(`Text.\n\n<${tag}></${tag}>\n`);
    expect(problems.map((p) => p.message)).toContain(
      `raw <${tag}> is not allowed in an article; article bodies never run script or embed other pages (to show the tag as text, put it in backticks: \`<${tag}>\`)`,
    );
    expect(problems[0]?.line).toBe(3);
  });

  it("gives each of two iframes in one block its own line", () => {
    const body = "<div>\n<iframe src=a></iframe>\n<p>Between</p>\n<iframe src=b></iframe>\n</div>\n";
    expect(lines(findUnsafeMarkup(body))).toEqual([2, 4]);
  });
});

describe("findUnsafeMarkup: event handlers", () => {
  it("finds an onclick= handler with the element it is on", () => {
    const body = 'Click <a href="#" onclick="steal()">here</a> for more.\n';
    expect(findUnsafeMarkup(body)).toEqual([
      {
        line: 1,
        message: "the inline event handler onclick= on <a> is not allowed; article bodies never run script",
      },
    ]);
  });

  it("finds handlers on later lines of a block, in any case", () => {
    const body = 'Text.\n\n<p>\nA photo:\n<img src="pier.jpg" ONERROR="steal()">\n</p>\n';
    expect(findUnsafeMarkup(body)).toEqual([
      {
        line: 5,
        message: "the inline event handler onerror= on <img> is not allowed; article bodies never run script",
      },
    ]);
  });

  it("gives the handler's own line even when the word appears earlier in the block", () => {
    const body = '<p>Readers asked about onclick handlers.</p>\n<p>\n<b onclick="x()">Bold</b>\n</p>\n';
    expect(lines(findUnsafeMarkup(body))).toEqual([3]);
  });
});

describe("findUnsafeMarkup: script URLs", () => {
  it("finds a javascript: link", () => {
    expect(findUnsafeMarkup("Intro.\n\nSee [the minutes](javascript:alert(1)).\n")).toEqual([
      {
        line: 3,
        message: 'a link to a script URL ("javascript:alert(1)") is not allowed; link to a web page instead',
      },
    ]);
  });

  it("finds a mixed-case JaVaScRiPt: image", () => {
    const problems = findUnsafeMarkup("Intro.\n\n![A pier](JaVaScRiPt:alert(1))\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(3);
    expect(problems[0]?.message).toContain('image to a script URL ("JaVaScRiPt:alert(1)") is not allowed');
  });

  it('says "an image" for an image with a script URL', () => {
    expect(findUnsafeMarkup("![A pier](javascript:alert(1))\n")[0]?.message).toMatch(
      /^an image to a script URL/,
    );
  });

  it("finds an entity-obfuscated &#106;avascript: link", () => {
    const problems = findUnsafeMarkup("Read [this](&#106;avascript:alert(1)) first.\n");
    expect(problems).toEqual([
      {
        line: 1,
        message: 'a link to a script URL ("javascript:alert(1)") is not allowed; link to a web page instead',
      },
    ]);
  });

  it("finds a script URL in a reference definition, on the definition's line", () => {
    const body = "See [the plan][plan] for details.\n\n[plan]: javascript:alert(1)\n";
    expect(findUnsafeMarkup(body)).toEqual([
      {
        line: 3,
        message: 'a link to a script URL ("javascript:alert(1)") is not allowed; link to a web page instead',
      },
    ]);
  });

  it("finds script URLs in autolinks and angle-bracket destinations", () => {
    const problems = findUnsafeMarkup("[a](<javascript:alert(2)>) and <javascript:alert(3)>\n");
    expect(problems.map((p) => p.message)).toEqual([
      'a link to a script URL ("javascript:alert(2)") is not allowed; link to a web page instead',
      'a link to a script URL ("javascript:alert(3)") is not allowed; link to a web page instead',
    ]);
  });

  it("finds script URLs in raw HTML attributes, entity-encoded or not", () => {
    const body =
      'Text.\n\n<p>\n<a href="javascript&colon;alert(1)">one</a>\n</p>\n\n<a href="vbscript:msgbox(1)">two</a>\n';
    // Body line 4 holds the <a>, inside the <p> block that starts on line 3.
    expect(findUnsafeMarkup(body)).toEqual([
      {
        line: 4,
        message:
          '<a> points to a script URL ("javascript:alert(1)"), which is not allowed; link to a web page instead',
      },
      {
        line: 7,
        message:
          '<a> points to a script URL ("vbscript:msgbox(1)"), which is not allowed; link to a web page instead',
      },
    ]);
  });
});

describe("findUnsafeMarkup: safe bodies", () => {
  it("finds nothing in ordinary Markdown with links, images and harmless HTML", () => {
    const body = [
      "The *council* met on **Tuesday** & agreed the budget.",
      "",
      "Read the [report](https://council.example.org/report.pdf) or see <em>the summary</em>.",
      "",
      "![The town hall](./images/hall.jpg)",
      "",
      '<figure><img src="./images/pier.jpg" alt="The pier at dusk"><figcaption>The pier</figcaption></figure>',
      "",
      "[ref]: https://example.org/javascript-guide",
      "",
      'Ask about our JavaScript workshop at <a href="/events/">the library</a>.',
    ].join("\n");
    expect(findUnsafeMarkup(body)).toEqual([]);
  });

  it("finds nothing in code, where markup is shown rather than run", () => {
    const body =
      "Use `<script>` tags with care.\n\n```html\n<script>alert(1)</script>\n```\n\n    <iframe src=x></iframe>\n";
    expect(findUnsafeMarkup(body)).toEqual([]);
  });

  it("finds nothing in an HTML comment", () => {
    expect(findUnsafeMarkup("<!-- <script>alert(1)</script> -->\n")).toEqual([]);
  });

  it("finds nothing in an empty body", () => {
    expect(findUnsafeMarkup("")).toEqual([]);
  });
});

describe("findUnsafeMarkup: foreign content and page-wide elements", () => {
  it("refuses inline SVG, whose animations can set a script link, with one problem for the whole element", () => {
    const body =
      'Intro.\n\n<svg><a><animate attributeName="href" values="javascript:alert(1)" /><text>go</text></a></svg>\n';
    expect(findUnsafeMarkup(body)).toEqual([
      {
        line: 3,
        message:
          "inline <svg> is not allowed in an article; save it as an image file and show it with ![alt text](./file.svg)",
      },
    ]);
  });

  it("refuses inline MathML", () => {
    expect(findUnsafeMarkup("<math><mi>x</mi></math>\n").map((p) => p.message)).toEqual([
      "inline <math> is not allowed in an article; save it as an image file and show it with ![alt text](./file.svg)",
    ]);
  });

  it.each(["meta", "base", "link", "style"])("refuses <%s>, which acts on the whole page", (tag) => {
    const html =
      tag === "style" ? "<style>body { display: none }</style>" : `<${tag} http-equiv="refresh" href="x">`;
    expect(findUnsafeMarkup(`Text.\n\n${html}\n`)).toEqual([
      {
        line: 3,
        message: `<${tag}> is not allowed in an article body; it would change the whole page, not just the article`,
      },
    ]);
  });
});

describe("findUnsafeMarkup: lines in awkward HTML", () => {
  it("passes over tag names inside attribute values and comments", () => {
    const body = [
      "<div>", //                                         1
      '<span title="no <embed> here">x</span>', //        2
      "<!-- <iframe> in a comment -->", //                3
      "<embed src=x>", //                                 4
      "</div>", //                                        5
    ].join("\n");
    expect(findUnsafeMarkup(body).map((p) => p.line)).toEqual([4]);
  });

  it("finds a handler written on a later line of a tag spread over several lines, in upper case", () => {
    const body = ["<DIV", '  class="note"', '  ONCLICK="steal()">', "Text", "</DIV>"].join("\n");
    expect(findUnsafeMarkup(body)).toEqual([
      {
        line: 3,
        message: "the inline event handler onclick= on <div> is not allowed; article bodies never run script",
      },
    ]);
  });

  it("gives each of many identical elements its own line", () => {
    const body = [
      "<p>",
      '<a href="javascript:a()">1</a>',
      '<a href="#">2</a>',
      '<a href="javascript:b()">3</a>',
      "</p>",
    ].join("\n");
    expect(findUnsafeMarkup(body).map((p) => p.line)).toEqual([2, 4]);
  });

  it("finds an unquoted javascript: href", () => {
    expect(findUnsafeMarkup("<a href=javascript:alert(1)>x</a>\n").map((p) => p.line)).toEqual([1]);
  });
});

describe("findUnsafeMarkup: style attributes", () => {
  it("refuses a style attribute in raw HTML, on its line, with the Markdown way to align a column", () => {
    expect(
      findUnsafeMarkup('Numbers:\n\n<table>\n<tr><td style="text-align:right">12</td></tr>\n</table>\n'),
    ).toEqual([
      {
        line: 4,
        message:
          "a style attribute on <td> is not allowed: the site's security policy blocks inline styles, so it would only log an error; align table columns with Markdown (|---:|) instead",
      },
    ]);
  });
});
