/**
 * The proxy's rules, written once: which provider paths may be proxied, where they go, and which
 * request headers travel upstream. Used by the edge Worker (worker/proxy.ts) and by the local static
 * server (`npm run serve`, scripts/serve-proxy.ts). Pure: no Worker or Node API.
 */

/** The providers behind `/proxy/<id>/`. */
export type ProviderId = 'coingecko' | 'tokenmetrics';

/** One upstream API and what may be asked of it. */
export interface Provider {
  readonly id: ProviderId;
  /** Shown in error bodies: "CoinGecko". */
  readonly name: string;
  /** The variable (wrangler `vars`, or the environment of `npm run serve`) that may replace `defaultBase`. */
  readonly baseVar: 'COINGECKO_BASE' | 'TOKENMETRICS_BASE';
  /** The documented API root, without a trailing slash. */
  readonly defaultBase: string;
  /** The request header holding the user's key (lower case); passed upstream untouched. */
  readonly keyHeader: string;
  /** True when the API answers nothing without a key (Token Metrics). */
  readonly keyRequired: boolean;
  /** Query parameters that would carry a key in the URL (refused: URLs end up in logs and cache keys). */
  readonly keyParams: readonly string[];
  /** The documented paths, matched against the raw (still percent-encoded) path after `/proxy/<id>`. */
  readonly paths: readonly RegExp[];
}

/** A CoinGecko coin id as the app sends it: lower-case words joined by `-`, `_` or single dots. */
const COIN_ID = String.raw`[a-z0-9](?:[a-z0-9_-]|\.(?!\.)){0,127}`;

/** Both providers, in the order the docs list them (../shared/docs/data-sources.md). */
export const PROVIDERS: readonly Provider[] = [
  {
    id: 'coingecko',
    name: 'CoinGecko',
    baseVar: 'COINGECKO_BASE',
    defaultBase: 'https://api.coingecko.com/api/v3',
    keyHeader: 'x-cg-demo-api-key',
    keyRequired: false,
    keyParams: ['x_cg_demo_api_key', 'x_cg_pro_api_key'],
    paths: [/^\/coins\/markets$/, /^\/global$/, new RegExp(`^/coins/${COIN_ID}/market_chart$`), /^\/ping$/],
  },
  {
    id: 'tokenmetrics',
    name: 'Token Metrics',
    baseVar: 'TOKENMETRICS_BASE',
    defaultBase: 'https://api.tokenmetrics.com/v2',
    keyHeader: 'x-api-key',
    keyRequired: true,
    keyParams: ['api_key', 'apikey', 'x-api-key', 'x_api_key'],
    paths: [/^\/tokens$/, /^\/tm-grade$/, /^\/trader-grades$/, /^\/investor-grades$/, /^\/technology-grade$/, /^\/trading-signals$/, /^\/scenario-analysis$/],
  },
];

/** Every proxied path starts with this. */
export const PROXY_PREFIX = '/proxy/';

/** The `Allow` header of a 405. */
export const ALLOW = 'GET, HEAD';

/**
 * Set (to `unreachable`) on the proxies' 502 when the provider could not be reached at all (network
 * error, timeout): the app then says calmly that live data is unreachable, as it does offline.
 */
export const UPSTREAM_HEADER = 'x-capbands-upstream';

/** Longest query string passed on (a Token Metrics `/tokens?symbol=` with 100 symbols is ~700 characters). */
const MAX_QUERY_LENGTH = 4096;

/** A request the proxy may pass on. */
export interface ProxyTarget {
  readonly ok: true;
  readonly provider: Provider;
  /** The upstream path, e.g. `/coins/markets`. */
  readonly path: string;
  /** The query string as received, with its `?`, or ''. */
  readonly search: string;
  /** True for HEAD: answer with headers only. */
  readonly head: boolean;
  /** The user's key from the provider's key header (trimmed), or null. */
  readonly apiKey: string | null;
}

/** A request the proxy refuses, with the status and a short reason for the body. */
export interface ProxyRefusal {
  readonly ok: false;
  readonly status: 400 | 401 | 404 | 405;
  readonly reason: string;
}

/** True for any path the proxy owns (a refused one included): `/proxy` and everything under `/proxy/`. */
export function isProxyPath(pathname: string): boolean {
  return pathname === '/proxy' || pathname.startsWith(PROXY_PREFIX);
}

/**
 * Checks a request against the allow-list. `pathname` is the raw, percent-encoded path (as `new URL()`
 * leaves it, `.` and `..` segments already resolved); `search` is `URL.search`. Only documented paths
 * match, so absolute URLs (`/proxy/coingecko/https://evil`), encoded slashes or dots and any other
 * provider are refused with 404; methods other than GET and HEAD with 405; a key in the query with 400;
 * a provider that needs a key (Token Metrics), asked without one, with 401 (upstream would say the same).
 */
export function proxyTarget(method: string, pathname: string, search: string, headers: Headers): ProxyTarget | ProxyRefusal {
  const match = /^\/proxy\/([a-z]+)(\/.*)$/.exec(pathname);
  const provider = match ? PROVIDERS.find((p) => p.id === match[1]) : undefined;
  const path = match?.[2] ?? '';
  if (!provider) return { ok: false, status: 404, reason: 'unknown provider: the proxy serves /proxy/coingecko/ and /proxy/tokenmetrics/ only' };
  if (!provider.paths.some((re) => re.test(path))) return { ok: false, status: 404, reason: `not a documented ${provider.name} path` };
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405, reason: 'only GET and HEAD' };
  if (search.length > MAX_QUERY_LENGTH) return { ok: false, status: 400, reason: 'query too long' };
  const params = new URLSearchParams(search);
  if (provider.keyParams.some((name) => params.has(name))) {
    return { ok: false, status: 400, reason: `send the key in the ${provider.keyHeader} header, not in the URL` };
  }
  const apiKey = apiKeyOf(provider, headers);
  if (provider.keyRequired && apiKey === null) return { ok: false, status: 401, reason: `${provider.name} needs your key in the ${provider.keyHeader} header` };
  return { ok: true, provider, path, search: search === '?' ? '' : search, head: method === 'HEAD', apiKey };
}

/**
 * The base to use for `provider`: the variable when it is an http(s) URL without credentials, query
 * or fragment (trailing slashes dropped), else null (a misconfiguration: the caller answers 500).
 * An unset or empty variable gives the documented root.
 */
export function upstreamBase(provider: Provider, configured: string | undefined): string | null {
  const value = configured?.trim() ?? '';
  if (value === '') return provider.defaultBase;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) return null;
  return value.replace(/\/+$/, '');
}

/** The upstream URL for an allowed request. */
export function upstreamUrl(base: string, target: ProxyTarget): string {
  return `${base}${target.path}${target.search}`;
}

/** The user's key for `provider` from the request headers (trimmed), or null when absent or blank. */
export function apiKeyOf(provider: Provider, headers: Headers): string | null {
  const value = headers.get(provider.keyHeader)?.trim() ?? '';
  return value === '' ? null : value;
}

/** The JSON body of a refusal or an error: `{"error": "..."}` plus any detail. */
export function errorBody(error: string, detail: Readonly<Record<string, unknown>> = {}): string {
  return JSON.stringify({ error, ...detail });
}

/**
 * The headers sent upstream: `accept: application/json` and the provider's own key header as the user
 * sent it. Nothing else travels (no cookies, no `authorization`, no client address, no other provider's key).
 */
export function upstreamHeaders(provider: Provider, incoming: Headers): Headers {
  const headers = new Headers({ accept: 'application/json' });
  const key = incoming.get(provider.keyHeader);
  // A blank header is no key: it is dropped, so the request is keyless upstream and in the cache alike.
  if (key !== null && key.trim() !== '') headers.set(provider.keyHeader, key);
  return headers;
}
