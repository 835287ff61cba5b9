import { closest, distance } from "fastest-levenshtein";

/** The known name closest to a misspelt one, when it is close enough to be a likely typo. */
export function suggestName(unknown: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = unknown.toLowerCase();
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
