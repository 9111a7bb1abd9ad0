import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Journeys run in Debian's Chromium (browsers cannot be downloaded here) against a production build in
 * sandbox mode on a fresh embedded database. `npm test` builds first (`npm run build`).
 */
export default defineConfig({
  testDir: './e2e',
  // After the whole run: no server log line carries an e-mail or a phone number (issue 11).
  globalTeardown: './e2e/security-logs.teardown.ts',
  // Per port: Playwright empties its output folder at start, and parallel runs must not empty each other's.
  outputDir: `test-results/e2e-${PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup'], testIgnore: /auth\.setup\.ts/ },
  ],
  webServer: {
    // A fresh embedded database for every run; the production build comes from `npm run build`.
    command: `node scripts/e2e-server.mjs`,
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      SANDBOX: '1',
      // Per port, so parallel runs on one machine never share an embedded database.
      DATA_DIR: `.data/e2e-${PORT}`,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next',
      NEXT_TELEMETRY_DISABLED: '1',
      HOSTNAME: '127.0.0.1',
      // The specs play the part of one trusted proxy: a spec gives a client its own address with X-Forwarded-For
      // (e2e/security-signin.spec.ts), so its lockouts do not slow the rest of the suite on 127.0.0.1. The default,
      // no trusted proxy, is tried on a console of its own (e2e/security-clock.spec.ts).
      TRUSTED_PROXY_HOPS: '1',
    },
  },
});
