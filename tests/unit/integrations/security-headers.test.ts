import { describe, expect, it } from "vitest";
import { checkPagePolicy } from "../../../src/integrations/security-headers";
import { inlineHash } from "../../../src/lib/security-policy";

const ours = "document.documentElement.dataset.theme = 'dark';";
const page = (head: string, body = "") =>
  `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const meta = `<meta http-equiv="content-security-policy" content="script-src 'self' '${inlineHash(ours)}'; style-src 'self'">`;

describe("checkPagePolicy", () => {
  it("accepts an inline script whose hash the page's policy lists, and data blocks", () => {
    const html = page(
      `${meta}<script>${ours}</script>`,
      `<script type="application/ld+json">{"a":1}</script>`,
    );
    expect(checkPagePolicy(html)).toEqual({
      policy: `script-src 'self' '${inlineHash(ours)}'; style-src 'self'`,
      inline: [inlineHash(ours)],
      blocked: [],
    });
  });

  it("names the hash of an inline script the policy would block, and of every script of a page without a policy", () => {
    expect(checkPagePolicy(page(meta, "<script>alert(1)</script>")).blocked).toEqual([
      inlineHash("alert(1)"),
    ]);
    expect(checkPagePolicy(page(`<script>${ours}</script>`))).toEqual({
      policy: undefined,
      inline: [inlineHash(ours)],
      blocked: [inlineHash(ours)],
    });
  });

  it("does not take script-like text in an attribute for a script", () => {
    const html = page(`${meta}<meta name="description" content="<script>alert(1)</script>">`);
    expect(checkPagePolicy(html).blocked).toEqual([]);
  });
});
