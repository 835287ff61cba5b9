import { describe, expect, it } from "vitest";
import { buildFeedContent } from "../../../src/feeds/content";

const pageUrl = "https://example.org/news/2020/01/02/a/";

describe("buildFeedContent", () => {
  it("makes links and images absolute against the article's URL", () => {
    const html = buildFeedContent({
      bodyHtml:
        '<p><a href="/news/2019/05/02/b/">b</a> <a href="#note">n</a> <img src="/news/_astro/p.webp" alt="P"></p>',
      pageUrl,
      photos: [],
    });
    expect(html).toBe(
      '<p><a href="https://example.org/news/2019/05/02/b/">b</a> <a href="https://example.org/news/2020/01/02/a/#note">n</a> <img src="https://example.org/news/_astro/p.webp" alt="P"></p>',
    );
  });

  it("puts the lead photo first, the others after the body, and a photo not held as its words", () => {
    const html = buildFeedContent({
      bodyHtml: "<p>Body</p>",
      pageUrl,
      photos: [
        {
          src: "https://example.org/news/_astro/lead.jpg",
          alt: "Lead",
          caption: "The lead.",
          credit: "Ann Lee",
        },
        { caption: "Not held.", credit: "Wire <Photo>" },
      ],
    });
    expect(html).toBe(
      '<figure><img src="https://example.org/news/_astro/lead.jpg" alt="Lead"><figcaption>The lead. Ann Lee</figcaption></figure><p>Body</p><p><em>Not held. Wire &#x3C;Photo></em></p>',
    );
  });

  it("removes script, styles, event handlers, iframes and javascript: links", () => {
    const html = buildFeedContent({
      bodyHtml:
        '<p onclick="x()" style="color:red">Hi<script>alert(1)</script><iframe src="https://x.org"></iframe><a href="javascript:alert(1)">j</a></p>',
      pageUrl,
      photos: [],
    });
    expect(html).toBe("<p>Hi<a>j</a></p>");
  });
});
