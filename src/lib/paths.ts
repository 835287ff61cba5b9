/** True for a path relative to a file ("./images/a.jpg", "a.jpg"), not a URL or an absolute path. */
export function isRelativeFilePath(value: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith("/") && !value.startsWith("\\");
}

/**
 * True for a path on this site that a static host can serve as written: it starts with a
 * single "/", has no empty, hidden, "." or ".." segments (percent-encoded or not), no query
 * or fragment, and no spaces.
 */
export function isSitePath(value: string): boolean {
  if (!/^\/(?!\/)[^\s?#\\]*$/.test(value)) return false;
  const segments = value.slice(1).split("/");
  return segments.every(
    (segment, i) => (segment !== "" || i === segments.length - 1) && !/^(\.|%2e)/i.test(segment),
  );
}

/** "my%20photo.jpg" names the file "my photo.jpg"; a malformed escape is taken as written. */
export function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/**
 * Why an old address (an alias) cannot be given a redirect as written, or undefined when it
 * can: a host's `_redirects` reads "*" and ":name" as patterns, and the redirect page is
 * saved under the address's file name, which hosts look up after undoing %-escapes.
 */
export function findAliasProblem(alias: string): string | undefined {
  if (/[*:]/.test(alias)) {
    return "an old address may not contain * or :, which hosts' redirect rules read as patterns that match other addresses; list each old address in full";
  }
  if (!alias.includes("%")) return undefined;
  const decoded = decodePath(alias);
  return decoded !== alias && !decoded.includes("%") && isSitePath(decoded)
    ? `write the old address without %-escapes, as a browser shows it: ${decoded}`
    : "an old address may not contain %-escapes of spaces or reserved characters (%20, %2F, %3F…): hosts cannot redirect it as a page";
}
