import { describe, expect, it, vi } from "vitest";
import { ProcessPool } from "../../../src/search/pagefind-pool";

/** A task that records when it starts and ends, and ends when `finish(name)` is called. */
function recorder() {
  const events: string[] = [];
  const finishers = new Map<string, () => void>();
  const task = (name: string) => async (process: string) => {
    events.push(`start ${name} on ${process}`);
    await new Promise<void>((resolve) => finishers.set(name, resolve));
    events.push(`end ${name}`);
    return name;
  };
  const finish = async (name: string) => {
    await vi.waitFor(() => expect(finishers.has(name)).toBe(true));
    finishers.get(name)!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { events, task, finish };
}

describe("ProcessPool", () => {
  it("runs parts side by side on its processes while their pages fit the budget, the largest first", async () => {
    const pool = new ProcessPool(["A", "B"], 10_000);
    const { events, task, finish } = recorder();
    const runs = [
      pool.run(600, task("newest")),
      pool.run(2_600, task("middle")),
      pool.run(6_700, task("oldest")),
    ];
    // The two largest start together; the third waits for a free process.
    await vi.waitFor(() => expect(events).toEqual(["start oldest on B", "start middle on A"]));
    await finish("oldest");
    await vi.waitFor(() => expect(events).toContain("start newest on B"));
    await finish("middle");
    await finish("newest");
    expect(await Promise.all(runs)).toEqual(["newest", "middle", "oldest"]);
  });

  it("never holds more pages than the budget at once, and runs a part larger than the budget alone", async () => {
    const pool = new ProcessPool(["A", "B", "C"], 10_000);
    const { events, task, finish } = recorder();
    const runs = [
      pool.run(13_000, task("huge")),
      pool.run(6_000, task("big")),
      pool.run(5_000, task("other")),
    ];
    await vi.waitFor(() => expect(events).toEqual(["start huge on C"]));
    await finish("huge");
    await vi.waitFor(() => expect(events).toContain("start big on C"));
    // 6,000 + 5,000 pages would pass the budget: the other part waits.
    expect(events.filter((e) => e.startsWith("start"))).toHaveLength(2);
    await finish("big");
    await finish("other");
    await Promise.all(runs);
    expect(events.filter((e) => e.startsWith("start"))).toEqual([
      "start huge on C",
      "start big on C",
      "start other on C",
    ]);
  });

  it("frees the process of a part that failed", async () => {
    const pool = new ProcessPool(["A"], 10);
    await expect(pool.run(5, async () => Promise.reject(new Error("Pagefind failed")))).rejects.toThrow(
      "Pagefind failed",
    );
    await expect(pool.run(5, async (process) => process)).resolves.toBe("A");
  });
});
