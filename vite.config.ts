/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
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
