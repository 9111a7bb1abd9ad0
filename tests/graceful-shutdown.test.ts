/**
 * Issue 13, point 4, with real processes: the deployment build (`node .next/standalone/server.js`) in sandbox mode
 * on a fresh PostgreSQL database (as tests/two-instances.test.ts). A loyalty activity job is mid-call (the loyalty
 * simulator answers after 3 s) when the instance gets SIGTERM: it exits 0 within the 20 s grace, the job is done
 * once (one attempt), a job queued meanwhile stays queued, the sync lease is free; after a restart the queued job
 * is delivered once and the finished one is not sent again.
 *
 * Needs the build and PostgreSQL: `npm run test:instances` (STOREDESK_INSTANCES_TEST=1); skipped otherwise.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/lib/db';
import { leases } from '@/lib/db/schema';
import { freshSchemaName } from '@/lib/db/testing';
import { enqueue, getJob } from '@/lib/outbox';

const baseUrl = process.env.TEST_DATABASE_URL?.trim();
const server = path.resolve(process.env.NEXT_DIST_DIR || '.next', 'standalone', 'server.js');
const skipReason =
  process.env.STOREDESK_INSTANCES_TEST !== '1'
    ? 'run by `npm run test:instances` after the build (STOREDESK_INSTANCES_TEST=1)'
    : !baseUrl
      ? 'TEST_DATABASE_URL is not set'
      : !existsSync(server)
        ? `${server} is missing: run \`npm run build:test\` first`
        : null;
if (skipReason) console.log(`graceful shutdown of a real instance: skipped — ${skipReason}`);

/** SHUTDOWN_TEST_PORTS (comma-separated, e.g. a helper's own range on a shared machine), else a free port each. */
const fixedPorts = (process.env.SHUTDOWN_TEST_PORTS ?? '').split(',').map(Number).filter((n) => n > 0);
function freePort(): Promise<number> {
  const fixed = fixedPorts.shift();
  if (fixed) return Promise.resolve(fixed);
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Instance {
  child: ChildProcess;
  port: number;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const database = freshSchemaName('shutdown');
let url = '';
let dataDir = '';
const started: Instance[] = [];
let handle: DbHandle | undefined;

async function start(extraEnv: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, [server], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      SANDBOX: '1',
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
  });
  child.stdout!.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const instance = { child, port, output, exited };
  started.push(instance);
  return instance;
}

async function healthy(instance: Instance, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null) throw new Error(`instance exited: ${instance.output.join('').slice(-2000)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${instance.port}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance not healthy in time: ${instance.output.join('').slice(-2000)}`);
}

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const activity = (id: string) => ({
  activityId: id,
  correlationId: 'shutdown-test-member',
  action: 'APP_CHECKIN' as const,
  channel: 'STORE',
  when: new Date().toISOString(),
});

describe.skipIf(skipReason !== null)('graceful shutdown of a real instance on PostgreSQL', () => {
  beforeAll(async () => {
    await admin(`CREATE DATABASE "${database}"`);
    const target = new URL(baseUrl!);
    target.pathname = `/${database}`;
    url = target.toString();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'storedesk-shutdown-'));
    const marked = spawnSync(process.execPath, ['scripts/mark-sandbox-db.mjs'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
    expect(marked.status, marked.stderr).toBe(0);
    handle = await createDb({ url });
  }, 120_000);

  afterAll(async () => {
    await handle?.close();
    for (const i of started) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }, 60_000);

  it('SIGTERM mid-job: exits 0 in time, the job is recorded once, nothing is lost or repeated after a restart', async () => {
    const db = handle!.db;
    // The loyalty engine answers after 3 s: the job is mid-call when the signal comes.
    const first = await start({ SANDBOX_START_FAULTS: JSON.stringify([{ vendor: 'loyalty', latencyMs: 3000 }]) });
    await healthy(first, Date.now() + 90_000);
    const { job } = await enqueue(db, { kind: 'loyalty.activity', idempotencyKey: 'shutdown-test-1', payload: activity('shutdown-test-act-1') });
    await until(async () => (await getJob(db, job.id))?.status === 'running', 30_000, 'the job to be claimed');

    const t0 = Date.now();
    first.child.kill('SIGTERM');
    // Queued while the instance drains: it must not take it.
    const { job: queued } = await enqueue(db, { kind: 'loyalty.activity', idempotencyKey: 'shutdown-test-2', payload: activity('shutdown-test-act-2') });
    const exit = await first.exited;
    const tookMs = Date.now() - t0;
    expect(exit, first.output.join('').slice(-3000)).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(25_000);
    expect(first.output.join('')).toContain('server.shutdown_done');

    expect(await getJob(db, job.id)).toMatchObject({ status: 'done', attempts: 1, lockedBy: null, claimToken: null });
    expect(await getJob(db, queued.id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await db.select().from(leases)).toEqual([]);

    // Restart (a deploy's new instance): the queued job is delivered once; the finished one is not sent again.
    const second = await start();
    await healthy(second, Date.now() + 90_000);
    await until(async () => (await getJob(db, queued.id))?.status === 'done', 30_000, 'the queued job after the restart');
    expect(await getJob(db, queued.id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(await getJob(db, job.id)).toMatchObject({ status: 'done', attempts: 1 });
    const seen = (await (await fetch(`http://127.0.0.1:${second.port}/sandbox/_control/requests?vendor=loyalty`)).json()) as { requests: { path: string }[] };
    const activityCalls = seen.requests.filter((r) => r.path.includes('/activities/'));
    expect(activityCalls.map((r) => r.path.split('/activities/')[1]?.split(/[/?]/)[0])).toEqual(['shutdown-test-act-2']);

    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 180_000);
});
