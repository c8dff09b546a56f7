/**
 * The edge Worker: the built app from `dist/` (the assets binding, with the single-page fallback) and
 * the two providers' proxy under `/proxy/` (worker/proxy.ts). wrangler.jsonc routes `/proxy/*` to this
 * code first; everything else reaches it only when no asset matched and it is not a navigation.
 */
import type { Env } from './env.ts';
import { handleProxy } from './proxy.ts';
import { isProxyPath } from './routes.ts';

/** The Worker's module export (`main` in wrangler.jsonc). */
const worker = {
  /** Routes one request: the proxy for `/proxy` paths, the assets (and their SPA fallback) for the rest. */
  async fetch(request: Request, env: Env): Promise<Response> {
    if (isProxyPath(new URL(request.url).pathname)) return handleProxy(request, env);
    return env.ASSETS.fetch(request);
  },
};

export default worker;
