/** True for a path relative to a file ("./images/a.jpg", "a.jpg"), not a URL or an absolute path. */
export function isRelativeFilePath(value: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith("/") && !value.startsWith("\\");
}

/**
 * True for a path on this site that a static host can serve: it starts with a single "/",
 * has no "." or ".." segments, no query or fragment, and no spaces.
 */
export function isSitePath(value: string): boolean {
  if (!/^\/(?!\/)[^\s?#\\]*$/.test(value)) return false;
  return !value.split("/").some((segment) => segment === "." || segment === "..");
}
