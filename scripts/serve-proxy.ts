/**
 * The local server's `/proxy/` (`npm run serve`): the Worker's rules (worker/routes.ts: the same
 * allow-list, methods, key headers and refusals), without its shared cache: one user on one machine.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ALLOW, UPSTREAM_HEADER, errorBody, proxyTarget, upstreamBase, upstreamHeaders, upstreamUrl, type Provider } from '../worker/routes.ts';

/** Upstream roots by variable name; unset or empty means the provider's documented root. */
export type UpstreamBases = Readonly<Partial<Record<Provider['baseVar'], string | undefined>>>;

const UPSTREAM_TIMEOUT_MS = 10_000;

function sendJson(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra }).end(body);
}

/** The request's headers as a `Headers` (repeated ones joined, as fetch would). */
function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/**
 * Answers one request under `/proxy/`: refusals as the Worker words them, else the upstream answer
 * (status, content type, `Retry-After`) with the user's key header passed on; 502 JSON when upstream
 * is down (network error, timeout, 5xx). Keys are never logged.
 */
export async function proxyLocal(req: IncomingMessage, res: ServerResponse, bases: UpstreamBases): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const incoming = headersOf(req);
  const target = proxyTarget(req.method ?? 'GET', url.pathname, url.search, incoming);
  if (!target.ok) {
    sendJson(res, target.status, errorBody(target.reason), target.status === 405 ? { allow: ALLOW } : {});
    return;
  }
  const { provider } = target;
  const base = upstreamBase(provider, bases[provider.baseVar]);
  if (base === null) {
    sendJson(res, 500, errorBody(`${provider.baseVar} is not an http(s) URL`));
    return;
  }
  let upstream: Response;
  let body: ArrayBuffer;
  try {
    upstream = await fetch(upstreamUrl(base, target), { headers: upstreamHeaders(provider, incoming), signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
    body = await upstream.arrayBuffer();
  } catch {
    sendJson(res, 502, errorBody(`${provider.name} is unavailable`, { upstreamStatus: null }), { [UPSTREAM_HEADER]: 'unreachable' });
    return;
  }
  if (upstream.status >= 500) {
    sendJson(res, 502, errorBody(`${provider.name} is unavailable`, { upstreamStatus: upstream.status }));
    return;
  }
  const headers: Record<string, string> = { 'cache-control': 'no-store', 'access-control-expose-headers': 'Retry-After' };
  for (const name of ['content-type', 'retry-after']) {
    const value = upstream.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  res.writeHead(upstream.status, headers).end(target.head ? undefined : Buffer.from(body));
}
