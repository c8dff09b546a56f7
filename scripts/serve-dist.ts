/**
 * A static server for the built app (`dist/`) on localhost, with the single-page fallback:
 * any path without a file extension gets `index.html`. Used by the end-to-end tests and `npm run perf`
 * (no proxy: their browsers answer `/proxy/` themselves), and by `npm run serve`, which adds the
 * providers' proxy under `/proxy/` with the edge Worker's rules (scripts/serve-proxy.ts).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { isProxyPath } from '../worker/routes.ts';
import { proxyLocal, type UpstreamBases } from './serve-proxy.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

export interface DistServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Proxy `/proxy/coingecko/*` and `/proxy/tokenmetrics/*` to these roots (unset ones: the documented roots). Absent: no proxy. */
  readonly proxy?: UpstreamBases;
}

/** Serves `dir` on 127.0.0.1 (port 0 picks a free one). */
export async function serveDist(dir: string, port = 0, options: ServeOptions = {}): Promise<DistServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`npm run build\` first`);
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    const { proxy } = options;
    if (proxy && isProxyPath(url.pathname)) {
      void proxyLocal(req, res, proxy).catch(() => res.destroy());
      return;
    }
    const file = normalize(join(root, pathname));
    const inside = file.startsWith(root);
    const isFile = inside && existsSync(file) && statSync(file).isFile();
    const target = isFile ? file : extname(pathname) === '' ? join(root, 'index.html') : null;
    if (!target) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': target.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(target)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address: AddressInfo | string | null = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const server = await serveDist(process.argv[2] ?? 'dist', Number(process.argv[3] ?? 4173), {
    proxy: { COINGECKO_BASE: process.env.COINGECKO_BASE, TOKENMETRICS_BASE: process.env.TOKENMETRICS_BASE },
  });
  console.log(`serving dist at ${server.url}`);
}
