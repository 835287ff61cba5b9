import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { get, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseEncoding, serveStatic, type StaticHost } from "../../tools/static-server";

const PAGE = `<!doctype html><title>Home</title>${"<p>The harbour light is lit again.</p>".repeat(50)}`;

/** One raw response (no automatic decompression, no redirect following). */
function request(url: string, acceptEncoding?: string): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ res, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

describe("the static host of npm run audit and the browser tests", () => {
  let host: StaticHost;
  beforeAll(async () => {
    const dist = await mkdtemp(join(tmpdir(), "archive-host-"));
    await mkdir(join(dist, "news"), { recursive: true });
    await mkdir(join(dist, "_astro"), { recursive: true });
    await writeFile(join(dist, "index.html"), PAGE);
    await writeFile(join(dist, "news/index.html"), "<!doctype html><title>News</title>");
    await writeFile(join(dist, "_astro/site.abc123.css"), "body { color: black }");
    await writeFile(join(dist, "404.html"), "<!doctype html><title>Not found</title>");
    await mkdir(join(dist, "pagefind"), { recursive: true });
    await writeFile(join(dist, "pagefind/pagefind.en_abc123.pf_meta"), "meta");
    await writeFile(
      join(dist, "_headers"),
      "/archive/pagefind/*.pf_meta\n  Cache-Control: public, max-age=31536000, immutable\n",
    );
    host = await serveStatic(dist, "/archive");
  });
  afterAll(() => host.close());

  it("serves the site under its base path, compressed as the browser asks", async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/archive\/$/);
    const br = await request(host.url, "gzip, deflate, br");
    expect(br.res.statusCode).toBe(200);
    expect(br.res.headers["content-encoding"]).toBe("br");
    expect(br.res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(br.body.length).toBeLessThan(PAGE.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(PAGE);

    const gzip = await request(host.url, "gzip");
    expect(gzip.res.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(PAGE);

    const plain = await request(host.url);
    expect(plain.res.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(PAGE);
  });

  it("redirects a folder without its slash, answers unknown paths with 404.html, caches hashed assets", async () => {
    const folder = await request(`${host.url}news`);
    expect(folder.res.statusCode).toBe(301);
    expect(folder.res.headers.location).toBe("/archive/news/");

    const missing = await request(`${host.url}no/such/page/`);
    expect(missing.res.statusCode).toBe(404);
    expect(missing.body.toString()).toContain("Not found");
    expect((await request(new URL("/elsewhere/", host.url).href)).res.statusCode).toBe(404);

    const asset = await request(`${host.url}_astro/site.abc123.css`);
    expect(asset.res.headers["cache-control"]).toContain("immutable");
    expect((await request(host.url)).res.headers["cache-control"]).not.toContain("immutable");
    // A Cache-Control of the site's _headers file is sent as a host sends it, instead of the default.
    const meta = await request(`${host.url}pagefind/pagefind.en_abc123.pf_meta`);
    expect(meta.res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("reads Accept-Encoding with its weights", () => {
    expect(chooseEncoding("gzip, br;q=0")).toBe("gzip");
    expect(chooseEncoding("identity")).toBeUndefined();
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});
