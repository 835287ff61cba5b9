import type { AstroIntegration } from "astro";

/** Where `npm start` and the dev server serve the site; a build for them may use it as its address. */
export const LOCAL_SITE_URL = "http://localhost:4321";

/**
 * Why a build must not go on without a site address (undefined when it has one): every absolute
 * address it writes (canonical links, citations, feeds, the sitemap, the printed permanent
 * address) would point to the local preview, and a reader following one would land nowhere.
 */
export function missingSiteAddress(env: NodeJS.ProcessEnv): string | undefined {
  if (env.SITE_URL?.trim()) return undefined;
  return (
    "SITE_URL is not set, so every absolute address the site writes (canonical links, citations, feeds, " +
    `the sitemap, the printed permanent address) would say ${LOCAL_SITE_URL}. Set it to the address ` +
    "the site is served from, e.g. SITE_URL=https://news.example.org npm run build; to build for a " +
    "local preview instead, run npm start (or npm run build -- --local)."
  );
}

/** Stops a build without a site address before it writes anything; the dev server needs none. */
export function siteAddressIntegration(): AstroIntegration {
  return {
    name: "archive:site-address",
    hooks: {
      "astro:config:setup": ({ command }) => {
        const problem = command === "build" ? missingSiteAddress(process.env) : undefined;
        if (problem) throw new Error(problem);
      },
    },
  };
}
