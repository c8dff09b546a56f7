import type { Env } from './env.ts';
import type { ProviderId } from './routes.ts';

/** How long a provider's answers are served from the shared cache, and kept for bad days. */
export interface CachePolicy {
  /** Seconds an entry is served as a hit without asking upstream. */
  readonly freshSeconds: number;
  /** Seconds the cache keeps it (its `max-age` in the cache): past fresh, it is only served when upstream answers 429 or is down. */
  readonly keepSeconds: number;
}

/**
 * The defaults, and why:
 * - CoinGecko prices fresh for 60 s: the free and demo plans refresh `/coins/markets` and `/global`
 *   about once a minute, so a fresher copy is mostly the same numbers, and one upstream call a minute
 *   per URL keeps a whole team far below the 30-100 calls a minute that end in 429s. Kept 6 h: a
 *   price an hour old, marked stale, beats an empty screen while the limit lasts.
 * - Token Metrics grades fresh for 3 h: they are computed daily, every call counts against the user's
 *   plan, and a few hours' lag cannot change a grade's meaning. Kept 2 days, for the same reason.
 */
export const DEFAULT_POLICIES: Readonly<Record<ProviderId, CachePolicy>> = {
  coingecko: { freshSeconds: 60, keepSeconds: 6 * 3600 },
  tokenmetrics: { freshSeconds: 3 * 3600, keepSeconds: 2 * 86_400 },
};

/** The policy for `provider`, with the fresh time from `vars` when it is a whole number of seconds >= 0 (tests set 0). */
export function cachePolicy(provider: ProviderId, env: Env): CachePolicy {
  const base = DEFAULT_POLICIES[provider];
  const raw = provider === 'coingecko' ? env.COINGECKO_FRESH_SECONDS : env.TOKENMETRICS_FRESH_SECONDS;
  const seconds = raw !== undefined && /^\d{1,7}$/.test(raw.trim()) ? Number(raw.trim()) : base.freshSeconds;
  return { freshSeconds: seconds, keepSeconds: Math.max(base.keepSeconds, seconds) };
}
