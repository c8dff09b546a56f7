import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/data/errors.ts';
import { fetchJson, parseRetryAfter } from '../../src/data/http.ts';
import { retryDelay, shouldRetry } from '../../src/data/queries/retry.ts';
import { server } from '../msw.ts';

const ENDPOINT = 'https://api.example.test/thing';

async function failure(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError');
}

describe('fetchJson', () => {
  it("reads the app proxy's 502 marked unreachable as a network failure, and any other 502 as HTTP", async () => {
    server.use(http.get(ENDPOINT, () => HttpResponse.json({ error: 'unreachable' }, { status: 502, headers: { 'x-capbands-upstream': 'unreachable' } })));
    await expect(fetchJson(ENDPOINT, { source: 'Test' })).rejects.toMatchObject({ kind: 'network' });
    server.use(http.get(ENDPOINT, () => HttpResponse.json({ error: 'down' }, { status: 502 })));
    await expect(fetchJson(ENDPOINT, { source: 'Test' })).rejects.toMatchObject({ kind: 'http', status: 502 });
  });

  it('returns the parsed body and sends the headers given', async () => {
    let seen: string | null = null;
    server.use(
      http.get(ENDPOINT, ({ request }) => {
        seen = request.headers.get('x-api-key');
        return HttpResponse.json({ ok: [1, 2] });
      }),
    );
    await expect(fetchJson(ENDPOINT, { source: 'Test', headers: { 'x-api-key': 'k' } })).resolves.toEqual({ ok: [1, 2] });
    expect(seen).toBe('k');
  });

  it.each([
    [429, 'HTTP 429', true],
    [500, 'HTTP 500', true],
    [503, 'HTTP 503', true],
    [401, 'HTTP 401', false],
    [404, 'HTTP 404', false],
  ])('status %i is an http error "%s" (retryable: %s)', async (status, reason, retryable) => {
    server.use(http.get(ENDPOINT, () => HttpResponse.json({ error: 'x' }, { status })));
    const error = await failure(fetchJson(ENDPOINT, { source: 'Test' }));
    expect(error.kind).toBe('http');
    expect(error.reason).toBe(reason);
    expect(error.retryable).toBe(retryable);
    expect(error.message).toBe(`Test: ${reason}`);
  });

  it('reads Retry-After in seconds', async () => {
    server.use(http.get(ENDPOINT, () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '7' } })));
    const error = await failure(fetchJson(ENDPOINT, { source: 'Test' }));
    expect(error.retryAfterMs).toBe(7000);
    expect(retryDelay(0, error)).toBe(7000);
  });

  it('calls an HTML page an invalid response', async () => {
    server.use(http.get(ENDPOINT, () => HttpResponse.html('<!doctype html><h1>Bad gateway</h1>')));
    const error = await failure(fetchJson(ENDPOINT, { source: 'Test' }));
    expect(error.kind).toBe('invalid');
    expect(error.reason).toBe('invalid response (HTML instead of JSON)');
    expect(error.retryable).toBe(false);
  });

  it('calls a truncated body an invalid response', async () => {
    server.use(http.get(ENDPOINT, () => HttpResponse.text('{"data": [1, 2', { headers: { 'content-type': 'application/json' } })));
    expect((await failure(fetchJson(ENDPOINT, { source: 'Test' }))).reason).toBe('invalid response (not JSON)');
  });

  it('calls a failed fetch a network error or rate limit', async () => {
    server.use(http.get(ENDPOINT, () => HttpResponse.error()));
    const error = await failure(fetchJson(ENDPOINT, { source: 'Test' }));
    expect(error.reason).toBe('network error or rate limit');
    expect(error.retryable).toBe(true);
  });

  it('times out', async () => {
    server.use(
      http.get(ENDPOINT, async () => {
        await delay(500);
        return HttpResponse.json({});
      }),
    );
    const error = await failure(fetchJson(ENDPOINT, { source: 'Test', timeoutMs: 30 }));
    expect(error.kind).toBe('timeout');
    expect(error.reason).toBe('timeout');
  });

  it('stops when the caller cancels', async () => {
    server.use(
      http.get(ENDPOINT, async () => {
        await delay(500);
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const pending = fetchJson(ENDPOINT, { source: 'Test', signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).kind).toBe('aborted');
  });
});

describe('retry policy', () => {
  const http429 = new DataError({ kind: 'http', source: 'T', status: 429 });
  const http404 = new DataError({ kind: 'http', source: 'T', status: 404 });
  const invalid = new DataError({ kind: 'invalid', source: 'T' });

  it('retries only what another try can fix, at most 3 times', () => {
    expect(shouldRetry(0, http429)).toBe(true);
    expect(shouldRetry(2, http429)).toBe(true);
    expect(shouldRetry(3, http429)).toBe(false);
    expect(shouldRetry(0, http404)).toBe(false);
    expect(shouldRetry(0, invalid)).toBe(false);
    expect(shouldRetry(0, new Error('other'))).toBe(false);
  });

  it('backs off a rate limit (or a network error, which may be one) from a minute, with jitter, capped at 10 minutes', () => {
    expect(retryDelay(0, http429, () => 0.5)).toBe(60_000);
    expect(retryDelay(0, http429, () => 0)).toBe(45_000);
    expect(retryDelay(1, new DataError({ kind: 'network', source: 'T' }), () => 0.5)).toBe(120_000);
    expect(retryDelay(10, http429, () => 1)).toBe(750_000);
  });

  it('backs off other retryable failures (5xx, time-outs) from a second, capped at 30 s', () => {
    const http500 = new DataError({ kind: 'http', source: 'T', status: 500 });
    expect(retryDelay(0, http500, () => 0.5)).toBe(1000);
    expect(retryDelay(3, http500, () => 0.5)).toBe(8000);
    expect(retryDelay(10, http500, () => 1)).toBe(37500);
    expect(retryDelay(10, new DataError({ kind: 'timeout', source: 'T' }), () => 0)).toBe(22500);
  });

  it.each([
    ['120', 120_000],
    ['0', 0],
    ['soon', undefined],
    [null, undefined],
    ['99999', 600_000],
  ])('Retry-After %j -> %j ms', (value, ms) => {
    expect(parseRetryAfter(value)).toBe(ms);
  });

  it('reads an HTTP-date Retry-After', () => {
    const now = Date.parse('2026-01-09T17:00:00Z');
    expect(parseRetryAfter('Fri, 09 Jan 2026 17:00:30 GMT', now)).toBe(30_000);
  });
});
