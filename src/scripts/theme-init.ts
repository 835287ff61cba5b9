/**
 * The theme script, run inline in every page's head before the first paint so that a chosen theme
 * never flashes the other one. It is a string so that the page and the Content-Security-Policy
 * (which allows it by its hash) take the very same bytes. A stored "light" or "dark" wins; anything
 * else, or no storage at all, follows the system.
 */
export const THEME_INIT_SCRIPT =
  'let t=null;try{t=localStorage.getItem("theme")}catch{}document.documentElement.dataset.theme=t=="light"||t=="dark"?t:matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";';
