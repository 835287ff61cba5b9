import { existsSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

// Text types a host compresses on the way out; images, fonts and Pagefind's files (gzipped by
// Pagefind itself) go as they are.
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".wasm"]);

/** A running static host: its address (ending in the base path and a slash) and how to stop it. */
export interface StaticHost {
  url: string;
  close: () => Promise<void>;
}

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
 * A static host for a built site under `base`, as production hosts behave: directories answer with
 * their index.html (a path without its trailing slash is redirected), unknown paths get 404.html
 * with status 404, text is sent brotli- or gzip-compressed when the browser accepts it, and Astro's
 * content-hashed `_astro/` files are cacheable for a year, and the headers of the site's `_headers`
 * file are added as Netlify and Cloudflare Pages do. Listens on a free port on loopback.
 */
export async function serveStatic(dist: string, base: string): Promise<StaticHost> {
  const prefix = base.replace(/\/+$/, "");
  const root = normalize(dist).replace(/\/+$/, "");
  // Compressed bodies are made once per file and encoding: the built site does not change while served.
  const compressed = new Map<string, Buffer>();
  const headerFile = join(root, "_headers");
  const rules = existsSync(headerFile) ? parseHeadersFile(readFileSync(headerFile, "utf8")) : [];

  async function send(req: IncomingMessage, res: ServerResponse, file: string, status: number) {
    const ext = extname(file);
    const headers: Record<string, string> = {
      "content-type": TYPES[ext] ?? "application/octet-stream",
      // A rule of the site's `_headers` file, already set on the response, decides when it has one.
      ...(!res.hasHeader("cache-control") && {
        "cache-control": file.startsWith(join(root, "_astro") + sep)
          ? "public, max-age=31536000, immutable"
          : "public, max-age=0, must-revalidate",
      }),
    };
    let body: Buffer = await readFile(file);
    if (COMPRESSIBLE.has(ext)) {
      headers.vary = "accept-encoding";
      const encoding = chooseEncoding(req.headers["accept-encoding"]);
      if (encoding) {
        const key = `${encoding}:${file}`;
        const cached = compressed.get(key) ?? compress(body, encoding);
        compressed.set(key, cached);
        body = cached;
        headers["content-encoding"] = encoding;
      }
    }
    headers["content-length"] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  const server: Server = createServer((req, res) => {
    const path = safeDecode(new URL(req.url ?? "/", "http://localhost").pathname);
    for (const rule of rules.filter((r) => path !== undefined && r.pattern.test(path))) {
      for (const [name, value] of rule.headers) res.setHeader(name, value);
    }
    const inside = path?.startsWith(`${prefix}/`) ? path.slice(prefix.length) : undefined;
    let file = inside === undefined ? undefined : join(root, normalize(inside));
    if (file && existsSync(file) && statSync(file).isDirectory()) {
      if (!inside?.endsWith("/")) {
        res.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      file = join(file, "index.html");
    }
    const found = file !== undefined && file.startsWith(root + sep) && existsSync(file);
    send(req, res, found ? file! : join(root, "404.html"), found ? 200 : 404).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": TYPES[".txt"]! });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** "br" or "gzip" when the Accept-Encoding header allows it (br first, as hosts prefer), else undefined. */
export function chooseEncoding(accept: string | string[] | undefined): "br" | "gzip" | undefined {
  const accepted = new Map<string, number>();
  for (const part of [accept ?? ""].flat().join(",").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name) accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const allowed = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (allowed("br")) return "br";
  if (allowed("gzip")) return "gzip";
  return undefined;
}

function compress(body: Buffer, encoding: "br" | "gzip"): Buffer {
  return encoding === "br"
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body, { level: 9 });
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
