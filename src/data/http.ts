import { DataError } from './errors.ts';

export interface FetchJsonOptions {
  /** Shown in errors: "CoinGecko". */
  readonly source: string;
  /** Cancels the request (TanStack Query passes one to every query function). */
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds before the request is abandoned as a timeout. */
  readonly timeoutMs?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** The fetch to use (tests pass their own); defaults to the global one. */
  readonly fetchImpl?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Milliseconds from a `Retry-After` header (seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, 10 * 60 * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), 10 * 60 * 1000);
}

/**
 * GETs `url` and returns its parsed JSON body as `unknown` (validate it at the edge).
 * Throws a DataError: `http` for any non-2xx status (with `retryAfterMs` when the header is readable),
 * `timeout`, `network` (fetch rejected: offline, CORS, a CDN's 429), `invalid` (not JSON: an HTML
 * error page, a truncated body), `aborted` (the caller's signal).
 */
export async function fetchJson(url: string, options: FetchJsonOptions): Promise<unknown> {
  const { source, signal, timeoutMs = DEFAULT_TIMEOUT_MS, headers = {}, fetchImpl = fetch } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  if (signal?.aborted) controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: { accept: 'application/json', ...headers }, signal: controller.signal });
    } catch {
      if (timedOut) throw new DataError({ kind: 'timeout', source });
      if (signal?.aborted) throw new DataError({ kind: 'aborted', source });
      throw new DataError({ kind: 'network', source });
    }
    // The app's own proxies (dev server, `npm run serve`, the Worker) say when the provider could not be
    // reached at all (worker/routes.ts UPSTREAM_HEADER): that is the network failing, not the provider.
    if (response.status === 502 && response.headers.get('x-capbands-upstream') === 'unreachable') throw new DataError({ kind: 'network', source });
    if (!response.ok) {
      throw new DataError({
        kind: 'http',
        source,
        status: response.status,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      });
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      if (timedOut) throw new DataError({ kind: 'timeout', source });
      if (signal?.aborted) throw new DataError({ kind: 'aborted', source });
      throw new DataError({ kind: 'network', source });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      const looksHtml = /^\s*</.test(text);
      throw new DataError({ kind: 'invalid', source, detail: looksHtml ? 'HTML instead of JSON' : 'not JSON' });
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
