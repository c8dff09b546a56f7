/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

/**
 * Same-origin proxies for the live APIs, in `dev` and `preview` alike: Token Metrics documents no
 * browser CORS, and CoinGecko's rate-limit answers carry no CORS headers. Keys travel in request
 * headers, which the proxy passes on and never logs.
 */
const proxy: Record<string, ProxyOptions> = {
  '/proxy/coingecko': {
    target: 'https://api.coingecko.com/api/v3',
    changeOrigin: true,
    rewrite: (path) => path.replace(/^\/proxy\/coingecko/, ''),
  },
  '/proxy/tokenmetrics': {
    target: 'https://api.tokenmetrics.com/v2',
    changeOrigin: true,
    rewrite: (path) => path.replace(/^\/proxy\/tokenmetrics/, ''),
  },
};

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  test: {
    dir: 'test',
    environment: 'jsdom',
    setupFiles: ['test/setup.ts'],
    exclude: ['**/node_modules/**', 'e2e/**'],
    css: false,
  },
});
