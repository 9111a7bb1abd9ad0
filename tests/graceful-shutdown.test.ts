/**
 * Issue 13, point 4, with real processes: the deployment build (`node .next/standalone/server.js`) in sandbox mode
 * on a fresh PostgreSQL database (as tests/two-instances.test.ts). A loyalty activity job is mid-call (the loyalty
 * simulator answers after 3 s) when the instance gets SIGTERM: it exits 0 within the 20 s grace, the job is done
 * once (one attempt), a job queued meanwhile stays queued, the sync lease is free; after a restart the queued job
 * is delivered once and the finished one is not sent again.
 *
 * Needs the build and PostgreSQL: `npm run test:instances` (STOREDESK_INSTANCES_TEST=1); skipped otherwise.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/lib/db';
import { leases } from '@/lib/db/schema';
import { enqueue, getJob } from '@/lib/outbox';
import { freePort, standaloneServer, startStandalone, waitHealthy, type Instance } from '@/lib/testing/console-http';
import { createSandboxDatabase, type SandboxDatabase } from '@/lib/testing/sandbox-postgres';

const baseUrl = process.env.TEST_DATABASE_URL?.trim();
const server = standaloneServer();
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
let sandboxDb: SandboxDatabase | undefined;
let url = '';
let dataDir = '';
const started: Instance[] = [];
let handle: DbHandle | undefined;

async function start(extraEnv: Record<string, string> = {}): Promise<Instance> {
  const port = fixedPorts.shift() ?? (await freePort());
  const instance = startStandalone(port, { SANDBOX: '1', DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'info', ...extraEnv });
  started.push(instance);
  return instance;
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
    sandboxDb = await createSandboxDatabase(baseUrl!, 'shutdown');
    url = sandboxDb.url;
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'storedesk-shutdown-'));
    handle = await createDb({ url });
  }, 120_000);

  afterAll(async () => {
    await handle?.close();
    for (const i of started) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await sandboxDb?.drop();
  }, 60_000);

  it('SIGTERM mid-job: exits 0 in time, the job is recorded once, nothing is lost or repeated after a restart', async () => {
    const db = handle!.db;
    // The loyalty engine answers after 3 s: the job is mid-call when the signal comes.
    const first = await start({ SANDBOX_START_FAULTS: JSON.stringify([{ vendor: 'loyalty', latencyMs: 3000 }]) });
    await waitHealthy(first, Date.now() + 90_000);
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
    await waitHealthy(second, Date.now() + 90_000);
    await until(async () => (await getJob(db, queued.id))?.status === 'done', 30_000, 'the queued job after the restart');
    expect(await getJob(db, queued.id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(await getJob(db, job.id)).toMatchObject({ status: 'done', attempts: 1 });
    const seen = (await (await fetch(`${second.origin}/sandbox/_control/requests?vendor=loyalty`)).json()) as { requests: { path: string }[] };
    const activityCalls = seen.requests.filter((r) => r.path.includes('/activities/'));
    expect(activityCalls.map((r) => r.path.split('/activities/')[1]?.split(/[/?]/)[0])).toEqual(['shutdown-test-act-2']);

    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 180_000);
});
