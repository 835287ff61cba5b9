/** The search form's controls: the search box, the order and the language of the index searched. */
import { effectiveSort, type SearchState } from "../state";
import { autonym } from "../../lib/language";

export interface SearchControls {
  box: HTMLInputElement | null;
  sortSelect: HTMLSelectElement | null;
  /** The language choice, shown when the site has articles in several languages. */
  languageChoice: HTMLElement | null;
  languageSelect: HTMLSelectElement | null;
  /** The date range's first and last day, and the button that clears them. */
  from: HTMLInputElement | null;
  to: HTMLInputElement | null;
  clearDates: HTMLButtonElement | null;
}

/** Shows the state in the form's controls. */
export function showState(controls: SearchControls, view: SearchState, language: string): void {
  const { box, sortSelect, languageSelect, from, to, clearDates } = controls;
  if (box) box.value = view.query;
  if (from) from.value = view.from ?? "";
  if (to) to.value = view.to ?? "";
  if (clearDates) clearDates.hidden = view.from === undefined && view.to === undefined;
  if (sortSelect) {
    sortSelect.value = effectiveSort(view);
    const relevance = sortSelect.querySelector<HTMLOptionElement>('option[value="relevance"]');
    // Without words there is nothing to rank by relevance.
    if (relevance) relevance.disabled = view.query === "";
  }
  if (languageSelect) languageSelect.value = language;
}

/** Offers the languages the indexes hold, `language` chosen. */
export function renderLanguages(
  controls: SearchControls,
  available: Record<string, { page_count: number }>,
  language: string,
): void {
  const { languageChoice, languageSelect } = controls;
  if (!languageSelect || !languageChoice) return;
  const tags = Object.keys(available);
  languageChoice.hidden = tags.length < 2;
  languageSelect.replaceChildren(
    ...tags.map((tag) => {
      const option = document.createElement("option");
      option.value = tag;
      option.lang = tag;
      option.textContent = autonym(tag);
      return option;
    }),
  );
  languageSelect.value = language;
}

/** The index to search: the one asked for, else the reader's language, else the site's. */
export function chooseLanguage(
  asked: string | undefined,
  available: readonly string[],
  preferred: readonly string[],
  siteLanguage: string,
): string {
  const match = (tag: string): string | undefined => {
    const lower = tag.toLowerCase();
    const primary = (l: string): string => l.split("-")[0] ?? l;
    return available.find((l) => l === lower) ?? available.find((l) => primary(l) === primary(lower));
  };
  for (const tag of [...(asked ? [asked] : []), ...preferred, siteLanguage]) {
    const found = match(tag);
    if (found) return found;
  }
  return available[0] ?? siteLanguage;
}
