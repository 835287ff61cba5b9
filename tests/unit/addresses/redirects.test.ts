import { describe, expect, it } from "vitest";
import {
  collectRedirects,
  formatRedirectsFile,
  redirectFilePath,
  renderRedirectPage,
} from "../../../src/addresses/redirects";

describe("redirectFilePath", () => {
  it.each([
    ["/news/2016-06-story.html", "/news/2016-06-story.html"],
    ["/news/story.HTM", "/news/story.HTM"],
    ["/old/story/", "/old/story/index.html"],
    ["/old/story", "/old/story/index.html"],
    ["/2015/01/01/old-slug/", "/2015/01/01/old-slug/index.html"],
  ])("%s is served from %s", (alias, file) => {
    expect(redirectFilePath(alias)).toBe(file);
  });
});

const redirect = {
  alias: "/news/old.html",
  target: "/2016/06/14/talks/",
  title: 'Talks <"open">',
  language: "fr",
};

describe("renderRedirectPage", () => {
  const html = renderRedirectPage(redirect, { base: "/archive", site: "https://news.example.org" });

  it("sends readers on, names the canonical address and asks not to be indexed", () => {
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/archive/2016/06/14/talks/">');
    expect(html).toContain(
      '<link rel="canonical" href="https://news.example.org/archive/2016/06/14/talks/">',
    );
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<a href="/archive/2016/06/14/talks/">Talks &#60;&#34;open&#34;&#62;</a>');
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(
      renderRedirectPage({ ...redirect, language: "ar" }, { base: "/", site: "https://x.example" }),
    ).toContain('<html lang="ar" dir="rtl">');
  });
});

describe("collectRedirects and formatRedirectsFile", () => {
  it("lists every alias with its article, base path included", () => {
    const redirects = collectRedirects([
      {
        path: "/2016/06/14/talks/",
        data: { title: "Talks", language: "en", aliases: ["/z/old/", "/a/old.html"] },
      },
    ]);
    expect(redirects.map((r) => r.alias)).toEqual(["/a/old.html", "/z/old/"]);
    expect(formatRedirectsFile(redirects, "/archive").split("\n").slice(1)).toEqual([
      "/archive/a/old.html /archive/2016/06/14/talks/ 301",
      "/archive/z/old/ /archive/2016/06/14/talks/ 301",
      "",
    ]);
    expect(formatRedirectsFile(redirects, "/")).toContain("/a/old.html /2016/06/14/talks/ 301");
  });
});
