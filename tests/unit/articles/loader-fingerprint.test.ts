import { mkdir, mkdtemp, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { rulesFingerprint } from "../../../src/articles/loader";

const options = { base: "content/articles", defaultLanguage: "en", timezone: "UTC", pageSize: 10 };

async function project(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "rules-"));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text);
  }
  return root;
}

describe("rulesFingerprint", () => {
  it("changes when a rule's source or the options change, so cached articles are checked again", async () => {
    const root = await project({
      "src/articles/loader.ts": 'import { limit } from "../lib/rule";\n',
      "src/lib/rule.ts": "export const limit = 1;\n",
      "src/site.config.ts": "export const site = {};\n",
    });
    const before = await rulesFingerprint(root, options);
    expect(await rulesFingerprint(root, options)).toBe(before);
    await writeFile(join(root, "src/lib/rule.ts"), "export const limit = 2;\n");
    const afterRule = await rulesFingerprint(root, options);
    expect(afterRule).not.toBe(before);
    expect(await rulesFingerprint(root, { ...options, timezone: "Asia/Tokyo" })).not.toBe(afterRule);
  });

  it("follows a rule to the folder it moved to, and ignores code the loader does not import", async () => {
    const root = await project({
      "src/articles/loader.ts": 'import { limit } from "../rules/rule";\n',
      "src/lib/rule.ts": "export const limit = 1;\n",
      "src/site.config.ts": "export const site = {};\n",
      "src/pages/index.ts": "export const page = 1;\n",
    });
    await mkdir(join(root, "src/rules"));
    await rename(join(root, "src/lib/rule.ts"), join(root, "src/rules/rule.ts"));
    const before = await rulesFingerprint(root, options);
    await writeFile(join(root, "src/pages/index.ts"), "export const page = 2;\n");
    expect(await rulesFingerprint(root, options)).toBe(before);
    await writeFile(join(root, "src/rules/rule.ts"), "export const limit = 2;\n");
    expect(await rulesFingerprint(root, options)).not.toBe(before);
  });
});
