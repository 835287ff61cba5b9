/**
 * What the search page's status line (`#search-status`) says about a search once it has been
 * submitted: still running, complete, or failed. The bench keys "complete results" on this alone,
 * so a change to the page's wording is adapted here.
 *
 * - "failed": the page's message that search could not be loaded;
 * - "searching": the text ends in an ellipsis ("Searching for “x”…") or says the results are
 *   partial ("12 results so far for “x”"), as a search over several indexes does while the older
 *   ones are still being searched;
 * - "complete": anything else, i.e. the final count ("12 results for “x”", "No articles match “x”.").
 */
export type SearchStatus = "searching" | "complete" | "failed";

export function readSearchStatus(text: string): SearchStatus {
  const line = text.replace(/\s+/g, " ").trim();
  if (/could not be loaded/i.test(line)) return "failed";
  if (line === "" || /(…|\.\.\.)$/.test(line) || /\bso far\b/i.test(line)) return "searching";
  return "complete";
}
