import { describe, expect, it } from "vitest";
import {
  addressSet,
  findBrokenUrls,
  formatUrlManifest,
  parseUrlManifest,
  publishedAddresses,
} from "../../../src/addresses/url-manifest";

const text = [
  "# header",
  "/2016/06/14/talks/",
  "",
  "/news/old.html",
  "/2018/01/02/withdrawn/ unpublished: legal request",
].join("\n");

describe("parseUrlManifest", () => {
  it("reads addresses and the ones taken down, with their lines", () => {
    expect(parseUrlManifest(text, "content/urls.txt")).toEqual({
      entries: [
        { url: "/2016/06/14/talks/", line: 2 },
        { url: "/news/old.html", line: 4 },
        { url: "/2018/01/02/withdrawn/", line: 5, unpublished: "legal request" },
      ],
      problems: [],
    });
  });

  it("reports a line that is not an address", () => {
    expect(parseUrlManifest("/a/\nnews/old.html\n/b/ gone\n", "urls.txt").problems).toEqual([
      {
        file: "urls.txt",
        line: 2,
        field: "url",
        message: expect.stringContaining('"news/old.html" is not an address'),
      },
      {
        file: "urls.txt",
        line: 3,
        field: "url",
        message: expect.stringContaining('"/b/ gone" is not an address'),
      },
    ]);
  });
});

describe("findBrokenUrls", () => {
  const manifest = parseUrlManifest(text, "content/urls.txt");

  it("reports a published address that would no longer resolve, with the fix", () => {
    const resolves = addressSet(["/2016/06/14/talks", "/other/"]);
    expect(findBrokenUrls(manifest, resolves, "content/urls.txt")).toEqual([
      {
        file: "content/urls.txt",
        line: 4,
        field: "url",
        message: expect.stringMatching(
          /^\/news\/old\.html was published and would no longer resolve: add it to the aliases .*"\/news\/old\.html unpublished: <why>"/,
        ),
      },
    ]);
  });

  it("reports an address taken down that would be published again", () => {
    const resolves = addressSet(["/2016/06/14/talks/", "/news/old.html", "/2018/01/02/withdrawn/"]);
    expect(findBrokenUrls(manifest, resolves, "content/urls.txt")).toEqual([
      expect.objectContaining({ line: 5, message: expect.stringContaining("is marked as taken down") }),
    ]);
  });
});

describe("formatUrlManifest", () => {
  it("records the addresses of a large archive at once", () => {
    const addresses = Array.from(
      { length: 300_000 },
      (_, i) => `/2020/01/01/story-${String(i).padStart(6, "0")}/`,
    );
    const text = formatUrlManifest("", addresses);
    expect(text.split("\n").filter((line) => line.startsWith("/"))).toHaveLength(300_000);
  });

  it("adds new addresses once, in sorted places, keeping every line as written", () => {
    const out = formatUrlManifest(text, [
      "/2016/06/14/talks/",
      "/2020/01/01/new/",
      "/2020/01/01/new",
      "/news/old.html",
      "/2010/01/01/first/",
    ]);
    expect(out).toBe(
      [
        "# header",
        "/2010/01/01/first/",
        "/2016/06/14/talks/",
        "",
        "/2020/01/01/new/",
        "/news/old.html",
        "/2018/01/02/withdrawn/ unpublished: legal request",
        "",
      ].join("\n"),
    );
    expect(parseUrlManifest(out, "x").problems).toEqual([]);
  });

  it("keeps an editor's comments and leaves the text as it is when nothing is new", () => {
    const annotated = "# header\n/2016/06/14/talks/\n# moved from the old site in 2025\n/news/old.html\n";
    expect(formatUrlManifest(annotated, ["/news/old.html", "/2016/06/14/talks"])).toBe(annotated);
    expect(formatUrlManifest(annotated, ["/2017/01/01/next/"])).toBe(
      "# header\n/2016/06/14/talks/\n# moved from the old site in 2025\n/2017/01/01/next/\n/news/old.html\n",
    );
  });

  it("starts a new manifest with its explanation, and keeps Windows line endings", () => {
    const fresh = formatUrlManifest("", ["/b/", "/a/"]);
    expect(fresh.split("\n").filter((l) => l.startsWith("/"))).toEqual(["/a/", "/b/"]);
    expect(fresh.startsWith("# Every address")).toBe(true);
    expect(formatUrlManifest("# h\r\n/b/\r\n", ["/a/"])).toBe("# h\r\n/a/\r\n/b/\r\n");
  });
});

describe("publishedAddresses", () => {
  it("lists article pages and aliases", () => {
    expect(
      publishedAddresses([{ path: "/2016/06/14/talks/", data: { aliases: ["/news/old.html"] } }]),
    ).toEqual(["/2016/06/14/talks/", "/news/old.html"]);
  });
});
