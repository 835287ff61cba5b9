import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { importedSourceFiles } from "../../../src/build/source-files";

describe("importedSourceFiles", () => {
  it("lists the entries and every file they import, through imports of every kind, and no package", async () => {
    const root = await mkdtemp(join(tmpdir(), "sources-"));
    const files: Record<string, string> = {
      "src/a.ts": 'import { b } from "./b";\nimport type { C } from "./c/index";\nimport "yaml";\n',
      "src/b.ts": 'export const b = await import("../lib/d.ts");\n',
      "src/c/index.ts": 'import "./e";\nexport type C = 1;\n',
      "src/c/e.ts": 'import { a } from "../a";\n',
      "lib/d.ts": "export const d = 1;\n",
      "src/unused.ts": "export const u = 1;\n",
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, file)), { recursive: true });
      await writeFile(join(root, file), text);
    }
    expect(await importedSourceFiles(root, ["src/a.ts", "src/missing.ts"])).toEqual([
      "lib/d.ts",
      "src/a.ts",
      "src/b.ts",
      "src/c/e.ts",
      "src/c/index.ts",
    ]);
  });
});
