/**
 * The only script on article and list pages, kept tiny: `/` jumps to the search box, and a page
 * opened from a search result (`?highlight=word`) marks the searched words and scrolls to the
 * first one. Pagefind's highlighter is fetched only for such a page; the search itself loads
 * on the search page.
 */

const HIGHLIGHT_PARAM = "highlight";

document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  const target = event.target as HTMLElement;
  if (target.isContentEditable || target.closest("input, textarea, select")) return;
  const box =
    document.querySelector<HTMLInputElement>("main input[type=search]") ??
    document.querySelector<HTMLInputElement>("input[type=search]");
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

interface HighlightOptions {
  highlightParam: string;
  addStyles: boolean;
  markOptions: { className: string; exclude: string[] };
}

if (new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM).some((word) => word !== "")) {
  // A script element rather than import(), which would pull the bundler's preload helper into every page.
  const script = document.createElement("script");
  script.type = "module";
  // The address is spelt out rather than imported from lib/urls, which the search page's script
  // also uses: sharing it would split it into a chunk this file must import on every page.
  script.src = `${import.meta.env.BASE_URL.replace(/\/?$/, "/")}pagefind/pagefind-highlight.js`;
  script.addEventListener("load", () => {
    const { PagefindHighlight } = window as unknown as {
      PagefindHighlight: new (options: HighlightOptions) => unknown;
    };
    new PagefindHighlight({
      highlightParam: HIGHLIGHT_PARAM,
      // The marks are styled by the site's stylesheet: an injected <style> would need 'unsafe-inline'.
      addStyles: false,
      markOptions: {
        className: "search-highlight",
        exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *"],
      },
    });
    document.querySelector("mark.search-highlight")?.scrollIntoView({ block: "center" });
  });
  document.head.append(script);
}
