import { describe, expect, it } from "vitest";
import {
  addressSet,
  findBrokenUrls,
  formatUrlManifest,
  parseUrlManifest,
  publishedAddresses,
} from "../../../src/lib/url-manifest";

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
  it("adds new addresses once, sorted, keeping the ones taken down", () => {
    const manifest = parseUrlManifest(text, "content/urls.txt");
    const out = formatUrlManifest(manifest, ["/2016/06/14/talks/", "/2020/01/01/new/", "/news/old.html"]);
    expect(out.split("\n").filter((l) => l.startsWith("/"))).toEqual([
      "/2016/06/14/talks/",
      "/2018/01/02/withdrawn/ unpublished: legal request",
      "/2020/01/01/new/",
      "/news/old.html",
    ]);
    expect(parseUrlManifest(out, "x").problems).toEqual([]);
  });
});

describe("publishedAddresses", () => {
  it("lists article pages and aliases", () => {
    expect(
      publishedAddresses([{ path: "/2016/06/14/talks/", data: { aliases: ["/news/old.html"] } }]),
    ).toEqual(["/2016/06/14/talks/", "/news/old.html"]);
  });
});
