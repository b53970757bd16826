import { defineConfig } from 'vitest/config';

// End-to-end: the real server as a separate process, reached over HTTP (and a real browser).
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
