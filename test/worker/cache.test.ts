/**
 * The shared cache and the key rules, in the real Worker runtime with the default fresh times
 * (CoinGecko 60 s, Token Metrics 3 h): every request below lands well inside them.
 */
import { describe, expect, it } from 'vitest';
import { withWorkerAndStub } from './harness.ts';

const ctx = withWorkerAndStub();

const { get } = ctx;

describe('shared cache', () => {
  it('answers the second request for the same URL from the cache: one upstream request for two client requests', async () => {
    const first = await get('/proxy/coingecko/global');
    const second = await get('/proxy/coingecko/global');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-capbands-cache')).toBe('miss');
    expect(second.headers.get('x-capbands-cache')).toBe('hit');
    expect(await second.json()).toEqual(await first.json());
    expect(ctx.stub.requests.map((r) => r.url)).toEqual(['/api/v3/global']);
    expect(second.headers.get('content-type')).toContain('application/json');
    expect(Number(second.headers.get('x-capbands-fetched-at'))).toBeGreaterThan(0);
  });

  it('keeps the query: another page is another entry, and the query reaches upstream as sent', async () => {
    await get('/proxy/coingecko/coins/markets?vs_currency=usd&page=1');
    await get('/proxy/coingecko/coins/markets?vs_currency=usd&page=2');
    const again = await get('/proxy/coingecko/coins/markets?page=1&vs_currency=usd');
    expect(ctx.stub.requests.map((r) => r.url)).toEqual(['/api/v3/coins/markets?vs_currency=usd&page=1', '/api/v3/coins/markets?vs_currency=usd&page=2']);
    expect(again.headers.get('x-capbands-cache')).toBe('hit');
  });

  it('does not cache an upstream error it passes on (404)', async () => {
    ctx.stub.answer({ status: 404, body: '{"error":"coin not found"}' });
    const first = await get('/proxy/coingecko/coins/nope/market_chart?vs_currency=usd&days=365');
    const second = await get('/proxy/coingecko/coins/nope/market_chart?vs_currency=usd&days=365');
    expect([first.status, second.status]).toEqual([404, 404]);
    expect(await second.json()).toEqual({ error: 'coin not found' });
    expect(ctx.stub.requests).toHaveLength(2);
  });

  it('answers HEAD with headers only, through the same cache', async () => {
    const head = await fetch(`${ctx.worker.url}/proxy/coingecko/ping`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const body = await get('/proxy/coingecko/ping');
    expect(body.headers.get('x-capbands-cache')).toBe('hit');
    expect(ctx.stub.requests.map((r) => r.method)).toEqual(['GET']);
  });
});

describe('keys', () => {
  it('passes the CoinGecko key upstream untouched, and nothing else of the client', async () => {
    await get('/proxy/coingecko/coins/markets?page=9', {
      'x-cg-demo-api-key': 'CG-alice-Key_123',
      'x-api-key': 'tm-secret',
      cookie: 'session=1',
      authorization: 'Bearer nope',
    });
    const seen = ctx.stub.requests[0]?.headers;
    expect(seen?.['x-cg-demo-api-key']).toBe('CG-alice-Key_123');
    expect(seen?.['x-api-key']).toBeUndefined();
    expect(seen?.cookie).toBeUndefined();
    expect(seen?.authorization).toBeUndefined();
  });

  it('never serves a keyed answer to a keyless request or to another key; the same key hits', async () => {
    const path = '/proxy/coingecko/coins/markets?page=3';
    const alice = await get(path, { 'x-cg-demo-api-key': 'alice' });
    const keyless = await get(path);
    const bob = await get(path, { 'x-cg-demo-api-key': 'bob' });
    const aliceAgain = await get(path, { 'x-cg-demo-api-key': 'alice' });
    const keylessAgain = await get(path);
    expect(ctx.stub.requests.map((r) => r.headers['x-cg-demo-api-key'] ?? null)).toEqual(['alice', null, 'bob']);
    expect([alice, keyless, bob, aliceAgain, keylessAgain].map((r) => r.headers.get('x-capbands-cache'))).toEqual(['miss', 'miss', 'miss', 'hit', 'hit']);
    const bodies = (await Promise.all([alice, keyless, bob, aliceAgain, keylessAgain].map((r) => r.json()))) as Array<{ n: number }>;
    expect(bodies.map((b) => b.n)).toEqual([1, 2, 3, 1, 2]);
  });

  it('refuses Token Metrics without a key, before asking upstream', async () => {
    const res = await get('/proxy/tokenmetrics/tm-grade?token_id=3315');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: expect.stringContaining('x-api-key') });
    expect(ctx.stub.requests).toHaveLength(0);
  });

  it('passes the Token Metrics key upstream and keeps each key its own grades', async () => {
    const path = '/proxy/tokenmetrics/trader-grades?token_id=3315,3119&limit=100&page=1';
    const one = await get(path, { 'x-api-key': 'tm-key-one', 'x-cg-demo-api-key': 'cg' });
    const two = await get(path, { 'x-api-key': 'tm-key-two' });
    const oneAgain = await get(path, { 'x-api-key': 'tm-key-one' });
    expect(ctx.stub.requests.map((r) => [r.url, r.headers['x-api-key'], r.headers['x-cg-demo-api-key']])).toEqual([
      ['/v2/trader-grades?token_id=3315,3119&limit=100&page=1', 'tm-key-one', undefined],
      ['/v2/trader-grades?token_id=3315,3119&limit=100&page=1', 'tm-key-two', undefined],
    ]);
    expect([one, two, oneAgain].map((r) => r.headers.get('x-capbands-cache'))).toEqual(['miss', 'miss', 'hit']);
  });

  it('never writes a key to the logs', async () => {
    await get('/proxy/tokenmetrics/tm-grade?token_id=1', { 'x-api-key': 'tm-LOGCHECK-7f3a' });
    ctx.stub.answer('drop');
    await get('/proxy/tokenmetrics/tm-grade?token_id=2', { 'x-api-key': 'tm-LOGCHECK-7f3a' });
    expect(ctx.stub.requests.length).toBeGreaterThan(0);
    expect(ctx.worker.output()).not.toContain('LOGCHECK');
  });
});
