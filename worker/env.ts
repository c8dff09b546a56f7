/**
 * The Worker's bindings and the few runtime types it needs, declared here rather than from
 * `@cloudflare/workers-types`, whose globals clash with the DOM library the rest of the project
 * type-checks against.
 */

/** The static-assets binding (`assets.binding` in wrangler.jsonc). */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/** What wrangler.jsonc binds: the assets and the `vars` (all strings; the optional ones may be absent). */
export interface Env {
  readonly ASSETS: AssetsBinding;
  /** CoinGecko's API root; tests point it at a local stub. Unset: `https://api.coingecko.com/api/v3`. */
  readonly COINGECKO_BASE?: string;
  /** Token Metrics' API root; unset: `https://api.tokenmetrics.com/v2`. */
  readonly TOKENMETRICS_BASE?: string;
  /** Seconds a cached CoinGecko answer counts as fresh (default in worker/cache-policy.ts). */
  readonly COINGECKO_FRESH_SECONDS?: string;
  /** Seconds a cached Token Metrics answer counts as fresh (default in worker/cache-policy.ts). */
  readonly TOKENMETRICS_FRESH_SECONDS?: string;
}

declare global {
  interface CacheStorage {
    /** The Workers runtime's shared cache (per data centre); browsers have no such member. */
    readonly default: Cache;
  }
}
