/**
 * What the Worker refuses (anything but the two providers' documented paths, anything but GET and
 * HEAD, keys in URLs) and what it serves besides the proxy: the app, with the single-page fallback.
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { INDEX_HTML, REFUSED_PATHS } from './fixtures.ts';
import { withWorkerAndStub } from './harness.ts';

const ctx = withWorkerAndStub();

/**
 * Sends `rawPath` and `headers` exactly as written: fetch would resolve `..` before sending, and
 * undici's fetch replaces `sec-fetch-mode` with its own `cors`, so a navigation needs a raw request.
 */
function rawGet(
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(ctx.worker.url);
  return new Promise((ok, fail) => {
    const req = httpRequest({ hostname, port, path: rawPath, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('refused', () => {
  it.each(REFUSED_PATHS)('%s: 404 with a JSON reason, nothing sent upstream', async (_label, path) => {
    const res = await fetch(`${ctx.worker.url}${path}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/provider|documented/);
    expect(ctx.stub.requests).toHaveLength(0);
  });

  it.each(['/proxy/coingecko/../../etc/passwd', '/proxy/coingecko/%2e%2e/%2e%2e/etc/passwd', '/proxy/tokenmetrics/../../../etc'])(
    'a path that climbs out (%s) never reaches upstream: it resolves outside /proxy/, to the app',
    async (path) => {
      const res = await rawGet(path);
      expect(ctx.stub.requests).toHaveLength(0);
      expect(res.headers['x-capbands-cache']).toBeUndefined();
      expect(res.body).not.toContain('passwd');
    },
  );

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s: 405, nothing sent upstream', async (method) => {
    const res = await fetch(`${ctx.worker.url}/proxy/coingecko/global`, {
      method,
      ...(method === 'OPTIONS' ? {} : { body: method === 'DELETE' ? null : '{}' }),
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(ctx.stub.requests).toHaveLength(0);
  });

  it('a key in the query string: 400, nothing sent upstream', async () => {
    const res = await fetch(`${ctx.worker.url}/proxy/coingecko/global?x_cg_demo_api_key=CG-abc`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('x-cg-demo-api-key');
    expect(ctx.stub.requests).toHaveLength(0);
  });
});

describe('allowed', () => {
  it.each([
    ['/proxy/coingecko/coins/markets?vs_currency=usd', '/api/v3/coins/markets?vs_currency=usd'],
    ['/proxy/coingecko/global', '/api/v3/global'],
    ['/proxy/coingecko/coins/avalanche-2/market_chart?vs_currency=usd&days=365', '/api/v3/coins/avalanche-2/market_chart?vs_currency=usd&days=365'],
    ['/proxy/coingecko/ping', '/api/v3/ping'],
    ...['tokens', 'tm-grade', 'trader-grades', 'investor-grades', 'technology-grade', 'trading-signals', 'scenario-analysis'].map((p) => [
      `/proxy/tokenmetrics/${p}?token_id=3315`,
      `/v2/${p}?token_id=3315`,
    ]),
  ])('%s -> %s', async (path, upstream) => {
    const res = await fetch(`${ctx.worker.url}${path}`, { headers: { 'x-api-key': 'k' } });
    expect(res.status).toBe(200);
    expect(ctx.stub.requests.map((r) => r.url)).toEqual([upstream]);
  });
});

describe('the app', () => {
  const NAVIGATE = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', accept: 'text/html' };

  it.each([
    ['a fetch', {}],
    ['a navigation', NAVIGATE],
  ])('serves index.html for /token/cardano (%s): the single-page fallback', async (_label, headers) => {
    const res = await rawGet('/token/cardano', headers);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toBe(INDEX_HTML);
  });

  it('serves a built asset as itself', async () => {
    const res = await fetch(`${ctx.worker.url}/assets/app-abc123.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('console.log("app")');
  });

  it('a navigation to a proxy path still reaches the proxy, not the fallback', async () => {
    const res = await rawGet('/proxy/other/x', NAVIGATE);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
  });
});
