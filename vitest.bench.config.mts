import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.mts';

// `npm run bench`: measurements, not tests. Each bench/*.bench.ts reports rows through bench/report.ts;
// nothing here fails on a timing (these machines are noisy), only on a broken run.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['bench/**/*.bench.ts'],
      testTimeout: 30 * 60_000,
      hookTimeout: 5 * 60_000,
      fileParallelism: false,
      reporters: ['default'],
    },
  }),
);
