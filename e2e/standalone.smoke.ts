/**
 * Issue 17, smoke journey of the deployment build (playwright.standalone.config.ts runs it against
 * `node .next/standalone/server.js`): the page's scripts and styles load from the copied static assets (the
 * page hydrates), public/ is served, the health check answers; a hostess signs in and captures a lead in
 * sandbox mode, and sees it sent to Footprints. On the same server: /api/metrics refuses without its token and
 * its vendor and queue series move with the capture and with a Footprints outage; every log line of the
 * hostess's requests carries the request id her browser sent.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { APIRequestContext } from '@playwright/test';
import { expect, gotoHydrated, runTag, signInAs, test, uniqueFirstName, uniquePhone } from './fixtures';
import { captureResult, clearFaults, fillRequired, setFaults, uniqueEmail } from './capture-support';
import { METRICS_TOKEN, OTLP_PORT, STANDALONE_DATA_DIR } from '../playwright.standalone.config';

type OtlpSpan = { name: string; spanId: string; parentSpanId?: string };
/** A local OTLP/HTTP collector stand-in: the server exports its spans here (JSON). */
const otlpBodies: string[] = [];
const collector = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    otlpBodies.push(body);
    res.setHeader('content-type', 'application/json');
    res.end('{}');
  });
});
test.beforeAll(async () => {
  await new Promise<void>((r) => collector.listen(OTLP_PORT, '127.0.0.1', r));
});
test.afterAll(async () => {
  await new Promise<void>((r) => collector.close(() => r()));
});
function exportedSpans(): OtlpSpan[] {
  return otlpBodies.flatMap((b) =>
    (JSON.parse(b) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans)),
  );
}
/** The names from a span up to its root. */
function ancestry(spans: OtlpSpan[], span: OtlpSpan): string[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const names: string[] = [];
  for (let s: OtlpSpan | undefined = span; s; s = s.parentSpanId ? byId.get(s.parentSpanId) : undefined) names.push(s.name);
  return names;
}

async function metricValue(request: APIRequestContext, series: string): Promise<number> {
  const res = await request.get('/api/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status()).toBe(200);
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

const ADD_LEAD_OK = 'storedesk_vendor_calls_total{vendor="footprints",operation="addLead",outcome="ok"}';
const ADD_LEAD_FAILED = 'storedesk_vendor_calls_total{vendor="footprints",operation="addLead",outcome="failure"}';

test('the standalone server serves assets and health, signs a hostess in, and a capture is sent', async ({ page, request }) => {
  test.setTimeout(120_000);
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(health.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  // public/ (copied in by start:standalone).
  expect((await request.get('/icon-192.png')).status()).toBe(200);
  await gotoHydrated(page, '/login');
  const css = page.locator('link[rel="stylesheet"]').first();
  expect((await request.get((await css.getAttribute('href'))!)).status()).toBe(200);

  // Metrics: refused without the token or with a wrong one.
  expect((await request.get('/api/metrics')).status()).toBe(401);
  expect((await request.get('/api/metrics', { headers: { authorization: 'Bearer not-the-token' } })).status()).toBe(401);
  const okBefore = await metricValue(request, ADD_LEAD_OK);

  const requestId = `smoke-${runTag()}`;
  await page.setExtraHTTPHeaders({ 'x-request-id': requestId });
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  const customer = { first: uniqueFirstName('Smoke'), last: 'Standalone', email: uniqueEmail('standalone'), phone: uniquePhone() };
  await fillRequired(page, customer);
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText(/Sent — Footprints lead [0-9a-f]{24}/);
  expect(await metricValue(request, ADD_LEAD_OK)).toBe(okBefore + 1);

  // Traces (OTEL_EXPORTER_OTLP_ENDPOINT set for this server): the capture's addLead call arrives at the collector
  // inside its sync-queue job, inside the capture.submit action, inside the request of the Save tap — in that order
  // (Next may add spans of its own between them); no e-mail or phone in anything exported.
  const chain = ['vendor footprints addLead', 'outbox capture.lead', 'action capture.submit'];
  await expect
    .poll(() => {
      const spans = exportedSpans();
      return spans
        .filter((s) => s.name === 'vendor footprints addLead')
        .map((s) => ancestry(spans, s))
        .some((names) => {
          const at = chain.map((n) => names.indexOf(n));
          const request = names.findIndex((n) => n.startsWith('POST'));
          return at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1])) && request > at[at.length - 1];
        });
    }, { timeout: 20_000 })
    .toBe(true);
  const exported = otlpBodies.join('\n');
  for (const personal of [customer.email, customer.first, customer.phone.replace(/\D/g, '')]) expect(exported).not.toContain(personal);

  // Footprints down: the capture is saved to sync later, the failure is counted and the queue holds the job.
  const failedBefore = await metricValue(request, ADD_LEAD_FAILED);
  await setFaults(request, { vendor: 'footprints', outage: true });
  try {
    await gotoHydrated(page, '/capture');
    await fillRequired(page, { first: uniqueFirstName('Outage'), last: 'Standalone', email: uniqueEmail('standalone-outage'), phone: uniquePhone() });
    await page.getByRole('button', { name: 'Save lead' }).click();
    await expect(captureResult(page)).toContainText('Saved — will sync');
    expect(await metricValue(request, ADD_LEAD_FAILED)).toBeGreaterThan(failedBefore);
    expect(await metricValue(request, 'storedesk_outbox_jobs{kind="capture.lead",state="queued"}')).toBeGreaterThanOrEqual(1);
  } finally {
    await clearFaults(request);
  }

  // The server log: the hostess's requests logged lines, each with her browser's request id.
  const mine = readFileSync(`${STANDALONE_DATA_DIR}/server.log`, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{') && l.includes(requestId))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(mine.length).toBeGreaterThan(0);
  for (const line of mine) expect(line.requestId).toBe(requestId);
  // Written by pino (lib/log.ts) in the shape every reader expects: ISO time, the level's label, the event.
  for (const line of mine) expect(line).toMatchObject({ t: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/), level: expect.stringMatching(/^(debug|info|warn|error)$/), event: expect.any(String) });
});
