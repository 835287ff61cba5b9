import { createHash } from "node:crypto";

/**
 * Digests of the data a page shows, for the `cacheKey` of Astro's incremental build: a page whose
 * key and code are those of the previous build is copied from the cache instead of rendered.
 *
 * A value is digested from a canonical form: objects, arrays, Maps and Sets in their order (the
 * order a page would list them in; the same code makes the same order), Dates by their instant. Each object is digested once and
 * then stands for itself by its digest, so an article shared by many pages, or a long list shared by
 * all the pages of a label, costs its size once per build, not once per page. Objects must not be
 * changed once digested (the build's data is made once and never changed afterwards).
 *
 * A function is digested as the mere fact of being a function: its code is covered by the route's
 * code hash, so a function in a page's props must compute only from code and from values the key
 * covers anyway (`pathOf(n)` of a period whose year and month are in the same props). Any other kind
 * of object (a class instance, a symbol) is refused: a key that might miss what a page shows would
 * publish a stale page.
 */
export interface Digester {
  /** The digest of all the values together, in order. */
  digest(...values: unknown[]): string;
}

export interface DigesterOptions {
  /** Keys left out of an object's digest (for instance the body of an article that a list only names). */
  omit?: (value: object) => readonly string[] | undefined;
}

const hash = (text: string) => createHash("sha256").update(text).digest("base64url");

export function createDigester(options: DigesterOptions = {}): Digester {
  const memo = new WeakMap<object, string>();
  const open = new Set<object>();

  function token(value: unknown): string {
    switch (typeof value) {
      case "string":
        return JSON.stringify(value);
      case "number":
        return Object.is(value, -0) ? "n-0" : `n${value}`;
      case "bigint":
        return `b${value}`;
      case "boolean":
        return value ? "T" : "F";
      case "undefined":
        return "U";
      case "function":
        return "f";
      case "symbol":
        throw new TypeError(`A page key cannot digest a symbol (${String(value)})`);
    }
    if (typeof value !== "object" || value === null) return "N";
    const known = memo.get(value);
    if (known !== undefined) return known;
    if (open.has(value)) throw new TypeError("A page key cannot digest a value that contains itself");
    open.add(value);
    try {
      const digest = `#${hash(canonical(value))}`;
      memo.set(value, digest);
      return digest;
    } finally {
      open.delete(value);
    }
  }

  function canonical(value: object): string {
    if (Array.isArray(value)) return `[${value.map(token).join(",")}]`;
    if (value instanceof Date) return `D${value.getTime()}`;
    if (value instanceof Map) return `M[${[...value].map(([k, v]) => `${token(k)}:${token(v)}`).join(",")}]`;
    if (value instanceof Set) return `S[${[...value].map(token).join(",")}]`;
    if (value instanceof URL) return `L${JSON.stringify(value.href)}`;
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      const name = (value as { constructor?: { name?: string } }).constructor?.name ?? "unknown";
      throw new TypeError(`A page key cannot digest an instance of ${name}: give the page plain data`);
    }
    const omitted = options.omit?.(value) ?? [];
    const record = value as Record<string, unknown>;
    const fields = Object.keys(record)
      .filter((key) => !omitted.includes(key))
      .map((key) => `${JSON.stringify(key)}:${token(record[key])}`);
    return `{${fields.join(",")}}`;
  }

  return { digest: (...values) => hash(values.map(token).join(";")) };
}
