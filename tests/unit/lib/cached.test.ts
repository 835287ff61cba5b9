import { describe, expect, it, vi } from "vitest";
import { cached } from "../../../src/lib/cached";

describe("cached", () => {
  it("makes each key's value once, an undefined value included", () => {
    const cache = new Map<string, string | undefined>();
    const make = vi.fn((key: string) => (key === "und" ? undefined : key.toUpperCase()));
    expect(cached(cache, "en", () => make("en"))).toBe("EN");
    expect(cached(cache, "en", () => make("en"))).toBe("EN");
    expect(cached(cache, "und", () => make("und"))).toBeUndefined();
    expect(cached(cache, "und", () => make("und"))).toBeUndefined();
    expect(make).toHaveBeenCalledTimes(2);
  });
});
