import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { relativeImports } from "../../src/build/source-files";
import { projectRoot } from "../support/site-build";

/** Where each file of src/ imports from, by relative specifier, as paths below src/. */
function importsBySource(): { file: string; target: string }[] {
  const src = join(projectRoot, "src");
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|astro)$/.test(entry.name))
    .map((entry) => relative(src, join(entry.parentPath, entry.name)).split("\\").join("/"));
  return files.flatMap((file) =>
    relativeImports(readFileSync(join(src, file), "utf8")).map((specifier) => ({
      file,
      target: normalize(join(dirname(file), specifier))
        .split("\\")
        .join("/"),
    })),
  );
}

/** The templates and routes Astro expects at the top: they use the features, not the other way. */
const TEMPLATES = ["pages/", "layouts/", "components/"];

describe("the code's layout", () => {
  const imports = importsBySource();

  it("keeps src/lib a shared core that imports nothing but itself", () => {
    const upward = imports.filter(
      ({ file, target }) => file.startsWith("lib/") && !target.startsWith("lib/"),
    );
    expect(upward).toEqual([]);
  });

  it("lets features use the shared core and each other, never the templates and routes", () => {
    const upward = imports.filter(
      ({ file, target }) =>
        !TEMPLATES.some((folder) => file.startsWith(folder)) &&
        TEMPLATES.some((folder) => target.startsWith(folder)),
    );
    expect(upward).toEqual([]);
  });

  it("has no two folders that import each other, so each feature's dependencies run one way", () => {
    const folderOf = (path: string): string | undefined =>
      path.includes("/") ? path.split("/")[0] : undefined;
    const pairs = new Set(
      imports.flatMap(({ file, target }) => {
        const [from, to] = [folderOf(file), folderOf(target)];
        return from && to && from !== to ? [`${from} -> ${to}`] : [];
      }),
    );
    const mutual = [...pairs].filter((pair) => pairs.has(pair.split(" -> ").reverse().join(" -> ")));
    expect(mutual).toEqual([]);
  });
});
