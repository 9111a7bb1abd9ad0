import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { outboxJobs } from '@/lib/db/schema';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { setLogSink } from '@/lib/log';
import { VendorError } from '@/lib/vendors/http';
import {
  deliverNow,
  enqueue,
  getHandler,
  getJob,
  registerBatchHandler,
  runBatch,
  runDueJobs,
  type OutboxBatchOutcome,
} from './index';
import { at, testKinds } from './testing';

const { useKind, useBatchKind } = testKinds('test.');
let restoreSink: ReturnType<typeof setLogSink> | undefined;
beforeAll(() => {
  restoreSink = setLogSink(() => undefined);
});
afterAll(() => {
  if (restoreSink) setLogSink(restoreSink);
});

describe('registerBatchHandler options', () => {
  it('refuses a maxBatch outside 1..10000 and keeps a single-job runner for the kind', () => {
    expect(() => registerBatchHandler('test.bad', async () => [], { maxBatch: 0 })).toThrow(/maxBatch/);
    expect(() => registerBatchHandler('test.bad', async () => [], { maxBatch: 10_001 })).toThrow(/maxBatch/);
    const kind = useBatchKind(async () => [], 7);
    expect(getHandler(kind)?.batch?.maxBatch).toBe(7);
    expect(typeof getHandler(kind)?.run).toBe('function');
  });
});

describe.each(testEngines)('outbox batches on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('one poll claims up to maxBatch jobs of a batch kind and hands them over together', async () => {
    const calls: number[][] = [];
    const kind = useBatchKind(
      async (items: readonly { payload: { n: number } }[]) => {
        calls.push(items.map((i) => i.payload.n));
        return items.map((i) => ({ ok: true as const, result: { n: i.payload.n * 10 } }));
      },
      25,
      z.object({ n: z.number() }),
    );
    const t0 = new Date();
    for (let n = 0; n < 60; n++) await enqueue(t.db, { kind, idempotencyKey: `${kind}-${n}`, payload: { n }, runAt: t0 });

    // The worker's limit (5) applies to single kinds; the batch kind is claimed up to its maxBatch (25).
    const first = await runDueJobs(t.db, { workerId: 'w', limit: 5, kinds: [kind], now: at(t0, 1) });
    expect(first).toEqual({ claimed: 25, done: 25, retried: 0, dead: 0, lost: 0 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(25);
    await runDueJobs(t.db, { workerId: 'w', limit: 5, kinds: [kind], now: at(t0, 2) });
    const third = await runDueJobs(t.db, { workerId: 'w', limit: 5, kinds: [kind], now: at(t0, 3) });
    expect(third.claimed).toBe(10);
    expect(calls.map((c) => c.length)).toEqual([25, 25, 10]);
    expect(new Set(calls.flat()).size).toBe(60);

    const rows = await t.db.select().from(outboxJobs).where(eq(outboxJobs.kind, kind));
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1 && r.lockedBy === null)).toBe(true);
    const five = rows.find((r) => (r.payload as { n: number }).n === 5);
    expect(five?.result).toEqual({ n: 50 });
  });

  it('settles each job from its own outcome: done, retried with backoff, dead with its reason', async () => {
    const kind = useBatchKind(async (items: readonly { payload: { n: number } }[]): Promise<OutboxBatchOutcome[]> => {
      return items.map(({ payload }) => {
        if (payload.n === 1) return { ok: false, error: new Error('record refused: bad identity') };
        if (payload.n === 2) return { ok: false, error: new Error('try later'), retryable: true };
        if (payload.n === 3) {
          return { ok: false, error: new VendorError({ vendor: 'netcore', operation: 'x', status: 503, kind: 'http', retryable: true, message: 'down' }) };
        }
        return { ok: true, result: 'sent' };
      });
    }, 100);
    const t0 = new Date();
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) ids.push((await enqueue(t.db, { kind, idempotencyKey: `${kind}-${n}`, payload: { n }, runAt: t0 })).job.id);
    const r = await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [kind], now: at(t0, 1), random: () => 1 });
    expect(r).toEqual({ claimed: 4, done: 1, retried: 2, dead: 1, lost: 0 });
    expect(await getJob(t.db, ids[0])).toMatchObject({ status: 'done', result: 'sent' });
    const dead = await getJob(t.db, ids[1]);
    expect(dead).toMatchObject({ status: 'dead' });
    expect(dead?.lastError).toContain('record refused: bad identity');
    const retried = await getJob(t.db, ids[2]);
    expect(retried).toMatchObject({ status: 'queued', attempts: 1, lastError: 'RetryableError: try later' });
    expect(retried!.nextAttemptAt.getTime()).toBe(t0.getTime() + 1 + 2_000);
    expect(await getJob(t.db, ids[3])).toMatchObject({ status: 'queued', attempts: 1 });
  });

  it('a thrown retryable error retries every job of the batch; a thrown other error makes them dead', async () => {
    let mode: 'retry' | 'dead' | 'ok' = 'retry';
    let calls = 0;
    const kind = useBatchKind(async (items) => {
      calls += 1;
      if (mode === 'retry') throw new VendorError({ vendor: 'netcore', operation: 'upload', status: 0, kind: 'timeout', retryable: true, message: 'timed out' });
      if (mode === 'dead') throw new Error('401 invalid key');
      return items.map(() => ({ ok: true as const }));
    }, 100);
    const t0 = new Date();
    for (let n = 0; n < 3; n++) await enqueue(t.db, { kind, idempotencyKey: `${kind}-${n}`, payload: { n }, runAt: t0 });
    expect(await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [kind], now: at(t0, 1), random: () => 1 })).toMatchObject({ claimed: 3, retried: 3 });
    // Not due before the backoff has passed; then all three come back in one batch.
    expect(await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [kind], now: at(t0, 1_000) })).toMatchObject({ claimed: 0 });
    mode = 'ok';
    expect(await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [kind], now: at(t0, 2_001) })).toMatchObject({ claimed: 3, done: 3 });
    expect(calls).toBe(2);

    mode = 'dead';
    const { job } = await enqueue(t.db, { kind, idempotencyKey: `${kind}-dead`, payload: {}, runAt: t0 });
    expect(await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [kind], now: at(t0, 10_000) })).toMatchObject({ claimed: 1, dead: 1 });
    expect((await getJob(t.db, job.id))?.lastError).toContain('401 invalid key');
  });

  it('a payload failing the schema is dead alone; the rest of the batch still runs', async () => {
    const seen: number[] = [];
    const kind = useBatchKind(
      async (items: readonly { payload: { n: number } }[]) => {
        seen.push(...items.map((i) => i.payload.n));
        return items.map(() => ({ ok: true as const }));
      },
      100,
      z.object({ n: z.number() }),
    );
    const t0 = new Date();
    const bad = await enqueue(t.db, { kind, idempotencyKey: `${kind}-bad`, payload: { n: 'x' }, runAt: t0 });
    await enqueue(t.db, { kind, idempotencyKey: `${kind}-good`, payload: { n: 7 }, runAt: t0 });
    expect(await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [kind], now: at(t0, 1) })).toMatchObject({ claimed: 2, done: 1, dead: 1 });
    expect(seen).toEqual([7]);
    expect((await getJob(t.db, bad.job.id))?.lastError).toMatch(/payload does not match/);
  });

  it('a missing outcome is retried, never silently done', async () => {
    const kind = useBatchKind(async () => [], 10);
    const t0 = new Date();
    const { job } = await enqueue(t.db, { kind, idempotencyKey: `${kind}-1`, payload: {}, runAt: t0 });
    expect(await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [kind], now: at(t0, 1) })).toMatchObject({ retried: 1 });
    expect((await getJob(t.db, job.id))?.lastError).toMatch(/no outcome/);
  });

  it('deliverNow runs one job of a batch kind as a batch of one; single kinds still run alongside', async () => {
    const batchSizes: number[] = [];
    const kind = useBatchKind(async (items) => {
      batchSizes.push(items.length);
      return items.map(() => ({ ok: false as const, error: new Error('refused by vendor') }));
    }, 10);
    const { job } = await enqueue(t.db, { kind, idempotencyKey: `${kind}-now`, payload: {} });
    const after = await deliverNow(t.db, job.id);
    expect(after).toMatchObject({ status: 'dead', attempts: 1 });
    expect(after?.lastError).toContain('refused by vendor');
    expect(batchSizes).toEqual([1]);

    const single = useKind(async () => 'one');
    const okKind = useBatchKind(async (items) => items.map(() => ({ ok: true as const })), 10);
    const t0 = new Date();
    await enqueue(t.db, { kind: single, idempotencyKey: `${single}-1`, payload: {}, runAt: t0 });
    await enqueue(t.db, { kind: okKind, idempotencyKey: `${okKind}-1`, payload: {}, runAt: t0 });
    await enqueue(t.db, { kind: okKind, idempotencyKey: `${okKind}-2`, payload: {}, runAt: t0 });
    expect(await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [single, okKind], now: at(t0, 1) })).toEqual({
      claimed: 3,
      done: 3,
      retried: 0,
      dead: 0,
      lost: 0,
    });
  });

  it('runBatch refuses mixed kinds', async () => {
    const a = useBatchKind(async (items) => items.map(() => ({ ok: true as const })), 10);
    const b = useBatchKind(async (items) => items.map(() => ({ ok: true as const })), 10);
    const ja = (await enqueue(t.db, { kind: a, idempotencyKey: `${a}-1`, payload: {} })).job;
    const jb = (await enqueue(t.db, { kind: b, idempotencyKey: `${b}-1`, payload: {} })).job;
    await expect(runBatch(t.db, [ja, jb])).rejects.toThrow(/one kind/);
  });
});
