import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { findBrokenLinks, formatBrokenLink } from "../support/link-check";

// The fixture site, built under /archive with 2 articles a page, for https://archive.example.org.
const dist = inject("fixtureDist");
const options = { base: "/archive", site: "https://archive.example.org" };

describe("the links of the built site", () => {
  it("all lead somewhere: every internal href, src, srcset, poster and #fragment, and the feeds' and sitemap's addresses", async () => {
    const broken = await findBrokenLinks(dist, options);
    expect(broken.map(formatBrokenLink)).toEqual([]);
  });
});

describe("the link checker", () => {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function fakeDist(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "link-check-"));
    made.push(dir);
    for (const [file, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), text);
    }
    return dir;
  }

  it("reports a missing page, image, srcset candidate, anchor and feed address, and passes the rest", async () => {
    const page = (body: string) =>
      `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;
    const dir = await fakeDist({
      "index.html": page(`
        <a href="/archive/a/">fine</a>
        <a href="a/#section">fine, relative, with an anchor</a>
        <a href="/archive/a">fine without the slash</a>
        <a href="#top-of-page" id="top-of-page">fine, same page</a>
        <a href="/archive/gone/">missing page</a>
        <img src="/archive/img/missing.jpg" alt="">
        <img src="/archive/img/here.jpg" srcset="/archive/img/here.jpg 1x, /archive/img/lost.jpg 2x" alt="">
        <a href="/archive/a/#nowhere">missing anchor</a>
        <a href="#also-nowhere">missing anchor here</a>
        <a href="/elsewhere/">outside the base</a>
        <a href="https://example.com/x">external, not checked</a>
        <a href="https://archive.example.org/archive/a/">absolute, fine</a>`),
      "a/index.html": page(`<h2 id="section">S</h2>`),
      "img/here.jpg": "jpg",
      "on-this-day/01-01.json": `[{"href":"/archive/a/"},{"href":"/archive/b/"}]`,
      "rss.xml": `<rss><item><link>https://archive.example.org/archive/a/</link><guid>https://archive.example.org/archive/old/</guid></item></rss>`,
    });
    const broken = (await findBrokenLinks(dir, options)).map(formatBrokenLink);
    expect(broken.sort()).toEqual(
      [
        "index.html: /archive/gone/: no file gone/index.html in dist",
        "index.html: /archive/img/missing.jpg: no file img/missing.jpg in dist",
        "index.html: /archive/img/lost.jpg: no file img/lost.jpg in dist",
        'index.html: /archive/a/#nowhere: no element with id "nowhere" in a/index.html',
        'index.html: #also-nowhere: no element with id "also-nowhere" on this page',
        "index.html: /elsewhere/: is outside the base path /archive/",
        "rss.xml: https://archive.example.org/archive/old/: no file old/index.html in dist",
        "on-this-day/01-01.json: /archive/b/: no file b/index.html in dist",
      ].sort(),
    );
  });
});
