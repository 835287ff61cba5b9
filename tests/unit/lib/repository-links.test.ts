import { describe, expect, it } from "vitest";
import { repositoryLinks } from "../../../src/lib/repository-links";
import { resolveSiteConfig } from "../../../src/site.config";

describe("an article's links into its repository", () => {
  const links = repositoryLinks(
    { url: "https://github.com/newsroom/archive", branch: "main" },
    {
      file: "content/articles/2024/ferry timetable.md",
      title: "Winter ferry timetable & fares",
      permalink: "https://news.example.org/2024/10/20/ferry-timetable/",
    },
  );

  it("open its file in the web editor of the branch", () => {
    expect(links.edit).toBe(
      "https://github.com/newsroom/archive/edit/main/content/articles/2024/ferry%20timetable.md",
    );
  });

  it("open a new issue that names the article's address and file", () => {
    const url = new URL(links.correction);
    expect(`${url.origin}${url.pathname}`).toBe("https://github.com/newsroom/archive/issues/new");
    expect(url.searchParams.get("title")).toBe("Correction: Winter ferry timetable & fares");
    expect(url.searchParams.get("body")).toMatch(
      /^Article: https:\/\/news\.example\.org\/2024\/10\/20\/ferry-timetable\/\nFile: content\/articles\/2024\/ferry timetable\.md\n/,
    );
  });
});

describe("REPOSITORY_URL and REPOSITORY_BRANCH", () => {
  it("are optional; the branch is main unless given; a .git or trailing slash is dropped", () => {
    expect(resolveSiteConfig({}).repository).toBeUndefined();
    expect(
      resolveSiteConfig({ REPOSITORY_URL: "https://github.com/newsroom/archive.git" }).repository,
    ).toEqual({
      url: "https://github.com/newsroom/archive",
      branch: "main",
    });
    expect(
      resolveSiteConfig({
        REPOSITORY_URL: "https://github.com/newsroom/archive/",
        REPOSITORY_BRANCH: "desk/edits",
      }).repository,
    ).toEqual({ url: "https://github.com/newsroom/archive", branch: "desk/edits" });
  });

  it("refuse an address that is not a repository's", () => {
    expect(() => resolveSiteConfig({ REPOSITORY_URL: "git@github.com:newsroom/archive.git" })).toThrow(
      /REPOSITORY_URL must be a repository's web address/,
    );
  });
});
