import { readdirSync } from 'node:fs';
import { defineConfig, devices, type Project } from '@playwright/test';
import { e2eServerEnv } from './scripts/e2e-server-env.mjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `npm run test:e2e` (scripts/e2e.mjs) runs the whole suite twice against one server it starts itself, one spec
 * file after the other: first in file order, then in an order shuffled by E2E_SEED, so that a journey depending on
 * another's data, on the order of files, or on a fresh server fails. Each pass is one Playwright run
 * (E2E_PASS=<n>, E2E_EXTERNAL_SERVER=1): one run per pass, because Playwright refuses a chain of projects deeper
 * than 100, and two passes of 52 specs are deeper. Within a pass each spec file becomes a project depending on
 * the one before it, which is how Playwright is made to keep an order. Plain `npx playwright test` runs one pass
 * on a server of its own.
 */
// The pass this run is (scripts/e2e.mjs); unset: a plain one-pass run.
const PASS = process.env.E2E_PASS ? Math.max(1, Number(process.env.E2E_PASS)) : 0;
const EXTERNAL_SERVER = process.env.E2E_EXTERNAL_SERVER === '1';
const SEED = Number(process.env.E2E_SEED ?? 0);
const chromeUse = { ...devices['Desktop Chrome'] };

function shuffled<T>(items: readonly T[], seed: number): T[] {
  // mulberry32: a small seeded generator, so a failing order can be replayed with the same E2E_SEED.
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function chainedPass(pass: number): Project[] {
  const specs = readdirSync('e2e').filter((f) => f.endsWith('.spec.ts')).sort();
  const order = pass === 1 ? specs : shuffled(specs, SEED + pass);
  const projects: Project[] = [];
  let previous = 'setup';
  for (const spec of order) {
    const name = `pass${pass}:${spec.replace(/\.spec\.ts$/, '')}`;
    const escaped = spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    projects.push({ name, use: chromeUse, dependencies: [previous], testMatch: new RegExp(`(^|/)${escaped}$`) });
    previous = name;
  }
  return projects;
}

/**
 * Journeys run in Debian's Chromium (browsers cannot be downloaded here) against a production build in
 * sandbox mode on a fresh embedded database. `npm test` builds first (`npm run build`).
 */
export default defineConfig({
  testDir: './e2e',
  // After the whole run: no server log line carries an e-mail or a phone number (issue 11).
  globalTeardown: './e2e/security-logs.teardown.ts',
  // Per port: Playwright empties its output folder at start, and parallel runs must not empty each other's.
  outputDir: `test-results/e2e-${PORT}${PASS ? `-pass${PASS}` : ''}`,
  fullyParallel: false,
  workers: 1,
  // Retries off: a journey that passes only on its second try is a failing journey.
  retries: 0,
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
    ...(PASS
      ? chainedPass(PASS)
      : [{ name: 'chromium', use: chromeUse, dependencies: ['setup'], testIgnore: /auth\.setup\.ts/ }]),
  ],
  // scripts/e2e.mjs starts one server for all its passes; otherwise Playwright starts one for this run.
  webServer: EXTERNAL_SERVER ? undefined : {
    // A fresh embedded database for every run; the production build comes from `npm run build`.
    command: `node scripts/e2e-server.mjs`,
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: e2eServerEnv(PORT),
  },
});
