import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { createGzip } from "node:zlib";

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

/** Text types a host compresses; Pagefind's index files are gzip already and images are compressed. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg\+xml)/;

export interface StaticServerOptions {
  /** Send text files gzip-compressed to clients that accept it, as a real host does. */
  compress?: boolean;
}

/** A static host for a built site under `base`, answering unknown paths with 404.html as hosts do. */
export async function serveStatic(
  dist: string,
  base: string,
  { compress = false }: StaticServerOptions = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const prefix = base.replace(/\/+$/, "");
  const send = (req: IncomingMessage, res: ServerResponse, status: number, file: string): void => {
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const gzip =
      compress && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers["accept-encoding"]));
    res.writeHead(status, {
      "content-type": type,
      ...(compress ? { vary: "accept-encoding" } : {}),
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    const stream = createReadStream(file);
    if (gzip) stream.pipe(createGzip()).pipe(res);
    else stream.pipe(res);
  };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
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
      send(req, res, 404, join(dist, "404.html"));
      return;
    }
    send(req, res, 200, file);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
