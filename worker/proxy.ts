import { cacheEntry, cacheKey, FETCHED_AT, isFresh, readCache, writeCache } from './cache.ts';
import { cachePolicy } from './cache-policy.ts';
import type { Env } from './env.ts';
import { ALLOW, UPSTREAM_HEADER, errorBody, proxyTarget, upstreamBase, upstreamHeaders, upstreamUrl, type Provider } from './routes.ts';

/** Response header: `hit` (fresh from the cache), `miss` (fetched now) or `stale` (cached, upstream refused or down). */
export const CACHE_STATUS = 'x-capbands-cache';

/** Abandon an upstream request after this long and treat the provider as down. */
const UPSTREAM_TIMEOUT_MS = 10_000;

/** Headers on every proxied answer: nobody else caches it, and the app may read what matters to it. */
function baseHeaders(): Headers {
  return new Headers({
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'access-control-expose-headers': `Retry-After, ${CACHE_STATUS}, ${FETCHED_AT}`,
  });
}

function json(status: number, error: string, detail: Record<string, unknown> = {}, extra: Record<string, string> = {}): Response {
  const headers = baseHeaders();
  headers.set('content-type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(errorBody(error, detail), { status, headers });
}

/** A cached entry as the client's answer. */
function fromCache(entry: Response, status: 'hit' | 'stale', head: boolean, upstreamStatus?: number): Response {
  const headers = baseHeaders();
  for (const name of ['content-type', FETCHED_AT]) {
    const value = entry.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set(CACHE_STATUS, status);
  if (upstreamStatus !== undefined) headers.set('x-capbands-upstream-status', String(upstreamStatus));
  return new Response(head ? null : entry.body, { status: 200, headers });
}

/** Upstream down (network error, timeout, 5xx) and nothing cached. */
function unavailable(provider: Provider, upstreamStatus: number | null): Response {
  return json(502, `${provider.name} is unavailable`, { upstreamStatus }, upstreamStatus === null ? { [UPSTREAM_HEADER]: 'unreachable' } : {});
}

/**
 * Answers a request under `/proxy/`: refuses anything off the allow-list (worker/routes.ts), then serves
 * from the shared cache while fresh, else asks upstream with the user's key header untouched. A 2xx is
 * cached (a keyed one under its key's hash: see cacheKey); a 429, 5xx or network error is answered from
 * the cache when it holds the entry (stale), else passed on (429 with its Retry-After) or turned into a
 * 502. Other statuses (401, 404...) pass through uncached. Keys are never logged: nothing here logs.
 */
export async function handleProxy(request: Request, env: Env): Promise<Response> {
  const url = new URL(request.url);
  const target = proxyTarget(request.method, url.pathname, url.search, request.headers);
  if (!target.ok) return json(target.status, target.reason, {}, target.status === 405 ? { allow: ALLOW } : {});
  const { provider, head, apiKey } = target;
  const base = upstreamBase(provider, env[provider.baseVar]);
  if (base === null) return json(500, `${provider.baseVar} is not an http(s) URL`);

  const policy = cachePolicy(provider.id, env);
  const cache = caches.default;
  const key = await cacheKey(url.origin, target, apiKey);
  const cached = await readCache(cache, key);
  if (cached && isFresh(cached, policy, Date.now())) return fromCache(cached, 'hit', head);

  let upstream: Response;
  try {
    upstream = await fetch(upstreamUrl(base, target), {
      headers: upstreamHeaders(provider, request.headers),
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch {
    return cached ? fromCache(cached, 'stale', head) : unavailable(provider, null);
  }

  const { status } = upstream;
  if (status === 429 || status >= 500) {
    await upstream.body?.cancel();
    if (cached) return fromCache(cached, 'stale', head, status);
    if (status >= 500) return unavailable(provider, status);
    const retryAfter = upstream.headers.get('retry-after');
    return json(429, `${provider.name} rate limit`, {}, { [CACHE_STATUS]: 'miss', ...(retryAfter !== null ? { 'retry-after': retryAfter } : {}) });
  }

  const headers = baseHeaders();
  const contentType = upstream.headers.get('content-type');
  if (contentType !== null) headers.set('content-type', contentType);
  headers.set(CACHE_STATUS, 'miss');
  let body: ArrayBuffer;
  try {
    body = await upstream.arrayBuffer();
  } catch {
    return cached ? fromCache(cached, 'stale', head) : unavailable(provider, null);
  }
  if (upstream.ok) {
    const now = Date.now();
    headers.set(FETCHED_AT, String(now));
    await writeCache(cache, key, cacheEntry(body, contentType, policy, now));
  }
  return new Response(head ? null : body, { status, headers });
}
