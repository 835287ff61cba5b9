import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/articles/markdown";
import { findEmbedProblems, readEmbed } from "../../../src/articles/embeds";
import { findMarkdownProblems } from "../../../src/articles/markdown-lints";

const render = async (body: string) =>
  (await renderMarkdown(body, { base: "/", filePath: "/tmp/article.md", frontmatter: {} })).html;

/** The JSON Astro's image step reads from a body image's placeholder. */
const imageOptions = (html: string): Record<string, unknown>[] =>
  [...html.matchAll(/__ASTRO_IMAGE_="([^"]+)"/g)].map((m) => JSON.parse(m[1]!.replaceAll("&quot;", '"')));

describe("an image standing alone in the body", () => {
  it("is a figure captioned with its title, the credit set apart, in the frontmatter photos' copies", async () => {
    const html = await render(
      'The pier at dawn.\n\n![Two ferries at the pier](./pier.jpg "The first ferries of the season. Photo: Ana Lind/Harbour Desk")\n',
    );
    expect(html).toContain(
      '<figcaption><span class="figure__caption">The first ferries of the season.</span> <span class="figure__credit">Ana Lind/Harbour Desk</span></figcaption></figure>',
    );
    expect(html).toMatch(/<figure class="figure"><img __ASTRO_IMAGE_=/);
    expect(html).not.toContain("<p><img");
    expect(imageOptions(html)).toEqual([
      {
        alt: "Two ferries at the pier",
        src: "./pier.jpg",
        index: 0,
        widths: [480, 800, 1200],
        sizes: "(min-width: 44rem) 40rem, calc(100vw - 2rem)",
        format: "webp",
      },
    ]);
  });

  it("alone in a list item is a figure in that item", async () => {
    const html = await render('- ![A ferry](./a.jpg "Leaving. Credit: Ana Lind")\n- Text\n');
    expect(html).toMatch(/^<ul>\n<li><figure class="figure"><img __ASTRO_IMAGE_="[^"]+"><figcaption>/);
  });

  it("from elsewhere than beside the article is a figure too, with no copies asked for", async () => {
    const html = await render('![A chart](/charts/fares.png "Fares since 2010. Credit: Harbour Board")\n');
    expect(html).toContain(
      '<figure class="figure"><img src="/charts/fares.png" alt="A chart"><figcaption><span class="figure__caption">Fares since 2010.</span> <span class="figure__credit">Harbour Board</span></figcaption></figure>',
    );
  });

  it("with a title but no credit is captioned; within a line of text it is left as written", async () => {
    const html = await render('![A ferry](./a.jpg "Leaving Kellsport.")\n\nSee ![the map](./m.png) here.\n');
    expect(html).toContain(
      '<figcaption><span class="figure__caption">Leaving Kellsport.</span></figcaption>',
    );
    expect(html).toContain("<p>See <img __ASTRO_IMAGE_=");
  });
});

describe("an embed block", () => {
  const block = (fields: string) => `Before.\n\n\`\`\`embed\n${fields}\n\`\`\`\n`;

  it("is a static card: the words quoted, what and whose it is, and a link; no script or frame", async () => {
    const html = await render(
      block(
        "url: https://www.youtube.com/watch?v=4471\nby: Harbour Television\ndate: 3 May 2016\ntext: |\n  The harbour master walks through the <new> timetable.\n\n  A second paragraph.",
      ),
    );
    expect(html).toContain(
      '<figure class="embed embed--video"><blockquote cite="https://www.youtube.com/watch?v=4471"><p>The harbour master walks through the &lt;new&gt; timetable.</p><p>A second paragraph.</p></blockquote><figcaption><span class="embed__kind">Video</span> <span class="embed__by">Harbour Television, 3 May 2016</span> <a href="https://www.youtube.com/watch?v=4471" class="embed__link">Video on youtube.com</a></figcaption></figure>',
    );
    expect(html).not.toMatch(/<(script|iframe)/);
  });

  it("takes its kind from the block, else from a well-known host, else it is a post", () => {
    const kind = (fields: string) => {
      const read = readEmbed(fields);
      return "embed" in read ? read.embed.kind : read.problems;
    };
    expect(kind("url: https://maps.example/x\nkind: map\ntext: The route.")).toBe("map");
    expect(kind("url: https://www.openstreetmap.org/#map=15/52/4\ntext: The route.")).toBe("map");
    expect(kind("url: https://social.example/@port/1\ntext: Sailing today.")).toBe("post");
  });

  it("keeps the words of a post as written: tags, names, colons and quotes", () => {
    const read = readEmbed(
      'url: "https://social.example/@port/1"\nby: Kellsport Port (@port)\ntext: BREAKING: "No sailings today," says @harbourboard #kellsport\nMore after 10:00.\n\nA second paragraph.\n',
    );
    expect(read).toEqual({
      embed: {
        url: new URL("https://social.example/@port/1"),
        kind: "post",
        by: "Kellsport Port (@port)",
        text: 'BREAKING: "No sailings today," says @harbourboard #kellsport More after 10:00.\n\nA second paragraph.',
      },
    });
  });

  it("with a wrong field is refused on that field's line of the body", () => {
    expect(
      findEmbedProblems(
        block("url: javascript:alert(1)\nkind: constructor\ncolour): red\nsize: big\ntext: Hello"),
      ),
    ).toEqual([
      { line: 4, message: `the embed's url must be a web address (https://…), not "javascript:alert(1)"` },
      { line: 5, message: "the embed's kind must be one of post, video, audio, map, document" },
      {
        line: 6,
        message:
          '"colour): red" is not a field: write each as name: value (url, kind, by, date, text), the words last after text:',
      },
      { line: 7, message: 'an embed has no field "size"; its fields are url, kind, by, date, text' },
    ]);
    expect(findEmbedProblems(block("text: Sailing today.\nurl: https://social.example/@port/1"))).toEqual([
      {
        line: 4,
        message:
          "an embed needs the address of what it shows: url: https://…, on a line before text: (everything after text: is the words)",
      },
    ]);
    expect(findEmbedProblems(block("url: https://social.example/@port/1"))).toEqual([
      {
        line: 4,
        message:
          "an embed needs its words, last: text: what the post says, or what the video, map or recording shows",
      },
    ]);
  });
});

describe("wide tables and code", () => {
  it("scroll in their own focusable box, a table's named after the heading it stands under", async () => {
    const html = await render(
      "| a | b |\n| - | - |\n| 1 | 2 |\n\n## Fares *by* route\n\n| c |\n| - |\n| 3 |\n\n```\nconst wide = 1;\n```\n",
    );
    expect(html).toContain('<div class="scroll-box" role="region" aria-label="Table" tabindex="0"><table>');
    expect(html).toContain(
      '<div class="scroll-box" role="region" aria-label="Table: Fares by route" tabindex="0"><table>',
    );
    expect(html).toContain('<pre tabindex="0"><code>');
  });
});

describe("a task list", () => {
  it("names each checkbox by its words, as a label", async () => {
    const html = await render("- [x] Publish the *winter* timetable\n- [ ] Agree the fare\n  - [ ] Nested\n");
    expect(html).toContain(
      '<li class="task-list-item"><label><input type="checkbox" checked disabled> Publish the <em>winter</em> timetable</label></li>',
    );
    expect(html).toMatch(/<label><input type="checkbox" disabled> Agree the fare\n?<\/label><ul/);
  });
});

describe("the check's Markdown lints", () => {
  const context = { isSitePath: () => true };

  it("warn about a body photo without a credit, and refuse one without alt text", () => {
    const found = findMarkdownProblems(
      '![](./a.jpg "At the pier. Photo: Ana Lind")\n\n![A ferry](./b.jpg)\n',
      context,
    );
    expect(found).toEqual([
      expect.objectContaining({
        line: 1,
        message: expect.stringMatching(/^the image \.\/a\.jpg has no alt text/),
      }),
      {
        line: 3,
        warning: true,
        message:
          'the photo ./b.jpg has no credit: end its title with it, ![…](./b.jpg "What it shows. Photo: Name/Agency")',
      },
    ]);
    expect(found[0]?.warning).toBeUndefined();
  });
});
