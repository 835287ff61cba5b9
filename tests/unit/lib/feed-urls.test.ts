import { describe, expect, it } from "vitest";
import { SITEMAP_INDEX_PATH, absoluteAssetUrl, feedPath, topicFeedPath } from "../../../src/lib/urls";

describe("feed and sitemap addresses", () => {
  it("are the contract's paths", () => {
    expect(feedPath("rss")).toBe("/rss.xml");
    expect(feedPath("atom")).toBe("/atom.xml");
    expect(feedPath("json")).toBe("/feed.json");
    expect(topicFeedPath("night-desk")).toBe("/topics/night-desk/rss.xml");
    expect(SITEMAP_INDEX_PATH).toBe("/sitemap-index.xml");
  });

  it("makes an asset path the build already prefixed absolute without adding the base again", () => {
    expect(absoluteAssetUrl("/archive/_astro/a.jpg", "https://x.org")).toBe(
      "https://x.org/archive/_astro/a.jpg",
    );
  });
});
