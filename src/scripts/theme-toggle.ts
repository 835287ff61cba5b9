/**
 * The theme switch in the site header: the reader's choice ("light" or "dark") is kept in
 * localStorage["theme"] and set as data-theme on <html>, where the inline theme init script
 * (components/ThemeInit.astro) sets it on the next page before it paints. With no choice stored
 * the page follows the system setting, also when it changes while the page is open.
 */

const THEME_KEY = "theme";
type Theme = "light" | "dark";

const root = document.documentElement;
const systemDark = matchMedia("(prefers-color-scheme: dark)");
const toggles = [...document.querySelectorAll<HTMLButtonElement>("button[data-theme-toggle]")];

/** The stored choice, if there is a valid one; storage may be unavailable (privacy modes). */
function storedTheme(): Theme | undefined {
  let value: string | null = null;
  try {
    value = localStorage.getItem(THEME_KEY);
  } catch {
    // No storage: follow the system.
  }
  return value === "light" || value === "dark" ? value : undefined;
}

function applyTheme(theme: Theme): void {
  root.dataset.theme = theme;
  for (const toggle of toggles) toggle.setAttribute("aria-pressed", String(theme === "dark"));
}

const followTheme = () => applyTheme(storedTheme() ?? (systemDark.matches ? "dark" : "light"));

followTheme();
for (const toggle of toggles) {
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const next: Theme = root.dataset.theme === "dark" ? "light" : "dark";
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Not remembered, but this page still switches.
    }
    applyTheme(next);
  });
}
systemDark.addEventListener("change", followTheme);
// A choice made in another tab applies here too.
addEventListener("storage", (event) => {
  if (event.key === THEME_KEY || event.key === null) followTheme();
});
