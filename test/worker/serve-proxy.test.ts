/**
 * `npm run serve`'s proxy follows the Worker's rules (worker/routes.ts), and without the proxy option
 * (the end-to-end tests, `npm run perf`) the static server behaves as it always did.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveDist, type DistServer } from '../../scripts/serve-dist.ts';
import { fakeDist, INDEX_HTML, REFUSED_PATHS } from './fixtures.ts';
import { startStub, type Stub } from './stub.ts';

let stub: Stub;
let withProxy: DistServer;
let plain: DistServer;
const dist = fakeDist();

beforeAll(async () => {
  stub = await startStub();
  withProxy = await serveDist(dist, 0, { proxy: { COINGECKO_BASE: `${stub.url}/api/v3`, TOKENMETRICS_BASE: `${stub.url}/v2/` } });
  plain = await serveDist(dist);
});
afterAll(async () => {
  await withProxy?.close();
  await plain?.close();
  await stub?.close();
  rmSync(dist, { recursive: true, force: true });
});
beforeEach(() => {
  stub.requests.length = 0;
  stub.answer(null);
});

describe('npm run serve: the proxy', () => {
  it('passes a documented path on with the key header only, and the answer back', async () => {
    const res = await fetch(`${withProxy.url}/proxy/coingecko/coins/markets?page=1`, { headers: { 'x-cg-demo-api-key': 'cg-key', cookie: 'a=b' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ n: 1, url: '/api/v3/coins/markets?page=1' });
    expect(stub.requests[0]?.headers['x-cg-demo-api-key']).toBe('cg-key');
    expect(stub.requests[0]?.headers.cookie).toBeUndefined();
  });

  it('sends Token Metrics its key, and refuses it without one', async () => {
    const keyed = await fetch(`${withProxy.url}/proxy/tokenmetrics/tm-grade?token_id=3315`, { headers: { 'x-api-key': 'tm-key' } });
    const keyless = await fetch(`${withProxy.url}/proxy/tokenmetrics/tm-grade?token_id=3315`);
    expect([keyed.status, keyless.status]).toEqual([200, 401]);
    expect(stub.requests.map((r) => [r.url, r.headers['x-api-key']])).toEqual([['/v2/tm-grade?token_id=3315', 'tm-key']]);
  });

  it.each(REFUSED_PATHS)('refuses %s like the Worker: 404 JSON, nothing sent upstream', async (_label, path) => {
    const res = await fetch(`${withProxy.url}${path}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/provider|documented/);
    expect(stub.requests).toHaveLength(0);
  });

  it('refuses POST with 405', async () => {
    const res = await fetch(`${withProxy.url}/proxy/coingecko/global`, { method: 'POST', body: '{}' });
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect(stub.requests).toHaveLength(0);
  });

  it('passes a 429 on with Retry-After exposed; upstream down is a 502', async () => {
    stub.answer({ status: 429, headers: { 'retry-after': '12' } });
    const limited = await fetch(`${withProxy.url}/proxy/coingecko/global`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '12']);
    expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
    stub.answer('drop');
    const down = await fetch(`${withProxy.url}/proxy/coingecko/global`);
    expect(down.status).toBe(502);
    expect(await down.json()).toEqual({ error: 'CoinGecko is unavailable', upstreamStatus: null });
  });
});

describe('serveDist without the proxy option (end-to-end tests, perf)', () => {
  it('still answers /proxy/ paths with the app shell and asks no upstream', async () => {
    const res = await fetch(`${plain.url}/proxy/coingecko/global`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX_HTML);
    expect(stub.requests).toHaveLength(0);
  });

  it('still serves /token/cardano as index.html', async () => {
    expect(await (await fetch(`${plain.url}/token/cardano`)).text()).toBe(INDEX_HTML);
  });
});
