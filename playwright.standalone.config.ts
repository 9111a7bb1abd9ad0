import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config';

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The smoke journey scrapes /api/metrics with this token (a test value, not a secret). */
export const METRICS_TOKEN = 'smoke-metrics-token-0123456789';
/** The smoke's OTLP collector stand-in (e2e/standalone.smoke.ts): the standalone server runs with tracing on. */
export const OTLP_PORT = PORT + 7;
/** Its own fresh database and server log (the e2e server empties it): never the suite's. */
export const STANDALONE_DATA_DIR = `.data/e2e-standalone-${PORT}`;

/**
 * `npm run test:standalone` (part of npm test, after the build): the deployment build — `node .next/standalone/server.js`
 * started by `npm run start:standalone`, static assets and public/ copied in — passes one smoke journey
 * (e2e/standalone.smoke.ts). Same build as the Playwright suite (output: 'standalone' is always on), no second build.
 */
export default defineConfig({
  ...base,
  testMatch: /standalone\.smoke\.ts$/,
  globalTeardown: undefined,
  outputDir: `test-results/standalone-${PORT}`,
  reporter: [['list']],
  projects: [{ name: 'standalone', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    ...(base.webServer as NonNullable<Parameters<typeof defineConfig>[0]['webServer']> & object),
    env: {
      ...((base.webServer as { env?: Record<string, string> }).env ?? {}),
      E2E_STANDALONE: '1',
      DATA_DIR: STANDALONE_DATA_DIR,
      METRICS_TOKEN,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${OTLP_PORT}`,
    },
  },
});
