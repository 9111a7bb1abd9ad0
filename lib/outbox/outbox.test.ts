import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@/lib/db';
import { outboxJobs } from '@/lib/db/schema';
import { openTestDb, testEngines, testPostgresUrl, freshSchemaName, dropSchema, type TestDb } from '@/lib/db/testing';
import { setLogSink } from '@/lib/log';
import { VendorError } from '@/lib/vendors/http';
import {
  claimJobs,
  deliverNow,
  enqueue,
  getJob,
  listJobs,
  listJobsByCorrelation,
  retryDeadJob,
  RetryableError,
  runDueJobs,
  runJob,
  startOutboxWorker,
  wakeOutboxWorker,
} from './index';
import { at, testKinds } from './testing';
import { z } from 'zod';

/** A unique kind per test, so handlers and jobs never cross between tests sharing a database. */
const { useKind } = testKinds('test.kind');
// Failing jobs log by design; keep the test output readable.
let restoreSink: ReturnType<typeof setLogSink> | undefined;
beforeAll(() => {
  restoreSink = setLogSink(() => undefined);
});
afterAll(() => {
  if (restoreSink) setLogSink(restoreSink);
});

const vendorError = (status: number, retryable: boolean) =>
  new VendorError({ vendor: 'footprints', operation: 'createLead', status, kind: 'http', retryable, message: `HTTP ${status}` });

describe.each(testEngines)('outbox on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('enqueue is idempotent on the key, also under concurrent taps', async () => {
    const kind = useKind(async () => 'ok');
    const first = await enqueue(t.db, { kind, idempotencyKey: 'form-1', payload: { name: 'A' }, subject: 'hostess:1', correlation: 'form-1' });
    const again = await enqueue(t.db, { kind, idempotencyKey: 'form-1', payload: { name: 'B' } });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.job.id).toBe(first.job.id);
    expect(again.job.payload).toEqual({ name: 'A' });
    expect(first.job).toMatchObject({ status: 'queued', attempts: 0, maxAttempts: 8, subject: 'hostess:1', correlation: 'form-1' });

    const taps = await Promise.all(Array.from({ length: 10 }, () => enqueue(t.db, { kind, idempotencyKey: 'form-2', payload: {} })));
    expect(taps.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(taps.map((r) => r.job.id)).size).toBe(1);
    const rows = await t.db.select().from(outboxJobs).where(eq(outboxJobs.kind, kind));
    expect(rows).toHaveLength(2);
  });

  it('deliverNow runs a queued job at once and stores its result', async () => {
    const seen: unknown[] = [];
    const kind = useKind(async (payload: { email: string }, ctx) => {
      seen.push([payload.email, ctx.attempt]);
      return { leadId: 'FP-42' };
    }, z.object({ email: z.string() }));
    const { job } = await enqueue(t.db, { kind, idempotencyKey: 'lead-a', payload: { email: 'a@example.com' } });
    const final = await deliverNow(t.db, job.id);
    expect(final).toMatchObject({ status: 'done', attempts: 1, result: { leadId: 'FP-42' }, lastError: null, lockedBy: null, lockedAt: null });
    expect(seen).toEqual([['a@example.com', 1]]);
    // Delivering again (a double tap) does not run it twice.
    const twice = await deliverNow(t.db, job.id);
    expect(twice?.status).toBe('done');
    expect(seen).toHaveLength(1);
    expect(await deliverNow(t.db, 'not-a-uuid')).toBeNull();
    expect(await deliverNow(t.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('retries a retryable failure with growing backoff and succeeds later', async () => {
    let calls = 0;
    const kind = useKind(async () => {
      calls += 1;
      if (calls === 1) throw vendorError(503, true);
      if (calls === 2) throw new RetryableError('still warming up');
      return { ok: calls };
    });
    const t0 = new Date();
    const { job } = await enqueue(t.db, { kind, idempotencyKey: 'retry-1', payload: {}, runAt: t0 });
    const opts = { random: () => 1 }; // the ceiling: 2 s, then 4 s

    const afterFirst = await deliverNow(t.db, job.id, { ...opts, now: () => t0 });
    expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1 });
    expect(afterFirst?.lastError).toContain('503');
    expect(afterFirst!.nextAttemptAt.getTime()).toBe(t0.getTime() + 2_000);

    // Not due yet one second later.
    expect(await runDueJobs(t.db, { workerId: 'w1', limit: 10, kinds: [kind], now: at(t0, 1_000), ...opts })).toMatchObject({ claimed: 0 });
    const second = await runDueJobs(t.db, { workerId: 'w1', limit: 10, kinds: [kind], now: at(t0, 2_000), ...opts });
    expect(second).toEqual({ claimed: 1, done: 0, retried: 1, dead: 0, lost: 0 });
    const afterSecond = await getJob(t.db, job.id);
    expect(afterSecond).toMatchObject({ status: 'queued', attempts: 2, lastError: 'RetryableError: still warming up' });
    expect(afterSecond!.nextAttemptAt.getTime()).toBe(t0.getTime() + 2_000 + 4_000);
    expect(afterSecond!.nextAttemptAt.getTime()).toBeGreaterThan(afterFirst!.nextAttemptAt.getTime());

    expect(await runDueJobs(t.db, { workerId: 'w1', limit: 10, kinds: [kind], now: at(t0, 5_000), ...opts })).toMatchObject({ claimed: 0 });
    const third = await runDueJobs(t.db, { workerId: 'w1', limit: 10, kinds: [kind], now: at(t0, 6_000), ...opts });
    expect(third).toMatchObject({ claimed: 1, done: 1 });
    expect(await getJob(t.db, job.id)).toMatchObject({ status: 'done', attempts: 3, result: { ok: 3 }, lastError: null });
    expect(calls).toBe(3);
  });

  it('a non-retryable failure is dead at once, with a short redacted error', async () => {
    let calls = 0;
    const kind = useKind(async () => {
      calls += 1;
      throw new Error(`rejected: https://fp.test/api?apikey=SUPERSECRET1 Authorization: Bearer abcdefghijklmnop ${'x'.repeat(1000)}`);
    });
    const { job } = await enqueue(t.db, { kind, idempotencyKey: 'dead-1', payload: {} });
    const final = await deliverNow(t.db, job.id);
    expect(final).toMatchObject({ status: 'dead', attempts: 1 });
    expect(final!.lastError).toContain('rejected');
    expect(final!.lastError).not.toContain('SUPERSECRET1');
    expect(final!.lastError).not.toContain('abcdefghijklmnop');
    expect(final!.lastError!.length).toBeLessThanOrEqual(300);
    expect(calls).toBe(1);

    // A VendorError the vendor marks as the caller's fault (4xx) is not retried either.
    const kind2 = useKind(async () => {
      throw vendorError(422, false);
    });
    const { job: job2 } = await enqueue(t.db, { kind: kind2, idempotencyKey: 'dead-2', payload: {} });
    expect(await deliverNow(t.db, job2.id)).toMatchObject({ status: 'dead', attempts: 1 });
    // Later polls never pick a dead job.
    expect(await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [kind, kind2], now: at(new Date(), 3_600_000) })).toMatchObject({ claimed: 0 });
  });

  it('a payload that fails the handler schema is dead at once without calling the handler', async () => {
    let calls = 0;
    const kind = useKind(async () => {
      calls += 1;
    }, z.object({ email: z.email() }));
    const { job } = await enqueue(t.db, { kind, idempotencyKey: 'schema-1', payload: { email: 'nope' } });
    const final = await deliverNow(t.db, job.id);
    expect(final?.status).toBe('dead');
    expect(final?.lastError).toMatch(/payload does not match/);
    expect(calls).toBe(0);
  });

  it('after max attempts a retryable failure is dead; retryDeadJob requeues it and it can succeed', async () => {
    let fail = true;
    let calls = 0;
    const kind = useKind(async () => {
      calls += 1;
      if (fail) throw vendorError(0, true);
      return 'delivered';
    });
    const t0 = new Date();
    const { job } = await enqueue(t.db, { kind, idempotencyKey: 'max-1', payload: {}, maxAttempts: 3, runAt: t0 });
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await runDueJobs(t.db, { workerId: 'w', limit: 5, kinds: [kind], now: at(t0, i * 3_600_000) });
      expect(r.claimed).toBe(1);
      outcomes.push(r.retried ? 'retry' : r.dead ? 'dead' : 'other');
    }
    expect(outcomes).toEqual(['retry', 'retry', 'dead']);
    expect(calls).toBe(3);
    const dead = await getJob(t.db, job.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 });

    expect(await retryDeadJob(t.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
    const requeued = await retryDeadJob(t.db, job.id, { now: at(t0, 10 * 3_600_000) });
    expect(requeued).toMatchObject({ status: 'queued', attempts: 0 });
    expect(requeued!.nextAttemptAt.getTime()).toBe(t0.getTime() + 10 * 3_600_000);
    expect(await retryDeadJob(t.db, job.id)).toBeNull(); // only a dead job can be requeued
    fail = false;
    const r = await runDueJobs(t.db, { workerId: 'w', limit: 5, kinds: [kind], now: at(t0, 10 * 3_600_000) });
    expect(r).toMatchObject({ claimed: 1, done: 1 });
    expect(await getJob(t.db, job.id)).toMatchObject({ status: 'done', attempts: 1, result: 'delivered' });
  });

  it('a running job whose worker crashed is claimed again after the lease; the late worker cannot overwrite', async () => {
    let calls = 0;
    const kind = useKind(async () => {
      calls += 1;
      return calls;
    });
    const t0 = new Date();
    await enqueue(t.db, { kind, idempotencyKey: 'lease-1', payload: {}, runAt: t0 });
    const [claimedByA] = await claimJobs(t.db, { workerId: 'A', limit: 1, kinds: [kind], now: () => t0 });
    expect(claimedByA).toMatchObject({ status: 'running', lockedBy: 'A', attempts: 1 });
    // A "crashes". Within the lease nobody else takes it.
    expect(await claimJobs(t.db, { workerId: 'B', limit: 1, kinds: [kind], now: at(t0, 60_000) })).toHaveLength(0);
    const [claimedByB] = await claimJobs(t.db, { workerId: 'B', limit: 1, kinds: [kind], now: at(t0, 5 * 60_000 + 1) });
    expect(claimedByB).toMatchObject({ id: claimedByA.id, lockedBy: 'B', attempts: 2 });
    const b = await runJob(t.db, claimedByB);
    expect(b.outcome).toBe('done');
    const a = await runJob(t.db, claimedByA);
    expect(a.outcome).toBe('lost');
    expect(a.job).toMatchObject({ status: 'done', result: 1 });
  });

  it('does not claim kinds without a handler in this process', async () => {
    const handled: string[] = [];
    const kind = useKind(async (p: { id: string }) => {
      handled.push(p.id);
    });
    const t0 = new Date();
    const { job } = await enqueue(t.db, { kind: 'test.unhandled', idempotencyKey: 'nohandler-1', payload: {}, runAt: t0 });
    const { job: ok } = await enqueue(t.db, { kind, idempotencyKey: 'nohandler-2', payload: { id: 'h1' }, runAt: t0 });
    // No kinds given: the worker's default is the kinds registered in this process.
    const r = await runDueJobs(t.db, { workerId: 'w', limit: 50, now: at(t0, 1) });
    expect(r).toMatchObject({ claimed: 1, done: 1 });
    expect(handled).toEqual(['h1']);
    expect(await getJob(t.db, ok.id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(await getJob(t.db, job.id)).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null });
  });

  it('lists jobs by status and kind with counts, and by correlation', async () => {
    const kind = useKind(async (p: { fail?: boolean }) => {
      if (p.fail) throw new Error('bad request');
      return 'ok';
    });
    const a = await enqueue(t.db, { kind, idempotencyKey: 'list-a', payload: {}, correlation: 'lead-9' });
    const b = await enqueue(t.db, { kind, idempotencyKey: 'list-b', payload: { fail: true }, correlation: 'lead-9' });
    await enqueue(t.db, { kind, idempotencyKey: 'list-c', payload: {}, runAt: new Date(Date.now() + 3_600_000) });
    await deliverNow(t.db, a.job.id);
    await deliverNow(t.db, b.job.id);

    const all = await listJobs(t.db, { kind, limit: 10, offset: 0 });
    expect(all.total).toBe(3);
    expect(all.counts).toEqual({ queued: 1, running: 0, done: 1, dead: 1, needs_person: 0 });
    expect(all.rows.map((r) => r.idempotencyKey)).toEqual(['list-c', 'list-b', 'list-a']);
    const dead = await listJobs(t.db, { kind, status: 'dead', limit: 10, offset: 0 });
    expect(dead.total).toBe(1);
    expect(dead.rows.map((r) => r.idempotencyKey)).toEqual(['list-b']);
    expect(dead.counts.done).toBe(1);
    const page = await listJobs(t.db, { kind, limit: 1, offset: 1 });
    expect(page.rows.map((r) => r.idempotencyKey)).toEqual(['list-b']);

    const byLead = await listJobsByCorrelation(t.db, 'lead-9');
    expect(byLead.map((r) => [r.idempotencyKey, r.status])).toEqual([
      ['list-a', 'done'],
      ['list-b', 'dead'],
    ]);
    expect(await getJob(t.db, 'nope')).toBeNull();
  });

  it('workers racing over one queue never run a job twice', async () => {
    const invocations = new Map<string, number>();
    const byWorker = new Map<string, number>();
    const kind = useKind(async (_p, ctx) => {
      invocations.set(ctx.job.id, (invocations.get(ctx.job.id) ?? 0) + 1);
      byWorker.set(ctx.job.lockedBy ?? '?', (byWorker.get(ctx.job.lockedBy ?? '?') ?? 0) + 1);
      await new Promise((r) => setTimeout(r, Math.random() * 5));
      return null;
    });
    const jobs = await Promise.all(Array.from({ length: 50 }, (_, i) => enqueue(t.db, { kind, idempotencyKey: `race-${i}`, payload: { i } })));

    // PostgreSQL: two separate pools (as two console instances would have); PGlite: one embedded instance.
    const dbs: Db[] = engine === 'postgres' ? [t.db, (await t.openAnother()).db] : [t.db, t.db];
    const drain = async (db: Db, workerId: string) => {
      let total = 0;
      for (;;) {
        const r = await runDueJobs(db, { workerId, limit: 3, kinds: [kind] });
        total += r.done;
        if (r.claimed === 0) return total;
      }
    };
    const totals = await Promise.all([drain(dbs[0], 'A1'), drain(dbs[1], 'B1'), drain(dbs[0], 'A2'), drain(dbs[1], 'B2')]);

    expect(totals.reduce((s, n) => s + n, 0)).toBe(50);
    expect(invocations.size).toBe(50);
    expect([...invocations.values()].every((n) => n === 1)).toBe(true);
    for (const { job } of jobs) expect(invocations.get(job.id)).toBe(1);
    const rows = await t.db.select().from(outboxJobs).where(eq(outboxJobs.kind, kind));
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
    if (engine === 'postgres') {
      // Both instances really took part.
      expect((byWorker.get('A1') ?? 0) + (byWorker.get('A2') ?? 0)).toBeGreaterThan(0);
      expect((byWorker.get('B1') ?? 0) + (byWorker.get('B2') ?? 0)).toBeGreaterThan(0);
    }
  });

  it('the worker delivers queued jobs in the background, starts once per process, and survives a failing poll', async () => {
    const lines: string[] = [];
    const previous = setLogSink((_level, line) => lines.push(line));
    const delivered: number[] = [];
    const kind = useKind(async (p: { n: number }) => {
      delivered.push(p.n);
      return p.n;
    });
    for (let n = 0; n < 5; n++) await enqueue(t.db, { kind, idempotencyKey: `bg-${n}`, payload: { n } });
    let polls = 0;
    const worker = startOutboxWorker({
      workerId: 'bg',
      intervalMs: 20,
      batchSize: 2,
      getDb: async () => {
        polls += 1;
        if (polls === 1) throw new Error('connection refused password=hunter2');
        return t.db;
      },
    });
    try {
      expect(startOutboxWorker({ getDb: async () => t.db, workerId: 'other' })).toBe(worker);
      const deadline = Date.now() + 15_000;
      while (delivered.length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(delivered.sort()).toEqual([0, 1, 2, 3, 4]);
    } finally {
      await worker.stop();
      setLogSink(previous);
    }
    const failure = lines.find((l) => l.includes('outbox.worker_poll_failed'));
    expect(failure).toBeDefined();
    expect(failure).not.toContain('hunter2');
    // Stopped: a new start gives a new worker.
    const next = startOutboxWorker({ getDb: async () => t.db, workerId: 'next', intervalMs: 1000 });
    expect(next).not.toBe(worker);
    await next.stop();
  });

  it('wake() makes an idle worker poll at once instead of at its next interval', async () => {
    const delivered: string[] = [];
    const kind = useKind(async (p: { id: string }) => {
      delivered.push(p.id);
    });
    let polls = 0;
    // Waits on events, never on a guessed duration: the first poll is known to be over when it reports
    // its batch (onBatch runs at the end of the poll, just before the worker schedules its next one).
    let firstBatch!: () => void;
    const firstPollDone = new Promise<void>((r) => (firstBatch = r));
    let secondBatch!: () => void;
    const secondPollDone = new Promise<void>((r) => (secondBatch = r));
    let thirdBatch!: () => void;
    const thirdPollDone = new Promise<void>((r) => (thirdBatch = r));
    await enqueue(t.db, { kind, idempotencyKey: 'wake-0', payload: { id: 'w0' } });
    const worker = startOutboxWorker({
      workerId: 'sleepy',
      intervalMs: 60_000,
      getDb: async () => {
        polls += 1;
        return t.db;
      },
      onBatch: () => [firstBatch, secondBatch, thirdBatch][delivered.length - 1]?.(),
    });
    try {
      await firstPollDone;
      expect(delivered).toEqual(['w0']);
      await enqueue(t.db, { kind, idempotencyKey: 'wake-1', payload: { id: 'w1' } });
      worker.wake();
      // Without wake() the next poll is 60 s away: the test timeout (30 s) would fail this wait.
      await secondPollDone;
      expect(delivered).toEqual(['w0', 'w1']);
      expect(polls).toBe(2);
      // Use cases hold no handle: wakeOutboxWorker() reaches the process's one worker.
      await enqueue(t.db, { kind, idempotencyKey: 'wake-2', payload: { id: 'w2' } });
      wakeOutboxWorker();
      await thirdPollDone;
      expect(delivered).toEqual(['w0', 'w1', 'w2']);
      expect(polls).toBe(3);
    } finally {
      await worker.stop();
    }
  });
});

describe('a job queued before a restart runs after it', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-outbox-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const restartCase = async (open: () => Promise<{ db: Db; close(): Promise<void> }>) => {
    const ran: string[] = [];
    const kind = useKind(async (p: { lead: string }) => {
      ran.push(p.lead);
      return { leadId: `FP-${p.lead}` };
    });
    const before = await open();
    // Vendor down at first: the job stays queued when the process goes away.
    const { job } = await enqueue(before.db, { kind, idempotencyKey: 'restart-1', payload: { lead: 'x1' }, runAt: new Date(Date.now() + 1_000) });
    await before.close();

    const after = await open();
    try {
      const r = await runDueJobs(after.db, { workerId: 'after-restart', limit: 10, kinds: [kind], now: at(new Date(), 2_000) });
      expect(r).toMatchObject({ claimed: 1, done: 1 });
      expect(await getJob(after.db, job.id)).toMatchObject({ status: 'done', result: { leadId: 'FP-x1' } });
      expect(ran).toEqual(['x1']);
    } finally {
      await after.close();
    }
  };

  it('PGlite data folder', async () => {
    await restartCase(() => createDb({ dataDir: path.join(tmp, 'data') }));
  });

  it.skipIf(!testPostgresUrl)('PostgreSQL', async () => {
    const url = testPostgresUrl as string;
    const pgSchema = freshSchemaName('restart');
    try {
      await restartCase(() => createDb({ url, pgSchema }));
    } finally {
      await dropSchema(url, pgSchema);
    }
  });
});
