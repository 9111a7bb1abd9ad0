/**
 * Full path of a hostess's tap on "Save lead" (issue 18, point 5): what the browser sends, over HTTP, against
 * the production build (`next start`, sandbox mode, its own embedded database), through the action door —
 * the two server-action requests a tap makes (capture.checkDuplicates, then capture.submit), each with the
 * session touch, the permission check, the input validation and the audit write — until the answer "Sent"
 * has been read. 150 ms is added to every Footprints call, as in bench/capture.bench.ts; the vendor's own
 * latency is measured the same way (a bare addLead against the same server's sandbox, over HTTP).
 *
 * Needs a production build (`npm run build:test`, or NEXT_DIST_DIR for another one); without one the bench
 * fails and says so. Correctness figures (every tap answered "Sent"; one capture.submit audit entry per tap)
 * fail the run when wrong.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CONSENT_WORDING_VERSION } from '@/lib/capture/consent-wording';
import { emptyCaptureForm, type CaptureFormValues } from '@/lib/capture/inputs';
import { SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET } from '@/lib/sandbox/demo-staff';
import { actionId, callAction, freePort, Jar, signIn } from '@/lib/testing/console-http';
import { percentile, reportBench } from './report';

const VENDOR_LATENCY_MS = 150;
const RUNS = 40;
const WARMUP = 5;
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';
const HOSTESS_PIN = '1234';

let server: ChildProcess | undefined;
let origin = '';
let dataDir = '';
let serverOutput = '';

function captureForm(i: number, tag: string): CaptureFormValues {
  return {
    ...emptyCaptureForm(randomUUID(), CONSENT_WORDING_VERSION),
    firstName: `Bench${'abcdefghij'[i % 10]}`,
    lastName: tag,
    email: `${tag}.${i}@bench.example.com`,
    phone: `07${String(10_000_000 + i).slice(-8)}`,
    agreeTerms: true,
    agreePrivacy: true,
    isAdult: true,
    createdAt: new Date().toISOString(),
    timezone: 'Europe/Bucharest',
    deviceId: 'bench-tablet',
  };
}

async function auditEntries(jar: Jar, action: string): Promise<number> {
  const html = await (await fetch(`${origin}/admin/audit?action=${action}`, { headers: { cookie: jar.header() } })).text();
  const m = /(\d+)(?:<!-- -->)? entries/.exec(html);
  if (!m) throw new Error('the audit page shows no entry count');
  return Number(m[1]);
}

beforeAll(async () => {
  if (!existsSync(path.join(DIST_DIR, 'BUILD_ID'))) throw new Error(`no production build in ${DIST_DIR}: run npm run build:test first`);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dataDir = `.data/bench-http-${port}`;
  rmSync(dataDir, { recursive: true, force: true });
  server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, SANDBOX: '1', PORT: String(port), DATA_DIR: dataDir, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'pipe',
    detached: true,
  });
  server.stdout?.on('data', (c: Buffer) => (serverOutput = (serverOutput + c.toString()).slice(-4000)));
  server.stderr?.on('data', (c: Buffer) => (serverOutput = (serverOutput + c.toString()).slice(-4000)));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}: ${serverOutput}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 180 s: ${serverOutput}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const faults = await fetch(`${origin}/sandbox/_control/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vendor: 'footprints', latencyMs: VENDOR_LATENCY_MS }) });
  if (!faults.ok) throw new Error(`sandbox latency not set: ${faults.status}`);
});

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise<void>((resolve) => server!.once('exit', () => resolve()));
    process.kill(-server.pid, 'SIGTERM');
    const timer = setTimeout(() => server?.pid && process.kill(-server.pid, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('lead capture, full path', () => {
  it(`a hostess's tap → "Sent" over HTTP against next start (${RUNS} taps)`, async () => {
    const checkId = actionId(DIST_DIR, 'app/(console)/capture/actions.ts', 'checkDuplicatesAction');
    const submitId = actionId(DIST_DIR, 'app/(console)/capture/actions.ts', 'submitCaptureAction');
    const hostess = new Jar();
    await signIn(origin, hostess, 'pin', { pin: HOSTESS_PIN });
    const admin = new Jar();
    await signIn(origin, admin, 'password', { username: 'admin', password: 'admin-demo' });

    // The vendor's own latency, measured the same way: a bare addLead against this server's sandbox.
    const basic = Buffer.from(`${SANDBOX_FOOTPRINTS_KEY}:${SANDBOX_FOOTPRINTS_SECRET}`).toString('base64');
    const tokenRes = await fetch(`${origin}/sandbox/footprints/api/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const vendor: number[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const started = performance.now();
      const res = await fetch(`${origin}/sandbox/footprints/api/lead?access_token=${access_token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ userFirstName: 'Vendor', userLastName: 'Only', userEmail: `vendor.${i}.${Date.now()}@bench.example.org` }),
      });
      await res.arrayBuffer();
      if (i >= WARMUP) vendor.push(performance.now() - started);
    }

    const auditBefore = await auditEntries(admin, 'capture.submit');
    const taps: number[] = [];
    const states: string[] = [];
    const tag = `http${Date.now().toString(36)}`.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]);
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const values = captureForm(i, tag);
      const started = performance.now();
      await callAction(origin, hostess, '/capture', checkId, { email: values.email, phone: values.phone, idempotencyKey: values.idempotencyKey });
      const answer = await callAction(origin, hostess, '/capture', submitId, values);
      const ms = performance.now() - started;
      const state = /"state":"(\w+)"/.exec(answer)?.[1] ?? `no state in the answer: ${answer.slice(0, 200)}`;
      if (i >= WARMUP) {
        taps.push(ms);
        states.push(state);
      }
    }
    const auditAfter = await auditEntries(admin, 'capture.submit');

    const sent = states.filter((s) => s === 'sent').length;
    const vendorP50 = percentile(vendor, 50);
    const vendorP95 = percentile(vendor, 95);
    const p50 = percentile(taps, 50);
    const p95 = percentile(taps, 95);
    reportBench('capture-http', [
      { metric: `vendor latency, bare addLead over HTTP p50 (n=${RUNS}, +${VENDOR_LATENCY_MS} ms sandbox)`, value: vendorP50, unit: 'ms' },
      { metric: 'vendor latency, bare addLead over HTTP p95', value: vendorP95, unit: 'ms' },
      { metric: `full path: tap → "Sent", 2 server actions over HTTP p50 (n=${RUNS})`, value: p50, unit: 'ms', target: `≤ vendor p50 + 60 (${Math.round(vendorP50 + 60)})`, meets: p50 <= vendorP50 + 60 },
      { metric: 'full path: tap → "Sent", 2 server actions over HTTP p95', value: p95, unit: 'ms', target: `≤ vendor p95 + 60 (${Math.round(vendorP95 + 60)})`, meets: p95 <= vendorP95 + 60 },
      { metric: 'full path: overhead over the vendor, p50', value: p50 - vendorP50, unit: 'ms', target: '≤ 60', meets: p50 - vendorP50 <= 60 },
      { metric: 'full path: overhead over the vendor, p95', value: p95 - vendorP95, unit: 'ms', target: '≤ 60', meets: p95 - vendorP95 <= 60 },
      { metric: 'taps answered "Sent"', value: sent, unit: 'count', target: `= ${RUNS}`, meets: sent === RUNS, correctness: true, note: sent === RUNS ? undefined : [...new Set(states)].join(', ') },
      { metric: 'capture.submit audit entries written by the taps', value: auditAfter - auditBefore, unit: 'count', target: `= ${RUNS + WARMUP}`, meets: auditAfter - auditBefore === RUNS + WARMUP, correctness: true },
    ]);
  });
});
