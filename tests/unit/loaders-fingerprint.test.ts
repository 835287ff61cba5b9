import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rulesFingerprint } from "../../src/loaders/article-loader";

const options = { base: "content/articles", defaultLanguage: "en", timezone: "UTC" };

describe("rulesFingerprint", () => {
  it("changes when a rule's source or the options change, so cached articles are checked again", async () => {
    const root = await mkdtemp(join(tmpdir(), "rules-"));
    await mkdir(join(root, "src/lib"), { recursive: true });
    await writeFile(join(root, "src/lib/rule.ts"), "export const limit = 1;\n");
    await writeFile(join(root, "src/site.config.ts"), "export const site = {};\n");
    const before = await rulesFingerprint(root, options);
    expect(await rulesFingerprint(root, options)).toBe(before);
    await writeFile(join(root, "src/lib/rule.ts"), "export const limit = 2;\n");
    const afterRule = await rulesFingerprint(root, options);
    expect(afterRule).not.toBe(before);
    expect(await rulesFingerprint(root, { ...options, timezone: "Asia/Tokyo" })).not.toBe(afterRule);
  });
});
