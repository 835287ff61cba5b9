import { mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { describe, expect, it, vi } from "vitest";
import {
  SearchIndexError,
  chunkSizeFor,
  pagefindIntegrations,
  pagefindProcesses,
  writeSearchIndex,
  type PagefindApi,
} from "../../../src/search/pagefind";
import { runTypeScript } from "../../support/cli";
import { projectRoot, readSearchIndex } from "../../support/site-build";

/** A tiny built site: article pages at /YYYY/MM/DD/slug/ plus a home page. */
async function builtSite(articles: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "pagefind-site-"));
  await writeFile(join(dir, "index.html"), "<html lang=en><body><h1>Home page words</h1></body></html>");
  for (const [path, body] of Object.entries(articles)) {
    await mkdir(join(dir, path), { recursive: true });
    await writeFile(join(dir, path, "index.html"), `<html lang="en"><body>${body}</body></html>`);
  }
  return dir;
}

const article = (words: string) => `<main><article data-pagefind-body><h1>${words}</h1></article></main>`;

describe("writeSearchIndex with Pagefind", () => {
  it("indexes exactly the article pages, never the home page", async () => {
    const dir = await builtSite({
      "2020/01/02/first": article("First story"),
      "2021/03/04/second": article("Second story"),
    });
    await expect(writeSearchIndex(pagefind, dir, ["2020-01-02", "2021-03-04"])).resolves.toMatchObject({
      pages: 2,
      indexes: [{ path: "/pagefind/2020-2021/", from: "2020-01-01", to: "2021-12-31", languages: { en: 2 } }],
    });
  });

  it("writes one index per part, newest first, each holding only its pages", async () => {
    const dir = await builtSite({
      "2020/01/02/first": article("First story"),
      "2020/05/06/second": article("Second story"),
      "2021/03/04/third": article("Third story"),
    });
    const report = await writeSearchIndex(pagefind, dir, ["2020-01-02", "2020-05-06", "2021-03-04"], {
      maxPages: 2,
    });
    expect(report.indexes.map((index) => [index.path, index.languages.en])).toEqual([
      ["/pagefind/2021/", 1],
      ["/pagefind/2020/", 2],
    ]);
    expect(report.indexed).toEqual(["2021", "2020"]);
    const list = JSON.parse(await readFile(join(dir, "pagefind/indexes.json"), "utf8")) as unknown;
    expect(list).toEqual({ indexes: report.indexes });
    expect(await readSearchIndex(dir, "pagefind/2021")).toMatchObject([{ url: "/2021/03/04/third/" }]);
  });

  it("writes the same parts with several Pagefind processes side by side as with one", async () => {
    const pages = {
      "2019/01/02/first": article("First story"),
      "2020/05/06/second": article("Second story"),
      "2021/03/04/third": article("Third story"),
    };
    const days = ["2019-01-02", "2020-05-06", "2021-03-04"];
    const one = await builtSite(pages);
    const several = await builtSite(pages);
    const alone = await writeSearchIndex(pagefind, one, days, { maxPages: 1 });
    const processes = await pagefindProcesses(3);
    expect(new Set(processes).size).toBe(3);
    const together = await writeSearchIndex(processes, several, days, { maxPages: 1 });
    expect(together).toEqual(alone);
    for (const part of ["2021", "2020", "2019"]) {
      expect(await readSearchIndex(several, `pagefind/${part}`)).toEqual(
        await readSearchIndex(one, `pagefind/${part}`),
      );
    }
  });

  it("writes a working, empty index for an archive with no articles", async () => {
    const dir = await builtSite({});
    await expect(writeSearchIndex(pagefind, dir, [])).resolves.toMatchObject({ pages: 0 });
  });

  it("fails when an article page lost its data-pagefind-body mark", async () => {
    const dir = await builtSite({
      "2020/01/02/first": article("First story"),
      "2021/03/04/second": "<main><h1>Unmarked story</h1></main>",
    });
    await expect(writeSearchIndex(pagefind, dir, ["2020-01-02", "2021-03-04"])).rejects.toThrow(
      "The search index 2020-2021 holds 1 of the 2 article pages the build wrote (2 files offered)",
    );
  });

  it("fails when the build wrote article pages Pagefind did not find", async () => {
    const dir = await builtSite({ "2020/01/02/first": article("First story") });
    await expect(writeSearchIndex(pagefind, dir, ["2020-01-02", "2020-01-02"])).rejects.toThrow(
      SearchIndexError,
    );
  });
});

/**
 * Pagefind as its Node API answers, with the errors given for each step, and a site of one article
 * page; reading the pages waits for `read()` (or fails when Pagefind is closed first) when `slow`.
 */
function fakePagefind(errors: { create?: string[]; add?: string[]; write?: string[] } = {}, slow = false) {
  let read = (): void => {};
  let stop = (_: Error): void => {};
  const reading = slow
    ? new Promise<void>((resolve, reject) => {
        read = resolve;
        stop = reject;
      })
    : Promise.resolve();
  reading.catch(() => {});
  const index = {
    addDirectory: vi.fn(async () => {
      await reading;
      return { errors: errors.add ?? [], page_count: 1 };
    }),
    writeFiles: vi.fn(async ({ outputPath }: { outputPath: string }) => {
      if (errors.write) return { errors: errors.write, outputPath };
      await mkdir(outputPath, { recursive: true });
      const entry = { languages: { en: { page_count: 1 } } };
      await writeFile(join(outputPath, "pagefind-entry.json"), JSON.stringify(entry));
      await writeFile(join(outputPath, "pagefind-highlight.js"), "");
      return { errors: [], outputPath };
    }),
    deleteIndex: vi.fn(async () => null),
  };
  const api = {
    createIndex: vi.fn(async () => ({
      errors: errors.create ?? [],
      index,
    })) as unknown as PagefindApi["createIndex"],
    // As Pagefind's own: a request its process has not answered fails when the process is closed.
    close: vi.fn(async () => {
      stop(new Error("Pagefind backend closed"));
      return null;
    }),
  };
  return { api, index, read };
}

describe("writeSearchIndex with the build cache", () => {
  it("indexes again exactly the parts whose indexed text changed, and copies the others", async () => {
    const dir = await builtSite({
      "2020/01/02/first": article("First story"),
      "2021/03/04/second": article("Second story"),
    });
    const cacheDir = await mkdtemp(join(tmpdir(), "pagefind-cache-"));
    const options = { maxPages: 1, cacheDir };
    const days = ["2020-01-02", "2021-03-04"];
    expect((await writeSearchIndex(pagefind, dir, days, options)).indexed).toEqual(["2021", "2020"]);
    expect((await writeSearchIndex(pagefind, dir, days, options)).indexed).toEqual([]);
    // Outside the indexed element: no part changes.
    await writeFile(
      join(dir, "2021/03/04/second/index.html"),
      `<html lang="en"><body><nav>Next story</nav>${article("Second story")}</body></html>`,
    );
    expect((await writeSearchIndex(pagefind, dir, days, options)).indexed).toEqual([]);
    await writeFile(
      join(dir, "2021/03/04/second/index.html"),
      `<html lang="en"><body>${article("Second story, corrected harbourmaster")}</body></html>`,
    );
    const report = await writeSearchIndex(pagefind, dir, days, options);
    expect(report.indexed).toEqual(["2021"]);
    const pages = await readSearchIndex(dir, "pagefind/2021");
    expect(pages[0]?.content).toContain("harbourmaster");
    // The unchanged part was copied whole: it still finds its page.
    expect(await readSearchIndex(dir, "pagefind/2020")).toMatchObject([{ url: "/2020/01/02/first/" }]);
  });
});

describe("writeSearchIndex into the output folder the last build left", () => {
  it("leaves the unchanged parts where they are and removes whatever no part of this build holds", async () => {
    const dir = await builtSite({
      "2020/01/02/first": article("First story"),
      "2021/03/04/second": article("Second story"),
    });
    const cacheDir = await mkdtemp(join(tmpdir(), "pagefind-cache-"));
    const lines: string[] = [];
    const options = { maxPages: 1, cacheDir, log: (line: string) => lines.push(line) };
    const days = ["2020-01-02", "2021-03-04"];
    await writeSearchIndex(pagefind, dir, days, options);
    // An old part and a stray file, as a build with other parts would have left them.
    await mkdir(join(dir, "pagefind/2019"), { recursive: true });
    await writeFile(join(dir, "pagefind/2019/pagefind-entry.json"), "{}");
    await writeFile(join(dir, "pagefind/stray.txt"), "");
    await writeFile(
      join(dir, "2021/03/04/second/index.html"),
      `<html lang="en"><body>${article("Second story, corrected harbourmaster")}</body></html>`,
    );
    lines.length = 0;
    const report = await writeSearchIndex(pagefind, dir, days, options);
    expect(report.indexed).toEqual(["2021"]);
    expect(lines).toContain("Search index 2020: 1 article page, unchanged (left in place).");
    expect((await readdir(join(dir, "pagefind"))).sort()).toEqual([
      "2020",
      "2021",
      "indexes.json",
      "pagefind-highlight.js",
    ]);
    expect(await readSearchIndex(dir, "pagefind/2020")).toMatchObject([{ url: "/2020/01/02/first/" }]);
    expect((await readSearchIndex(dir, "pagefind/2021"))[0]?.content).toContain("harbourmaster");
  });

  it("copies a part from the cache when the list in the folder names another version of it", async () => {
    const dir = await builtSite({ "2020/01/02/first": article("First story") });
    const cacheDir = await mkdtemp(join(tmpdir(), "pagefind-cache-"));
    const lines: string[] = [];
    const options = { cacheDir, log: (line: string) => lines.push(line) };
    await writeSearchIndex(pagefind, dir, ["2020-01-02"], options);
    const list = join(dir, "pagefind/indexes.json");
    await writeFile(
      list,
      (await readFile(list, "utf8")).replace(/"hash":"[0-9a-f]+"/, '"hash":"0000000000000000"'),
    );
    lines.length = 0;
    expect((await writeSearchIndex(pagefind, dir, ["2020-01-02"], options)).indexed).toEqual([]);
    expect(lines).toEqual(["Search index 2020: 1 article page, unchanged (copied from the cache)."]);
  });
});

describe("writeSearchIndex when Pagefind reports errors", () => {
  it.each([
    [{ create: ["no binary"] }, "Pagefind failed to start:\nno binary"],
    [{ add: ["bad HTML in x.html"] }, "Pagefind failed to index the built pages:\nbad HTML in x.html"],
    [{ write: ["disk full"] }, "Pagefind failed to write the index:\ndisk full"],
  ])(
    "throws %j instead of logging it, and always closes Pagefind",
    async (errors, message) => {
      const { api } = fakePagefind(errors);
      const dir = await builtSite({ "2020/01/02/first": article("First story") });
      await expect(writeSearchIndex(api, dir, ["2020-01-02"])).rejects.toThrow(message);
      expect(api.close).toHaveBeenCalled();
    },
    10_000,
  );
});

describe("writeSearchIndex with several Pagefind processes", () => {
  it("fails with the error of the part that failed, and closes every process", async () => {
    const dir = await builtSite({
      "2020/01/02/first": article("First story"),
      "2021/03/04/second": article("Second story"),
    });
    const working = fakePagefind({}, true);
    const failing = fakePagefind({ write: ["disk full"] });
    // Both parts run at once (two pages fit the budget): the newest (2021) on the working process,
    // which waits, the older on the failing one; the newest then fails too, as its process is
    // closed. The error thrown is the one that came first, not the first part's.
    const indexing = writeSearchIndex([failing.api, working.api], dir, ["2020-01-02", "2021-03-04"], {
      maxPages: 2,
    });
    await expect(indexing).rejects.toThrow("Pagefind failed to write the index:\ndisk full");
    expect(working.api.close).toHaveBeenCalled();
    expect(failing.api.close).toHaveBeenCalled();
  }, 10_000);
});

describe("writeSearchIndex when Pagefind's process is killed", () => {
  // Pagefind's Node API never answers a request its process did not finish; with nothing left to
  // wait for, Node would end the build with status 0 and no search index.
  it.skipIf(process.platform !== "linux")(
    "fails, saying so, when the system kills Pagefind in the middle of indexing",
    async () => {
      const dir = await builtSite({ "2020/01/02/first": article("First story") });
      const result = await runTypeScript(
        join(projectRoot, "tests/fixtures/scripts/index-killed-pagefind.ts"),
        [dir],
      );
      expect(result.stdout).not.toContain("indexed");
      expect(result.stderr).toContain(
        "Pagefind's process ended before it finished the search index, without an error of its own",
      );
      expect(result.code).toBe(1);
    },
  );
});

describe("pagefindIntegrations", () => {
  type BuildDone = Required<AstroIntegration["hooks"]>["astro:build:done"];
  const messages: string[] = [];
  const done = (integration: AstroIntegration, dir: string) =>
    (integration.hooks["astro:build:done"] as BuildDone)({
      dir: pathToFileURL(`${dir}/`),
      pages: [{ pathname: "2020/01/02/first/" }],
      logger: { info: (message: string) => messages.push(message) },
    } as unknown as Parameters<BuildDone>[0]);

  it("lets the next steps of the build run while Pagefind reads the pages, and reports the index at the end", async () => {
    const dir = await builtSite({ "2020/01/02/first": article("First story") });
    const { api, index, read } = fakePagefind({}, true);
    const { start, finish } = pagefindIntegrations(undefined, undefined, [api]);
    // A start that waited for Pagefind would never return here: the test's time limit catches that.
    await done(start, dir);
    // Pagefind is still reading: the build's next integrations run now.
    await vi.waitFor(() => expect(index.addDirectory).toHaveBeenCalledTimes(1));
    expect(index.writeFiles).not.toHaveBeenCalled();
    read();
    await done(finish, dir);
    expect(index.writeFiles).toHaveBeenCalledTimes(1);
    expect(api.close).toHaveBeenCalled();
    expect(messages).toContain("Indexed 1 article pages for search in 1 part (1 indexed, 0 unchanged).");
  }, 10_000);

  it("fails the build where Pagefind's work is waited for, with Pagefind's error", async () => {
    const dir = await builtSite({ "2020/01/02/first": article("First story") });
    const { api, read } = fakePagefind({ add: ["bad HTML in 2020/01/02/first/index.html"] }, true);
    const { start, finish } = pagefindIntegrations(undefined, undefined, [api]);
    await done(start, dir);
    read();
    await expect(done(finish, dir)).rejects.toThrow(
      "Pagefind failed to index the built pages:\nbad HTML in 2020/01/02/first/index.html",
    );
    expect(api.close).toHaveBeenCalled();
  }, 10_000);
});

describe("chunkSizeFor", () => {
  it("keeps Pagefind's chunk size for a whole build of one part, and gives every other part smaller ones", () => {
    expect([1, 2, 8, 120].map((n) => chunkSizeFor(n))).toEqual([20_000, 5_000, 5_000, 5_000]);
    // A build of some years: the same size as the whole build's parts, however many it has.
    expect(chunkSizeFor(1, { kind: "years", from: 1996, to: 2005 })).toBe(5_000);
  });
});

describe("writeSearchIndex for a range of years without articles", () => {
  it("lists no part, so that the merged site's list names only parts that exist", async () => {
    const dir = await builtSite({});
    const report = await writeSearchIndex(pagefind, dir, [], {
      part: { kind: "years", from: 1990, to: 1995 },
    });
    expect(report.indexes).toEqual([]);
    expect(JSON.parse(await readFile(join(dir, "pagefind/indexes-1990-1995.json"), "utf8"))).toEqual({
      indexes: [],
    });
  });
});
