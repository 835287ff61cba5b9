import type { APIRoute, GetStaticPaths } from "astro";
import { allYearsRoutes } from "../parts/built-here";
import { withCacheKeys } from "../archive/cache-keys";
import { getRedirects } from "../addresses/redirect-pages";
import {
  formatRedirectsFile,
  redirectFilePath,
  renderRedirectPage,
  type Redirect,
} from "../addresses/redirects";
import { site } from "../site.config";

/** The file for a host's redirect rules, beside the redirect pages. */
const HOST_FILE = "_redirects";

// One page at each old address (a file, so that any static host serves it there), and the
// `_redirects` file for hosts that answer with a real 301.
/** A path for every alias of a public article, and one for the `_redirects` file. */
export const getStaticPaths = (async () => {
  const redirects = await getRedirects();
  return withCacheKeys(
    allYearsRoutes([
      ...redirects.map((redirect) => ({
        params: { redirect: redirectFilePath(redirect.alias).slice(1) },
        props: { redirect },
      })),
      { params: { redirect: HOST_FILE }, props: { redirect: undefined } },
    ]),
    // The host's file lists every redirect.
    ({ props }) => (props.redirect === undefined ? [redirects] : []),
  );
}) satisfies GetStaticPaths;

/** The redirect page of one alias, or the `_redirects` file. */
export const GET: APIRoute<{ redirect: Redirect | undefined }> = async ({ props }) => {
  if (props.redirect === undefined) {
    return new Response(formatRedirectsFile(await getRedirects(), site.base), {
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(renderRedirectPage(props.redirect, { base: site.base, site: site.url }), {
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
};
