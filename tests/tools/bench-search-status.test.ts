import { describe, expect, it } from "vitest";
import { readSearchStatus } from "../../tools/bench/search-status";

describe("readSearchStatus", () => {
  it("reads a search still running from an ellipsis or a partial count", () => {
    expect(readSearchStatus("Searching for “thean”…")).toBe("searching");
    expect(readSearchStatus("Loading...")).toBe("searching");
    expect(readSearchStatus("12 results so far for “thean”")).toBe("searching");
    expect(readSearchStatus("12 results so far for “thean”…")).toBe("searching");
    expect(readSearchStatus("  ")).toBe("searching");
  });

  it("reads the final count, with or without results, as complete", () => {
    expect(readSearchStatus("1,234 results for “thean”")).toBe("complete");
    expect(readSearchStatus("1 result for “thean”")).toBe("complete");
    expect(readSearchStatus("No articles match “thean”.")).toBe("complete");
  });

  it("reads the page's failure message as failed", () => {
    expect(readSearchStatus("Search could not be loaded. Please reload the page to try again.")).toBe(
      "failed",
    );
  });
});
