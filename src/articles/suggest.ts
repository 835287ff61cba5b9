import { closest, distance } from "fastest-levenshtein";

/** The known name closest to a misspelt one, when it is close enough to be a likely typo. */
export function suggestName(unknown: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = unknown.toLowerCase();
  // Two swapped neighbours ("titel") are one slip, though Levenshtein counts two edits.
  const swapped = known.find((name) => isAdjacentSwap(lower, name));
  if (swapped) return swapped;
  const best = closest(lower, [...known]);
  const limit = Math.max(1, Math.floor(best.length / 3));
  return distance(lower, best) <= limit ? best : undefined;
}

/** "unknown field "publised"; did you mean "published"?" */
export function unknownFieldMessage(unknown: string, known: readonly string[]): string {
  const guess = suggestName(unknown, known);
  return guess
    ? `unknown field "${unknown}"; did you mean "${guess}"?`
    : `unknown field "${unknown}"; known fields are ${known.join(", ")}`;
}

function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}
