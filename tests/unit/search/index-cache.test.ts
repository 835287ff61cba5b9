import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PageDigests, indexedContent, partKey } from "../../../src/search/index-cache";

const page = (inside: string, outside = "") =>
  `<!doctype html><html lang="en"><head><title>T</title></head><body>` +
  `<header data-pagefind-ignore="all">Menu</header>${outside}` +
  `<main><article class="article" data-pagefind-body>${inside}</article><aside>Related: ${outside}</aside></main></body></html>`;

describe("indexedContent", () => {
  it("is the page's language and the marked element, nested elements of its kind included", () => {
    const html = page("<h1>Story</h1><article>Quoted</article><p>End</p>");
    expect(indexedContent(html)).toBe(
      '<html lang="en">\n<article class="article" data-pagefind-body><h1>Story</h1><article>Quoted</article><p>End</p></article>',
    );
  });

  it("does not change with what lies outside the marked element", () => {
    expect(indexedContent(page("<h1>Story</h1>", "<a href=/a/>One</a>"))).toBe(
      indexedContent(page("<h1>Story</h1>", "<a href=/b/>Two</a>")),
    );
  });

  it("changes with the page's language and with anything inside the element", () => {
    const html = page("<h1>Story</h1>");
    expect(indexedContent(html.replace('lang="en"', 'lang="fr"'))).not.toBe(indexedContent(html));
    expect(indexedContent(page('<h1>Story</h1><img src="/b.webp" alt="">'))).not.toBe(indexedContent(html));
  });

  it("is the whole page when a mark that adds to the index lies outside the element, or there is none", () => {
    const outside = page("<h1>Story</h1>", '<span data-pagefind-filter="topic">Ports</span>');
    expect(indexedContent(outside)).toBe(outside);
    const unmarked = "<html><body><h1>Redirect</h1></body></html>";
    expect(indexedContent(unmarked)).toBe(unmarked);
  });
});

describe("partKey", () => {
  it("changes with a page's indexed content, its address and the settings, not with the order of the files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "part-key-"));
    await mkdir(join(dir, "a"));
    await mkdir(join(dir, "b"));
    await writeFile(join(dir, "a/index.html"), page("<h1>One</h1>"));
    await writeFile(join(dir, "b/index.html"), page("<h1>Two</h1>"));
    const key = await partKey(dir, ["a/index.html", "b/index.html"], {});
    expect(await partKey(dir, ["b/index.html", "a/index.html"], {})).toBe(key);
    expect(await partKey(dir, ["a/index.html"], {})).not.toBe(key);
    expect(await partKey(dir, ["a/index.html", "b/index.html"], { rootSelector: "main" })).not.toBe(key);
    await writeFile(join(dir, "b/index.html"), page("<h1>Two</h1>", "<nav>Next</nav>"));
    expect(await partKey(dir, ["a/index.html", "b/index.html"], {})).toBe(key);
    await writeFile(join(dir, "b/index.html"), page("<h1>Two, corrected</h1>"));
    expect(await partKey(dir, ["a/index.html", "b/index.html"], {})).not.toBe(key);
  });
});

describe("PageDigests", () => {
  it("takes a page's digest from the last build's record while its stamp is the same, and reads it when the stamp changed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "page-digests-"));
    const cacheDir = await mkdtemp(join(tmpdir(), "page-digests-cache-"));
    await mkdir(join(dir, "a"));
    await writeFile(join(dir, "a/index.html"), page("<h1>One</h1>"));
    const files = ["a/index.html"];
    const first = new PageDigests(cacheDir, Promise.resolve(new Map([["a/index.html", "stamp-1"]])));
    const key = await partKey(dir, files, {}, first);
    expect(key).toBe(await partKey(dir, files, {}));
    await first.save();
    // Astro's stamp vouches for the same bytes: the page is not read again.
    await writeFile(join(dir, "a/index.html"), page("<h1>Changed behind the stamp</h1>"));
    expect(
      await partKey(
        dir,
        files,
        {},
        new PageDigests(cacheDir, Promise.resolve(new Map([["a/index.html", "stamp-1"]]))),
      ),
    ).toBe(key);
    // A new stamp, or none, and the page is read.
    const changed = await partKey(dir, files, {});
    expect(
      await partKey(
        dir,
        files,
        {},
        new PageDigests(cacheDir, Promise.resolve(new Map([["a/index.html", "stamp-2"]]))),
      ),
    ).toBe(changed);
    expect(await partKey(dir, files, {}, new PageDigests(cacheDir, Promise.resolve(new Map())))).toBe(
      changed,
    );
  });
});
