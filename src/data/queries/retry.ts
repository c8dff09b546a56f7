import { DataError } from '../errors.ts';

/** At most this many retries, and only for what another try can fix. */
export const MAX_RETRIES = 3;

/** The longest `Retry-After` worth waiting for: past it the views show the fallback and say why now. */
export const MAX_RETRY_WAIT_MS = 30_000;

/**
 * Retry 429, 5xx, time-outs and network errors; never 4xx, invalid bodies or cancellations, and not
 * when the server asks for a longer wait than `MAX_RETRY_WAIT_MS` (the user would see "Loading…" for
 * minutes instead of the fallback and its reason).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof DataError) || !error.retryable || failureCount >= MAX_RETRIES) return false;
  return error.retryAfterMs === undefined || error.retryAfterMs <= MAX_RETRY_WAIT_MS;
}

/** The first wait after a rate limit (HTTP 429, or a network error, which may be a 429 without CORS headers). */
export const RATE_LIMIT_BACKOFF_MS = 60_000;

/** Whether an error is, or may be, a rate limit: CoinGecko's CDN answers 429 without CORS headers, which reads as a network error. */
export function maybeRateLimited(error: unknown): boolean {
  return error instanceof DataError && ((error.kind === 'http' && error.status === 429) || error.kind === 'network');
}

/**
 * Milliseconds before the next try: the server's `Retry-After` when it was readable (often not: it is
 * not a CORS-safelisted header); after a rate limit, 60 s, 120 s, 240 s... (the provider asks for a
 * minute: three tries in seconds would only make the limit worse); otherwise (5xx, time-outs)
 * 1 s, 2 s, 4 s... capped at 30 s. Both with ±25% jitter.
 */
export function retryDelay(attempt: number, error: unknown, random: () => number = Math.random): number {
  if (error instanceof DataError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const base = maybeRateLimited(error) ? Math.min(600_000, RATE_LIMIT_BACKOFF_MS * 2 ** attempt) : Math.min(30_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Retry options for live queries. `retryOnMount: false`: once a live source has failed (after its own
 * retries), a view mounting later (the next page visited) keeps the failure and the fallback instead of
 * asking again, which would drop the fallback for a new round of retries and spend the rate limit.
 * An explicit refetch (settings saved, network back) still asks again.
 */
export const liveRetry = { retry: shouldRetry, retryDelay, retryOnMount: false } as const;
