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
