import { defineConfig } from 'vitest/config';

/**
 * The edge Worker's tests: the real runtime (Miniflare/workerd) against a stub upstream on 127.0.0.1,
 * plus the local server's proxy. Node environment; kept out of `npm test` (vite.config.ts excludes
 * test/worker) because they start runtimes and run wrangler: `npm run test:worker`.
 */
export default defineConfig({
  test: {
    dir: 'test/worker',
    include: ['**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/worker/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
