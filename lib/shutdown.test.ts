/**
 * Issue 13, point 4, in one process on its embedded database (PGlite under DATA_DIR): a shutdown in the middle of
 * a job lets it finish, claims nothing more, closes the database so that it opens again intact, and exits 0; one
 * whose job outlasts the grace period hands the job back to the queue. The same with real standalone servers on
 * PostgreSQL: tests/two-instances.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-shutdown-'));
process.env.DATA_DIR = tmp;
process.env.DATABASE_URL = '';
(globalThis as { __storedeskConfig?: unknown }).__storedeskConfig = undefined;

const { closeDb, getDb } = await import('@/lib/db');
const { acquireLease } = await import('@/lib/db/leases');
const { resetLifecycleForTests, isDraining } = await import('@/lib/lifecycle');
const { setLogSink } = await import('@/lib/log');
const outbox = await import('@/lib/outbox');
const { shutdownGracefully } = await import('./shutdown');

let restoreLog: ReturnType<typeof setLogSink>;
const kinds: string[] = [];
beforeAll(() => {
  restoreLog = setLogSink(() => {});
});
afterEach(async () => {
  kinds.splice(0).forEach(outbox.unregisterHandler);
  await outbox.stopOutboxWorker();
  await closeDb();
  resetLifecycleForTests();
  (globalThis as { __storedeskShutdown?: unknown }).__storedeskShutdown = undefined;
});
afterAll(() => {
  setLogSink(restoreLog);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function slowKind(ms: number, calls: { started: number; finished: number }): string {
  const kind = `shutdown.test.${kinds.length + 1}.${Date.now()}`;
  outbox.registerHandler(kind, async () => {
    calls.started += 1;
    await new Promise((r) => setTimeout(r, ms));
    calls.finished += 1;
    return 'delivered';
  });
  kinds.push(kind);
  return kind;
}

async function until(check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('graceful shutdown', () => {
  it('mid-job: the job finishes and is recorded, nothing more is claimed, the lease is freed, the database reopens intact, exit 0', async () => {
    const calls = { started: 0, finished: 0 };
    const kind = slowKind(700, calls);
    const db = await getDb();
    const { job } = await outbox.enqueue(db, { kind, idempotencyKey: `${kind}-a`, payload: {} });
    outbox.startOutboxWorker({ getDb, intervalMs: 20 });
    await until(() => calls.started === 1);
    await acquireLease(db, 'lead-sync', 60_000); // as a sync of this instance would hold it
    const { job: late } = await outbox.enqueue(db, { kind, idempotencyKey: `${kind}-b`, payload: {} });

    const exits: number[] = [];
    const t0 = Date.now();
    const done = shutdownGracefully({ signal: 'SIGTERM', exit: (code) => exits.push(code), graceMs: 10_000 });
    expect(isDraining()).toBe(true);
    // An inline delivery while draining leaves its job queued for the next instance.
    expect(await outbox.deliverNow(db, late.id)).toMatchObject({ status: 'queued', attempts: 0 });
    await done;
    expect(exits).toEqual([0]);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(calls).toEqual({ started: 1, finished: 1 });

    // Restart: the same data folder opens, the finished job is done once, the other still queued, no lease held.
    resetLifecycleForTests();
    const after = await getDb();
    expect(await outbox.getJob(after, job.id)).toMatchObject({ status: 'done', result: 'delivered', attempts: 1 });
    expect(await outbox.getJob(after, late.id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await acquireLease(after, 'lead-sync', 60_000)).not.toBeNull();
  }, 60_000);

  it('a job that outlasts the grace period goes back to the queue (due now) and the instance still exits 0 in time', async () => {
    const calls = { started: 0, finished: 0 };
    const kind = slowKind(5_000, calls);
    const db = await getDb();
    const { job } = await outbox.enqueue(db, { kind, idempotencyKey: `${kind}-a`, payload: {} });
    outbox.startOutboxWorker({ getDb, intervalMs: 20 });
    await until(() => calls.started === 1);

    const exits: number[] = [];
    const t0 = Date.now();
    await shutdownGracefully({ signal: 'SIGTERM', exit: (code) => exits.push(code), graceMs: 300 });
    expect(exits).toEqual([0]);
    expect(Date.now() - t0).toBeLessThan(3_000);

    resetLifecycleForTests();
    const after = await getDb();
    const row = await outbox.getJob(after, job.id);
    expect(row).toMatchObject({ status: 'queued', lockedBy: null, claimToken: null, attempts: 1 });
    expect(row!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  }, 60_000);
});
