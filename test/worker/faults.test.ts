/**
 * Upstream refusing (429) or down (5xx, dropped connection): with the fresh time at 0 every request
 * asks upstream, so a cached entry is there only as the stale copy to fall back on.
 */
import { describe, expect, it } from 'vitest';
import { withWorkerAndStub } from './harness.ts';

const ctx = withWorkerAndStub({ COINGECKO_FRESH_SECONDS: '0', TOKENMETRICS_FRESH_SECONDS: '0' });

const { get } = ctx;

/** Fills the cache for `path` with the stub's default answer and returns its body. */
async function warm(path: string, headers: Record<string, string> = {}): Promise<unknown> {
  ctx.stub.answer(null);
  const res = await get(path, headers);
  expect(res.headers.get('x-capbands-cache')).toBe('miss');
  return res.json();
}

describe('429 from upstream', () => {
  it('answers from the cache, marked stale, when it holds the entry', async () => {
    const path = '/proxy/coingecko/coins/markets?page=1';
    const cached = await warm(path);
    ctx.stub.answer({ status: 429, headers: { 'retry-after': '30' } });
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-capbands-cache')).toBe('stale');
    expect(res.headers.get('x-capbands-upstream-status')).toBe('429');
    expect(await res.json()).toEqual(cached);
    expect(ctx.stub.requests).toHaveLength(2);
  });

  it('passes the 429 on with its Retry-After, exposed to the page, when nothing is cached', async () => {
    ctx.stub.answer({ status: 429, headers: { 'retry-after': '42' } });
    const res = await get('/proxy/coingecko/coins/markets?page=2');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('42');
    expect(res.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('retry-after');
    expect(res.headers.get('x-capbands-cache')).toBe('miss');
  });

  it('keeps a keyed stale copy for that key only: another key gets the 429', async () => {
    const path = '/proxy/tokenmetrics/tm-grade?token_id=3315';
    await warm(path, { 'x-api-key': 'team-a' });
    ctx.stub.answer({ status: 429, headers: { 'retry-after': '5' } });
    const a = await get(path, { 'x-api-key': 'team-a' });
    const b = await get(path, { 'x-api-key': 'team-b' });
    expect([a.status, a.headers.get('x-capbands-cache')]).toEqual([200, 'stale']);
    expect([b.status, b.headers.get('retry-after')]).toEqual([429, '5']);
  });
});

describe('upstream down', () => {
  it.each([
    ['a 500', { status: 500 }],
    ['a 503', { status: 503, body: '<html>down</html>' }],
    ['a dropped connection', 'drop' as const],
  ])('answers from the cache, marked stale, on %s', async (_label, answer) => {
    const path = `/proxy/coingecko/global?case=${encodeURIComponent(_label)}`;
    const cached = await warm(path);
    ctx.stub.answer(answer);
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-capbands-cache')).toBe('stale');
    expect(await res.json()).toEqual(cached);
  });

  it.each([
    ['a 500', { status: 500 }, 500],
    ['a dropped connection', 'drop' as const, null],
  ])('answers 502 JSON on %s when nothing is cached', async (_label, answer, upstreamStatus) => {
    ctx.stub.answer(answer);
    const res = await get(`/proxy/coingecko/coins/bitcoin/market_chart?vs_currency=usd&days=365&case=${encodeURIComponent(_label)}`);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ error: 'CoinGecko is unavailable', upstreamStatus });
    // Unreachable (no answer at all) is marked, so the app says so calmly; a 5xx is the provider's own failure.
    expect(res.headers.get('x-capbands-upstream')).toBe(upstreamStatus === null ? 'unreachable' : null);
  });

  it('refreshes the cache once upstream is back: the stale copy is replaced', async () => {
    const path = '/proxy/coingecko/global?case=back';
    await warm(path);
    ctx.stub.answer({ status: 200, body: '{"fresh":true}' });
    expect(await (await get(path)).json()).toEqual({ fresh: true });
    ctx.stub.answer({ status: 503 });
    const res = await get(path);
    expect(res.headers.get('x-capbands-cache')).toBe('stale');
    expect(await res.json()).toEqual({ fresh: true });
  });
});
