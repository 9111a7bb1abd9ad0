import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

/**
 * The vitest config Stryker runs (npm run test:mutation): the unit config, limited to the test files that
 * guard the module being mutated (MUTATION_TESTS, comma-separated, set by scripts/mutation.mjs), so a
 * mutant is judged by its own tests in seconds instead of by the whole suite in minutes. (Not mergeConfig:
 * it would append to the base include list instead of replacing it.)
 */
const include = (process.env.MUTATION_TESTS ?? '').split(',').filter(Boolean);
if (include.length === 0) throw new Error('vitest.mutation.config: MUTATION_TESTS is empty (run it through npm run test:mutation)');

// Longer limits than the unit run: Stryker's runners share a small machine, and the outbox's PGlite tests (a
// restart on a data folder) took over 30 s in its initial run there. A mutant that hangs is still cut by
// Stryker's own timeout (stryker.config.mjs).
export default defineConfig({ ...base, test: { ...base.test, include, testTimeout: 120_000, hookTimeout: 180_000 } });
