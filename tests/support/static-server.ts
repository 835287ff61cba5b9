import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".webp": "image/webp",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** One rule of a `_headers` file: the addresses it matches and the headers it adds. */
export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/**
 * Reads a `_headers` file as Netlify and Cloudflare Pages do: an address pattern (`*` matches
 * anything) at the start of a line, then its `Name: value` lines indented below it.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replaceAll("*", ".*");
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(":");
    if (!rule || colon < 0)
      throw new Error(`_headers: a header line outside a rule, or without a colon: ${line}`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * A static host for a built site under `base`, answering unknown paths with 404.html as hosts do,
 * and adding the headers of the site's `_headers` file as Netlify and Cloudflare Pages do.
 */
export async function serveStatic(
  dist: string,
  base: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const prefix = base.replace(/\/+$/, "");
  const headerFile = join(dist, "_headers");
  const rules = existsSync(headerFile) ? parseHeadersFile(readFileSync(headerFile, "utf8")) : [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    for (const rule of rules.filter((r) => r.pattern.test(path))) {
      for (const [name, value] of rule.headers) res.setHeader(name, value);
    }
    const inside = path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : undefined;
    let file = inside === undefined ? undefined : join(dist, normalize(inside));
    if (file && existsSync(file) && statSync(file).isDirectory()) {
      if (!inside?.endsWith("/")) {
        res.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      file = join(file, "index.html");
    }
    if (!file || !file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404, { "content-type": TYPES[".html"] });
      createReadStream(join(dist, "404.html")).pipe(res);
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
