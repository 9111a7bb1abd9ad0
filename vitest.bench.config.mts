import path from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run bench`: measurements, not tests. Each bench/*.bench.ts reports rows through bench/report.ts;
// nothing here fails on a timing (these machines are noisy), only on a broken run. Standalone (not merged
// with vitest.config.mts, whose `include` would be concatenated and run every unit test again).
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname),
      'server-only': path.resolve(__dirname, 'lib/testing/server-only-stub.ts'),
    },
  },
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    setupFiles: ['lib/testing/vitest-env.ts'],
    pool: 'forks',
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
