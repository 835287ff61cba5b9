/**
 * The filter lists beside the results: one collapsible group per filter (written by the page), each
 * filled with its values and counts when the reader opens it. Long lists show their most frequent
 * values until the reader asks for all of them.
 */
import { SEARCH_FACETS, limitFacetValues, listFacetValues, type FacetKey } from "../filters";
import type { SearchState } from "../state";
import type { FacetCounts } from "./facet-counts";

const FACET_LIMIT = 10;

/** The filter lists recorded as open in a history entry's state. */
export function openFacetsIn(saved: unknown): FacetKey[] {
  const open = (saved as { openFacets?: unknown } | null)?.openFacets;
  return SEARCH_FACETS.map(({ key }) => key).filter((key) => Array.isArray(open) && open.includes(key));
}

export class FilterPanel {
  /**
   * The lists the reader has open. A list's values load when it is opened (or has a value
   * chosen); which are open is kept with each history entry, so that a reload or Back reopens them.
   */
  readonly open: Set<FacetKey>;
  private readonly expanded = new Set<FacetKey>();
  private counts: FacetCounts = {};
  private complete = true;

  constructor(
    private readonly element: HTMLElement | null,
    open: Iterable<FacetKey>,
  ) {
    this.open = new Set(open);
  }

  /** The open/closed filter group written by the page for a filter key. */
  private group(key: FacetKey): HTMLDetailsElement | null {
    return this.element?.querySelector<HTMLDetailsElement>(`details[data-facet="${key}"]`) ?? null;
  }

  /** Fills the open lists with `counts`, keeping keyboard focus on the same checkbox or button. */
  render(counts: FacetCounts, view: SearchState, complete = true): void {
    const facets = this.element;
    if (!facets) return;
    this.counts = counts;
    this.complete = complete;
    const active = document.activeElement;
    const focused =
      active instanceof HTMLInputElement && facets.contains(active)
        ? `input[name="${CSS.escape(active.name)}"][value="${CSS.escape(active.value)}"]`
        : active instanceof HTMLButtonElement && facets.contains(active)
          ? `button[data-facet="${active.dataset.facet ?? ""}"]`
          : undefined;
    for (const { key } of SEARCH_FACETS) {
      const group = this.group(key);
      const items = group?.querySelector("ul");
      if (!group || !items) continue;
      group.open = this.open.has(key);
      const loaded = counts[key];
      group.querySelector(".facet__more")?.remove();
      if (!loaded) {
        items.replaceChildren();
        continue;
      }
      const values = listFacetValues(key, loaded, view.filters[key]);
      const shown = this.expanded.has(key)
        ? values
        : limitFacetValues(values, view.filters[key], FACET_LIMIT);
      items.replaceChildren(
        ...shown.map(([value, count], i) => {
          const item = document.createElement("li");
          const input = document.createElement("input");
          input.type = "checkbox";
          input.name = key;
          input.value = value;
          input.id = `facet-${key}-${i}`;
          input.checked = view.filters[key].includes(value);
          const text = document.createElement("label");
          text.htmlFor = input.id;
          // Until every part is searched a count is what has been found so far: "12+".
          text.textContent = `${value} (${count}${complete ? "" : "+"})`;
          item.append(input, text);
          return item;
        }),
      );
      if (values.length === 0) {
        const none = document.createElement("li");
        none.textContent = "None in these results";
        items.append(none);
      }
      if (values.length > FACET_LIMIT) {
        const toggle = document.createElement("button");
        toggle.type = "button";
        toggle.className = "facet__more";
        toggle.dataset.facet = key;
        toggle.setAttribute("aria-expanded", String(this.expanded.has(key)));
        toggle.textContent = this.expanded.has(key) ? "Show fewer" : `Show all ${values.length}`;
        items.after(toggle);
      }
    }
    facets.hidden = false;
    if (focused) facets.querySelector<HTMLElement>(focused)?.focus();
  }

  /** Shows all of a list's values, or its most frequent again, with the counts last shown. */
  toggleAll(key: FacetKey, view: SearchState): void {
    if (!this.expanded.delete(key)) this.expanded.add(key);
    this.render(this.counts, view, this.complete);
  }
}
