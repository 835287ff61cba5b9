import { describe, expect, it } from "vitest";
import { isRelativeFilePath, isSitePath } from "../../../src/lib/paths";

describe("isRelativeFilePath", () => {
  it.each(["./images/a.jpg", "images/a.jpg", "../shared/b.png", "a.jpg"])("accepts %j", (path) => {
    expect(isRelativeFilePath(path)).toBe(true);
  });

  it.each(["https://example.org/a.jpg", "/images/a.jpg", "data:image/png;base64,xx", "C:\\a.jpg", "\\a.jpg"])(
    "refuses %j",
    (path) => {
      expect(isRelativeFilePath(path)).toBe(false);
    },
  );
});

describe("isSitePath", () => {
  it.each(["/news/2016/old.html", "/old/folder/", "/x"])("accepts %j", (path) => {
    expect(isSitePath(path)).toBe(true);
  });

  it.each([
    "news/x.html",
    "//evil.example/x",
    "/a/../b",
    "/a/./b",
    "/%2e%2e/x",
    "/a/%2E/b",
    "/a//b",
    "/a/.hidden",
    "/q?x=1",
    "/a#b",
    "/a b",
    "/a\\b",
    "",
  ])("refuses %j", (path) => {
    expect(isSitePath(path)).toBe(false);
  });
});
