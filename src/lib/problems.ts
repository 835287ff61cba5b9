/** One thing wrong with an article file, located as precisely as the source allows. */
export interface Problem {
  /** The file, relative to the project root. */
  file: string;
  /** 1-based line of the offending key or body element. */
  line: number;
  /** The field ("published", "images[0].alt"), or "frontmatter" / "body" for the file's parts. */
  field: string;
  /** What is wrong and what is expected. */
  message: string;
}

/** `path:line: field: message`, the one-line form every tool prints. */
/** Adds `found` to `problems` one by one: an archive-wide check can find more than a call takes as arguments. */
export function addProblems(problems: Problem[], found: Iterable<Problem>): void {
  for (const problem of found) problems.push(problem);
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`;
}

/** Orders problems by file, then line, so reports read top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

/** The problems without repeats (two images on one line naming the same missing file). */
export function dedupeProblems(problems: readonly Problem[]): Problem[] {
  return [...new Map(problems.map((p) => [formatProblem(p), p])).values()];
}

/** "images[0].alt" from a schema issue path. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out === "" ? String(key) : `${out}.${String(key)}`;
  }, "");
}

/** An error that carries every problem found, printed one per line. */
export class ArticleProblemsError extends Error {
  readonly problems: Problem[];
  constructor(problems: readonly Problem[], options?: ErrorOptions) {
    const sorted = sortProblems(problems);
    super(
      `${sorted.length} problem${sorted.length === 1 ? "" : "s"} in article files:\n` +
        sorted.map(formatProblem).join("\n"),
      options,
    );
    this.name = "ArticleProblemsError";
    this.problems = sorted;
    // The list is the whole story for an editor; the loader's stack frames would only bury it.
    this.stack = `${this.name}: ${this.message}`;
  }
}
