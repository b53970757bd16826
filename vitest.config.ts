import { defineConfig } from 'vitest/config';

// Unit and integration tests sit beside the code; the end-to-end suite has its own config.
export default defineConfig({
  test: {
    include: ['{shared,db,server,client,bench}/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
