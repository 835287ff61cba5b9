import { isReservedAddress } from "../../lib/articles";
import { findAliasProblem, isSitePath } from "../../lib/paths";

/**
 * The old address of a story that was on this archive's own site, as an alias, so that links to it
 * keep working; none for another site's story, or an address an alias cannot hold (`?p=123`, a
 * %-escaped space, one of the archive's own pages such as `/archive/…`): `source.url` keeps it.
 */
export function ownAlias(link: string | undefined, ownHosts: readonly string[]): string[] {
  if (link === undefined) return [];
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return [];
  }
  const host = url.hostname.replace(/^www\./, "");
  if (!ownHosts.some((own) => own.replace(/^www\./, "") === host)) return [];
  if (url.search !== "" || url.pathname === "/") return [];
  // As a browser shows it: a non-Latin slug's %-escapes decoded.
  let path: string;
  try {
    path = decodeURI(url.pathname);
  } catch {
    return [];
  }
  return isSitePath(path) && findAliasProblem(path) === undefined && !isReservedAddress(path) ? [path] : [];
}
