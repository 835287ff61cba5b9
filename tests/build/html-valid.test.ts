import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { describe, expect, inject, it } from "vitest";
import { listFiles, projectRoot } from "../support/site-build";

// The fixture site, built under /archive with 2 articles a page.
const dist = inject("fixtureDist");

// .htmlvalidate.json is html-validate:recommended with two rules changed (JSON has no comments):
// - long-title off: a page title is the article's headline or a name, as long as the editor wrote it;
// - prefer-native-element allows role="region": the citation <pre> scrolls, so it is a focusable,
//   named region (a <section> around it would leave the scrolling element nameless).

describe("every page of the built site", () => {
  it("is valid HTML by html-validate's recommended rules", async () => {
    const config = JSON.parse(await readFile(join(projectRoot, ".htmlvalidate.json"), "utf8")) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const pages = (await listFiles(dist)).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(80);
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(await readFile(join(dist, file), "utf8"), file);
      for (const result of report.results) {
        for (const m of result.messages) {
          if (m.severity === 2) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
        }
      }
    }
    expect(errors).toEqual([]);
  });
});
