import { DataError } from '../errors.ts';

/** At most this many retries, and only for what another try can fix. */
export const MAX_RETRIES = 3;

/** Retry 429, 5xx, time-outs and network errors; never 4xx, invalid bodies or cancellations. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && error instanceof DataError && error.retryable;
}

/**
 * Milliseconds before the next try: the server's `Retry-After` when it was readable (often not: it is
 * not a CORS-safelisted header), else exponential backoff 1 s, 2 s, 4 s... capped at 30 s, with jitter.
 */
export function retryDelay(attempt: number, error: unknown, random: () => number = Math.random): number {
  if (error instanceof DataError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const base = Math.min(30_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + random() * 0.5));
}
