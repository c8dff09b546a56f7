/** Shared by the Worker's tests and their global setup: the project root, a fake dist/, the local wrangler. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const INDEX_HTML = '<!doctype html><title>capbands</title><div id="root">fake app shell</div>\n';

/** A tiny `dist`-like folder: index.html and one hashed asset. */
export function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'capbands-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log("app");\n');
  return dir;
}

/** Environment for every wrangler run in tests: no banner (its update check asks the registry), no telemetry. */
export const WRANGLER_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_HIDE_BANNER: 'true',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  NO_COLOR: '1',
};

/** Runs the project's own wrangler (never a downloaded one). */
export function wrangler(args: readonly string[]): string {
  return execFileSync(process.execPath, [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), ...args], {
    cwd: ROOT,
    env: WRANGLER_ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Paths under `/proxy/` that both the Worker and `npm run serve` refuse with 404, with a label. */
export const REFUSED_PATHS: ReadonlyArray<readonly [string, string]> = [
  ['another provider', '/proxy/other/x'],
  ['the bare prefix', '/proxy/'],
  ['an absolute URL', '/proxy/coingecko/https://evil.example/x'],
  ['a protocol-relative URL', '/proxy/coingecko//evil.example/x'],
  ['an undocumented CoinGecko path', '/proxy/coingecko/coins/list'],
  ['an undocumented Token Metrics path', '/proxy/tokenmetrics/price'],
  ['an encoded slash', '/proxy/coingecko/coins/..%2f..%2fglobal/market_chart'],
  ['a dot-dot coin id', '/proxy/coingecko/coins/a..b/market_chart'],
  ['a trailing slash', '/proxy/coingecko/global/'],
];
