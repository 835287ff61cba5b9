/**
 * Runs the search index's parts on several Pagefind processes at once, with at most `budget`
 * article pages held by all of them together: Pagefind holds every page of a part until it writes
 * it, so the processes together never hold more than one part of the largest size would. A part
 * larger than the budget runs alone. Of the parts waiting, the largest that fits starts first, so
 * the longest part does not start last.
 */
export class ProcessPool<P> {
  private readonly free: P[];
  private pagesInFlight = 0;
  private readonly waiting: { pages: number; start: (process: P) => void }[] = [];

  constructor(
    processes: readonly P[],
    private readonly budget: number,
  ) {
    if (processes.length === 0) throw new Error("A pool needs at least one process");
    this.free = [...processes];
  }

  /** Runs `task` on a free process once `pages` more fit the budget; the process is free again after. */
  async run<T>(pages: number, task: (process: P) => Promise<T>): Promise<T> {
    const process = await new Promise<P>((start) => {
      this.waiting.push({ pages, start });
      // Parts asked for together are all waiting before one starts, so the largest goes first.
      queueMicrotask(() => this.startWhatFits());
    });
    try {
      return await task(process);
    } finally {
      this.pagesInFlight -= pages;
      this.free.push(process);
      this.startWhatFits();
    }
  }

  private startWhatFits(): void {
    while (this.free.length > 0 && this.waiting.length > 0) {
      const room = this.budget - this.pagesInFlight;
      const fitting = this.waiting
        .map((wait, i) => ({ wait, i }))
        .filter(({ wait }) => this.pagesInFlight === 0 || wait.pages <= room)
        .sort((a, b) => b.wait.pages - a.wait.pages)[0];
      if (fitting === undefined) return;
      this.waiting.splice(fitting.i, 1);
      this.pagesInFlight += fitting.wait.pages;
      fitting.wait.start(this.free.pop()!);
    }
  }
}
