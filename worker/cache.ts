import type { CachePolicy } from './cache-policy.ts';
import type { ProxyTarget } from './routes.ts';

/** Response header: when the Worker fetched the body from upstream (ms since the epoch). */
export const FETCHED_AT = 'x-capbands-fetched-at';

/** Where under the Worker's own origin cache entries live; never a path the Worker serves. */
const CACHE_PATH = '/__capbands-cache';

/** Lower-case hex SHA-256 of `text`. */
async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The cache key for an allowed request: a GET on the Worker's own origin (the Cache API is per zone;
 * another hostname costs a lookup) naming the provider, path and query. A keyed request's entry is
 * cached too, under a key that adds the SHA-256 of the provider and the user's key: only a request with
 * the same key computes it, so one user's answers never reach a keyless request or another key, and the
 * raw key is never part of a cache key. Caching keyed answers at all matters because Token Metrics
 * always needs a key: without it grades would have neither a cache nor a stale copy for its 429s.
 */
export async function cacheKey(origin: string, target: ProxyTarget, apiKey: string | null): Promise<Request> {
  const query = new URLSearchParams(target.search);
  query.sort();
  if (apiKey !== null) query.set('capbands-key', await sha256Hex(`capbands:${target.provider.id}:${apiKey}`));
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return new Request(`${origin}${CACHE_PATH}/${target.provider.id}${target.path}${search}`, { method: 'GET' });
}

/** Milliseconds since `entry` was fetched upstream; Infinity when it carries no readable stamp. */
export function ageOf(entry: Response, now: number): number {
  const stamp = Number(entry.headers.get(FETCHED_AT));
  return Number.isFinite(stamp) && stamp > 0 ? Math.max(0, now - stamp) : Number.POSITIVE_INFINITY;
}

/** True while `entry` may be served without asking upstream. */
export function isFresh(entry: Response, policy: CachePolicy, now: number): boolean {
  return ageOf(entry, now) < policy.freshSeconds * 1000;
}

/**
 * What goes into the cache for an upstream 2xx body: the body and its content type, the fetch time,
 * and a `max-age` of the keep time (the cache drops it after that; freshness is judged by the stamp).
 */
export function cacheEntry(body: ArrayBuffer, contentType: string | null, policy: CachePolicy, now: number): Response {
  const headers = new Headers({ 'cache-control': `public, max-age=${policy.keepSeconds}`, [FETCHED_AT]: String(now) });
  if (contentType) headers.set('content-type', contentType);
  return new Response(body, { status: 200, headers });
}

/** The cache's entry for `key`, or undefined (also when the cache fails: it only ever saves calls). */
export async function readCache(cache: Cache, key: Request): Promise<Response | undefined> {
  try {
    return await cache.match(key);
  } catch {
    return undefined;
  }
}

/** Stores `entry` under `key`; a failing cache costs only the saving, never the answer. */
export async function writeCache(cache: Cache, key: Request, entry: Response): Promise<void> {
  try {
    await cache.put(key, entry);
  } catch {
    // Nothing to do: the next request asks upstream again.
  }
}
