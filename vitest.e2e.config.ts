import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium against the built app served on localhost. */
export default defineConfig({
  test: {
    dir: 'test/e2e',
    include: ['**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
