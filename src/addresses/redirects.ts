import { textDirection } from "../lib/language";
import { plainPolicy } from "../security/policy";
import { withBase } from "../lib/urls";

/** An old address of an article (from `aliases`) and where it now lives. */
export interface Redirect {
  /** The old root-relative address, as written in `aliases`. */
  alias: string;
  /** The article's root-relative address. */
  target: string;
  /** The article's headline, for the redirect page's link. */
  title: string;
  /** The article's language, for the redirect page. */
  language: string;
  /** What moved, in the redirect page's sentence: an article unless said. */
  noun?: "article" | "page";
}

/** Every redirect the public articles ask for, in a stable order. */
export function collectRedirects(
  articles: readonly {
    path: string;
    data: { title: string; language: string; aliases: readonly string[] };
  }[],
): Redirect[] {
  return articles
    .flatMap((article) =>
      article.data.aliases.map((alias) => ({
        alias,
        target: article.path,
        title: article.data.title,
        language: article.data.language,
      })),
    )
    .sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0));
}

/**
 * The file a static host serves at an old address, root-relative: an address ending in
 * .html or .htm is that file; any other is a folder, served by its index.html
 * ("/old/story/" and "/old/story" → "/old/story/index.html").
 */
export function redirectFilePath(alias: string): string {
  if (/\.html?$/i.test(alias)) return alias;
  return `${alias.replace(/\/+$/, "")}/index.html`;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page left at an old address: it sends browsers on at once (meta refresh), tells
 * search engines where the article lives (canonical) and not to index it, and links the
 * article for anyone whose browser does not follow.
 */
export function renderRedirectPage(
  redirect: Redirect,
  { base, site }: { base: string; site: string },
): string {
  const target = withBase(redirect.target, base);
  const canonical = new URL(target, site).href;
  const title = escapeHtml(redirect.title);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(redirect.language)}" dir="${textDirection(redirect.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${escapeHtml(plainPolicy())}">
<title>Moved: ${title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(canonical)}">
<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="strict-origin-when-cross-origin">
<link rel="icon" href="${escapeHtml(withBase("/favicon.svg", base))}" type="image/svg+xml">
</head>
<body data-pagefind-ignore="all">
<p>This ${redirect.noun ?? "article"} has moved to <a href="${escapeHtml(target)}">${title}</a>.</p>
</body>
</html>
`;
}

/** The `_redirects` file (Netlify and Cloudflare Pages): one permanent redirect a line, base path included. */
export function formatRedirectsFile(redirects: readonly Redirect[], base: string): string {
  const lines = redirects.map((r) => `${withBase(r.alias, base)} ${withBase(r.target, base)} 301`);
  return `# Old addresses of articles (their aliases), moved permanently.\n${lines.map((l) => `${l}\n`).join("")}`;
}
