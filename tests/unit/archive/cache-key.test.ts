import { describe, expect, it } from "vitest";
import { createDigester } from "../../../src/archive/cache-key";

describe("createDigester", () => {
  it("gives equal data the same digest, in another object or another build", () => {
    const a = createDigester().digest({ title: "Ferry", published: new Date(0), labels: ["a", "b"] });
    const b = createDigester().digest({ title: "Ferry", published: new Date(0), labels: ["a", "b"] });
    expect(a).toBe(b);
  });

  it("tells apart every change a page could show", () => {
    const { digest } = createDigester();
    const keys = [
      digest({ title: "Ferry", count: 1 }),
      digest({ title: "Ferry ", count: 1 }),
      digest({ title: "Ferry", count: 2 }),
      digest({ title: "Ferry", count: "1" }),
      digest({ count: 1, title: "Ferry" }),
      digest({ title: "Ferry", count: 1, extra: undefined }),
      digest({ title: "Ferry", count: 1, extra: null }),
      digest(["a", "b"]),
      digest(["b", "a"]),
      digest(["a,b"]),
      digest(new Map([["a", 1]])),
      digest(new Map([["a", 2]])),
      digest(new Set(["a"])),
      digest(new Date(0)),
      digest(new Date(1)),
      digest("a", "b"),
      digest("ab"),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("digests a shared object once, and sees it wherever it is shown", () => {
    const { digest } = createDigester();
    const article = { title: "Ferry" };
    expect(digest({ items: [article] })).toBe(digest({ items: [{ title: "Ferry" }] }));
    expect(digest({ items: [article] })).not.toBe(digest({ items: [{ title: "Bus" }] }));
  });

  it("leaves out the fields it is told to", () => {
    const entry = { title: "Ferry", body: "Long text" };
    const { digest } = createDigester({ omit: (value) => (value === entry ? ["body"] : undefined) });
    expect(digest({ entry })).toBe(digest({ entry: { title: "Ferry" } }));
  });

  it("refuses what it cannot digest faithfully rather than publish a stale page", () => {
    const { digest } = createDigester();
    class Counter {
      count = 1;
    }
    expect(() => digest({ counter: new Counter() })).toThrow(/instance of Counter/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => digest(loop)).toThrow(/contains itself/);
    expect(() => digest(Symbol("x"))).toThrow(/symbol/);
  });
});
