// StrykerJS over the rules whose mistakes cost the most (see scripts/mutation.mjs, which runs it once per
// module with --mutate and that module's tests). Not part of npm test: it is slow.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.mts', related: false },
  coverageAnalysis: 'perTest',
  checkers: [],
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  // The outbox's PGlite tests take minutes on a loaded machine: the initial run may take longer than the default 5.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'json', 'progress-append-only'],
  jsonReporter: { fileName: process.env.MUTATION_REPORT ?? 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // MUTATION_TEMP_DIR: a sandbox folder of its own, so two module runs side by side never clean each other's.
  tempDirName: process.env.MUTATION_TEMP_DIR ?? '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['.next', '.next-*', '.data', 'test-results', 'playwright-report', 'bench-results', 'reports', '.stryker-tmp*'],
  thresholds: { high: 90, low: 80, break: null },
};

export default config;
