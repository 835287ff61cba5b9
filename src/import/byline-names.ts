/**
 * The names of a byline written as text: "By Ann Lee, Bo Chen and Cy Dunn" → three names; an
 * RSS author written as an address with the name in brackets ("desk@example.org (Ann Lee)") → the name.
 */
export function bylineNames(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .trim()
    .replace(/^by\s+/i, "")
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/i)
    .map((name) => name.replace(/^[^\s@]+@\S+\s*\(([^)]+)\)$/, "$1").trim())
    .filter((name) => name !== "");
}
