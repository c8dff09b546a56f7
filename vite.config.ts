/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { cspPlugin } from './scripts/vite-csp.ts';
import { homeChunk } from './scripts/vite-home-chunk.ts';
import { UPSTREAM_HEADER } from './worker/routes.ts';

/**
 * Same-origin proxies for the live APIs, in `dev` and `preview` alike: Token Metrics documents no
 * browser CORS, and CoinGecko's rate-limit answers carry no CORS headers. Keys travel in request
 * headers, which the proxy passes on and never logs.
 */
/** A provider that cannot be reached (offline) answers as the Worker does: 502, marked unreachable. */
const unreachable: ProxyOptions['configure'] = (server) => {
  server.on('error', (_error, _req, res) => {
    if ('writeHead' in res && !res.headersSent)
      res.writeHead(502, { 'content-type': 'application/json', [UPSTREAM_HEADER]: 'unreachable' }).end('{"error":"unreachable"}');
  });
};

const proxy: Record<string, ProxyOptions> = {
  '/proxy/coingecko': {
    target: 'https://api.coingecko.com/api/v3',
    changeOrigin: true,
    rewrite: (path) => path.replace(/^\/proxy\/coingecko/, ''),
    configure: unreachable,
  },
  '/proxy/tokenmetrics': {
    target: 'https://api.tokenmetrics.com/v2',
    changeOrigin: true,
    rewrite: (path) => path.replace(/^\/proxy\/tokenmetrics/, ''),
    configure: unreachable,
  },
};

// `/`'s code in one file, the entry; see scripts/vite-home-chunk.ts.
// Barrels re-export what only other chunks use: the engine's history fits and the portfolio's sums (/portfolio), its answers (the user's
// point, the target price) and its share and price parsers (the detail view), its fit to a published table (the detail view, and
// `/` once "Token Metrics where published" is chosen), and
// TanStack Query's hydration (the IndexedDB persistence, loaded after the first paint). Not `/`'s.
const home = homeChunk(
  [/\/src\/features\/token-list\/token-list-page\.tsx$/],
  [/\/src\/engine\/(answers|calibrate|history|parse|portfolio)\.ts$/, /\/@tanstack\/query-core\/build\/modern\/hydration\.js$/],
);

export default defineConfig({
  plugins: [react(), cspPlugin(), home.plugin],
  server: { proxy },
  preview: { proxy },
  build: {
    target: 'es2022',
    sourcemap: true,
    // No modulepreload polyfill in `/`'s script: `/` has no modulepreload link, and for a lazy view's chunks
    // Vite's preload helper uses `<link rel="preload" as="script">` where modulepreload is missing.
    modulePreload: { polyfill: false },
  },
  // The perf floor for `npm run perf`: a bare React slider (test/perf/bare-slider.html), and beside it
  // a bare React search box (test/perf/bare-search.html, a reference for the search measure), built by
  // `vite build` as a second, separate build into the same dist/ (dist/test/perf/), never linked from
  // the app. Separate, so the app shares no chunk with them and its bundle stays byte for byte what it
  // is without the fixtures (one build with the app among its inputs would split React out of the
  // app's entry into shared chunks; the two fixtures share one React chunk between them).
  environments: {
    client: {
      build: {
        rolldownOptions: {
          output: { codeSplitting: { groups: [{ name: 'home', test: home.test }] } },
          // The engine is pure (see src/engine/index.ts): a module of it that a chunk does not use is left out of that chunk.
          treeshake: { moduleSideEffects: (id: string) => !/\/src\/engine\//.test(id) },
        },
      },
    },
    perf: {
      consumer: 'client',
      // Build only: the dev server has nothing to pre-bundle for it.
      optimizeDeps: { noDiscovery: true },
      build: {
        emptyOutDir: false,
        copyPublicDir: false,
        rolldownOptions: {
          input: {
            bare: fileURLToPath(new URL('test/perf/bare-slider.html', import.meta.url)),
            'bare-search': fileURLToPath(new URL('test/perf/bare-search.html', import.meta.url)),
          },
        },
      },
    },
  },
  builder: {
    // The app first (it empties dist/), then the fixture beside it.
    async buildApp(builder) {
      for (const name of ['client', 'perf']) {
        const environment = builder.environments[name];
        if (environment) await builder.build(environment);
      }
    },
  },
  test: {
    dir: 'test',
    environment: 'jsdom',
    setupFiles: ['test/setup.ts'],
    // e2e/ and worker/ have their own configs (vitest.e2e.config.ts, vitest.worker.config.ts).
    exclude: ['**/node_modules/**', 'e2e/**', 'worker/**'],
    css: false,
    testTimeout: 30_000,
  },
});
