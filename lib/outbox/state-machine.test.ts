/**
 * The outbox state machine's edges that its mutation run (npm run test:mutation -- outbox-state-machine) found
 * untested: enqueue's refusals, the order and defaults of a claim, the no-handler path, what a failure logs and
 * records, the batch path's claim sizes and defaults, and the lost count. Each test asserts what a worker or an
 * operator relies on, not how the code is written.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { outboxJobs } from '@/lib/db/schema';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { setLogSink } from '@/lib/log';
import { metricValue } from '@/lib/testing/metrics';
import {
  claimJobs,
  defaultWorkerId,
  deliverNow,
  enqueue,
  getJob,
  retryDeadJob,
  runBatch,
  runDueJobs,
  runJob,
} from './index';
import { at, testKinds } from './testing';

const { useKind, useBatchKind, unusedKind } = testKinds('test.sm');

/** Every log line of the test, parsed. */
let lines: { level: string; event: string; [field: string]: unknown }[] = [];
let restoreSink: ReturnType<typeof setLogSink> | undefined;
beforeAll(() => {
  restoreSink = setLogSink((_level, line) => {
    lines.push(JSON.parse(line));
  });
});
beforeEach(() => {
  lines = [];
});
afterAll(() => {
  if (restoreSink) setLogSink(restoreSink);
});
const logged = (event: string) => lines.filter((l) => l.event === event);

const runs = (kind: string, outcome: string) => metricValue('storedesk_outbox_job_runs_total', { kind, outcome });

describe.each(testEngines)('outbox state machine on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('enqueue refuses a blank kind, a key outside 1–200 characters and maxAttempts outside 1–100; it trims kind and key', async () => {
    const kind = useKind(async () => 'ok');
    await expect(enqueue(t.db, { kind: '  ', idempotencyKey: 'k', payload: {} })).rejects.toThrow('enqueue: kind is required');
    await expect(enqueue(t.db, { kind, idempotencyKey: '   ', payload: {} })).rejects.toThrow('enqueue: idempotencyKey must be 1–200 characters');
    await expect(enqueue(t.db, { kind, idempotencyKey: 'k'.repeat(201), payload: {} })).rejects.toThrow(/idempotencyKey must be 1–200/);
    for (const maxAttempts of [0, 101, 2.5, Number.NaN]) {
      await expect(enqueue(t.db, { kind, idempotencyKey: `${kind}-max-${maxAttempts}`, payload: {}, maxAttempts })).rejects.toThrow(
        'enqueue: maxAttempts must be an integer from 1 to 100',
      );
    }
    expect(await t.db.select().from(outboxJobs).where(eq(outboxJobs.kind, kind))).toHaveLength(0);

    const longest = await enqueue(t.db, { kind: ` ${kind} `, idempotencyKey: ` ${'k'.repeat(200)} `, payload: {}, maxAttempts: 1 });
    expect(longest.job).toMatchObject({ kind, idempotencyKey: 'k'.repeat(200), maxAttempts: 1 });
    const most = await enqueue(t.db, { kind, idempotencyKey: `${kind}-100`, payload: {}, maxAttempts: 100 });
    expect(most.job.maxAttempts).toBe(100);
    // The trimmed key is the key: the same key with spaces around it is the same job.
    expect(await enqueue(t.db, { kind, idempotencyKey: `  ${kind}-100`, payload: {} })).toMatchObject({ created: false, job: { id: most.job.id } });
  });

  it('a key reused by another kind keeps the first job and warns; the same kind again does not warn', async () => {
    const kind = useKind(async () => 'ok');
    const other = useKind(async () => 'ok');
    const first = await enqueue(t.db, { kind, idempotencyKey: `${kind}-reuse`, payload: { n: 1 } });
    await enqueue(t.db, { kind, idempotencyKey: `${kind}-reuse`, payload: { n: 2 } });
    expect(logged('outbox.idempotency_key_reused')).toHaveLength(0);
    const again = await enqueue(t.db, { kind: other, idempotencyKey: `${kind}-reuse`, payload: { n: 3 } });
    expect(again).toMatchObject({ created: false, job: { id: first.job.id, kind, payload: { n: 1 } } });
    expect(logged('outbox.idempotency_key_reused')).toEqual([
      expect.objectContaining({ level: 'warn', jobId: first.job.id, existingKind: kind, kind: other }),
    ]);
  });

  it('claimJobs takes nothing for a limit of 0 or an empty kind list, and returns what it took oldest-due first', async () => {
    const kind = useKind(async () => 'ok');
    const t0 = new Date();
    // Written newest-due first, so the order the rows were written in is not the order they are due in.
    const late = await enqueue(t.db, { kind, idempotencyKey: `${kind}-late`, payload: {}, runAt: at(t0, 2000)() });
    const mid = await enqueue(t.db, { kind, idempotencyKey: `${kind}-mid`, payload: {}, runAt: at(t0, 1000)() });
    const early = await enqueue(t.db, { kind, idempotencyKey: `${kind}-early`, payload: {}, runAt: t0 });
    expect(await claimJobs(t.db, { workerId: 'w', limit: 0, kinds: [kind], now: at(t0, 5000) })).toEqual([]);
    expect(await claimJobs(t.db, { workerId: 'w', limit: 10, kinds: [], now: at(t0, 5000) })).toEqual([]);
    expect(await getJob(t.db, early.job.id)).toMatchObject({ status: 'queued', attempts: 0 });

    const claimed = await claimJobs(t.db, { workerId: 'w', limit: 10, kinds: [kind], now: at(t0, 5000) });
    expect(claimed.map((j) => j.id)).toEqual([early.job.id, mid.job.id, late.job.id]);
  });

  it('a claimed job whose kind has no handler here goes back to the queue with the reason, counted as a retry', async () => {
    const kind = unusedKind('gone');
    const t0 = new Date();
    const { job } = await enqueue(t.db, { kind, idempotencyKey: `${kind}-1`, payload: {}, runAt: t0 });
    // Asked for by name (e.g. a worker configured with kinds whose handler this build does not have).
    const r = await runDueJobs(t.db, { workerId: 'w', limit: 5, kinds: [kind], now: at(t0, 1) });
    expect(r).toEqual({ claimed: 1, done: 0, retried: 1, dead: 0, lost: 0 });
    const after = await getJob(t.db, job.id);
    expect(after).toMatchObject({ status: 'queued', attempts: 1, lockedBy: null, lastError: `no handler registered for job kind "${kind}"` });
    expect(logged('outbox.job_failed')).toEqual([
      expect.objectContaining({ level: 'warn', jobId: job.id, kind, attempt: 1, maxAttempts: 8, retryable: true, next: 'retry' }),
    ]);
    expect(await runs(kind, 'retry')).toBe(1);
  });

  it('a failure that ends the job logs an error with next: dead', async () => {
    const kind = useKind(async () => {
      throw new Error('refused');
    });
    const { job } = await enqueue(t.db, { kind, idempotencyKey: `${kind}-1`, payload: {} });
    expect(await deliverNow(t.db, job.id)).toMatchObject({ status: 'dead', lastError: 'refused' });
    expect(logged('outbox.job_failed')).toEqual([
      expect.objectContaining({ level: 'error', jobId: job.id, kind, attempt: 1, retryable: false, next: 'dead', error: 'refused' }),
    ]);
    expect(await runs(kind, 'dead')).toBe(1);
    expect(await runs(kind, 'done')).toBe(0);
  });

  it('a payload failing the schema names up to three fields by their path, or (root)', async () => {
    const kind = useKind(
      async () => 'never',
      z.object({ a: z.string(), b: z.string(), c: z.string(), contact: z.object({ email: z.string() }) }),
    );
    const many = await enqueue(t.db, { kind, idempotencyKey: `${kind}-many`, payload: { contact: {} } });
    const manyError = (await deliverNow(t.db, many.job.id))?.lastError ?? '';
    expect(manyError).toMatch(new RegExp(`^payload does not match the ${kind} schema: a: [^;]+; b: [^;]+; c: [^;]+$`));

    const nested = await enqueue(t.db, { kind, idempotencyKey: `${kind}-nested`, payload: { a: 'x', b: 'y', c: 'z', contact: {} } });
    expect((await deliverNow(t.db, nested.job.id))?.lastError).toMatch(new RegExp(`schema: contact\\.email: [^;]+$`));

    const root = await enqueue(t.db, { kind, idempotencyKey: `${kind}-root`, payload: 'just text' });
    expect((await deliverNow(t.db, root.job.id))?.lastError).toMatch(new RegExp(`schema: \\(root\\): [^;]+$`));
  });

  it("a failure's stored reason is one trimmed line, cut only past 300 characters, and never empty", async () => {
    const messages = ['  line one\n\n\tline two  ', `${'word '.repeat(59)}words`, 'x'.repeat(50) + ' ' + 'y '.repeat(200), ''];
    const kind = useKind(async (p: { i: number }) => {
      throw new Error(messages[p.i]);
    });
    const reasons: (string | null | undefined)[] = [];
    for (let i = 0; i < messages.length; i++) {
      const { job } = await enqueue(t.db, { kind, idempotencyKey: `${kind}-${i}`, payload: { i } });
      reasons.push((await deliverNow(t.db, job.id))?.lastError);
    }
    expect(reasons[0]).toBe('line one line two');
    expect(reasons[1]).toBe(messages[1]); // exactly 300: kept whole
    expect(reasons[2]).toHaveLength(300);
    expect(reasons[2]).toMatch(/^x{50} y y .*…$/);
    expect(reasons[3]).toBe('failed');
  });

  it('a running job without a worker id (none recorded) is finished by whoever runs it', async () => {
    const kind = useKind(async () => 'finished');
    const { job } = await enqueue(t.db, { kind, idempotencyKey: `${kind}-1`, payload: {} });
    const [running] = await t.db
      .update(outboxJobs)
      .set({ status: 'running', lockedBy: null, lockedAt: new Date(), attempts: 1 })
      .where(eq(outboxJobs.id, job.id))
      .returning();
    expect(await runJob(t.db, running)).toMatchObject({ outcome: 'done', job: { status: 'done', result: 'finished' } });
  });

  it('a worker whose lease was taken over records nothing, counts the run as lost and logs it', async () => {
    const kind = useKind(async (_p, ctx) => {
      // While this run is slow, its lease runs out and another worker takes the job over.
      await ctx.db.update(outboxJobs).set({ lockedBy: 'other-worker' }).where(eq(outboxJobs.id, ctx.job.id));
      return 'late';
    });
    const t0 = new Date();
    const { job } = await enqueue(t.db, { kind, idempotencyKey: `${kind}-1`, payload: {}, runAt: t0 });
    const r = await runDueJobs(t.db, { workerId: 'slow-worker', limit: 5, kinds: [kind], now: at(t0, 1) });
    expect(r).toEqual({ claimed: 1, done: 0, retried: 0, dead: 0, lost: 1 });
    expect(await getJob(t.db, job.id)).toMatchObject({ status: 'running', lockedBy: 'other-worker', result: null });
    expect(logged('outbox.lease_lost')).toEqual([expect.objectContaining({ level: 'warn', jobId: job.id, kind, workerId: 'slow-worker' })]);
    expect(await runs(kind, 'lost')).toBe(1);
    expect(await runs(kind, 'done')).toBe(0);
  });

  it('a poll claims at most `limit` jobs of single kinds, locked by its worker id at its clock', async () => {
    const kind = useKind(async () => 'ok');
    const t0 = new Date();
    for (let n = 0; n < 7; n++) await enqueue(t.db, { kind, idempotencyKey: `${kind}-${n}`, payload: {}, runAt: t0 });
    const claimed = await claimJobs(t.db, { workerId: 'till-7', limit: 5, kinds: [kind], now: at(t0, 10) });
    expect(claimed).toHaveLength(5);
    for (const job of claimed) expect(job).toMatchObject({ status: 'running', lockedBy: 'till-7', lockedAt: at(t0, 10)(), attempts: 1 });
    await Promise.all(claimed.map((job) => runJob(t.db, job, { now: at(t0, 20) })));

    const r = await runDueJobs(t.db, { workerId: 'w', limit: 1, kinds: [kind], now: at(t0, 30) });
    expect(r).toEqual({ claimed: 1, done: 1, retried: 0, dead: 0, lost: 0 });
    const rest = await runDueJobs(t.db, { workerId: 'w', limit: 5, kinds: [kind], now: at(t0, 40) });
    expect(rest.claimed).toBe(1);
  });

  it('deliverNow locks the job with its worker id — inline:host:pid unless given — at its clock', async () => {
    const seen: { lockedBy: string | null; lockedAt: Date | null }[] = [];
    const kind = useKind(async (_p, ctx) => {
      seen.push({ lockedBy: ctx.job.lockedBy, lockedAt: ctx.job.lockedAt });
      return 'ok';
    });
    const t0 = new Date('2026-03-01T10:00:00Z');
    const a = await enqueue(t.db, { kind, idempotencyKey: `${kind}-a`, payload: {} });
    const b = await enqueue(t.db, { kind, idempotencyKey: `${kind}-b`, payload: {} });
    const doneA = await deliverNow(t.db, a.job.id, { now: () => t0 });
    await deliverNow(t.db, b.job.id, { workerId: 'till-3', now: () => t0 });
    expect(seen).toEqual([
      { lockedBy: defaultWorkerId('inline'), lockedAt: t0 },
      { lockedBy: 'till-3', lockedAt: t0 },
    ]);
    expect(defaultWorkerId('inline')).toMatch(/^inline:.+:\d+$/);
    expect(doneA).toMatchObject({ status: 'done', updatedAt: t0 });
  });

  it('retryDeadJob answers null for an id that is not a job id', async () => {
    expect(await retryDeadJob(t.db, 'not-a-uuid')).toBeNull();
  });

  describe('the batch path', () => {
    it('runBatch of nothing is nothing; of a single kind it runs each job alone; of a kind without a handler it retries them', async () => {
      expect(await runBatch(t.db, [])).toEqual([]);

      let calls = 0;
      const single = useKind(async () => {
        calls += 1;
        return 'alone';
      });
      const t0 = new Date();
      for (let n = 0; n < 2; n++) await enqueue(t.db, { kind: single, idempotencyKey: `${single}-${n}`, payload: {}, runAt: t0 });
      const claimed = await claimJobs(t.db, { workerId: 'w', limit: 5, kinds: [single], now: at(t0, 1) });
      const results = await runBatch(t.db, claimed, { now: at(t0, 2) });
      expect(results.map((r) => [r.outcome, r.job.result])).toEqual([
        ['done', 'alone'],
        ['done', 'alone'],
      ]);
      expect(calls).toBe(2);

      const gone = unusedKind('gone');
      await enqueue(t.db, { kind: gone, idempotencyKey: `${gone}-1`, payload: {}, runAt: t0 });
      const orphans = await claimJobs(t.db, { workerId: 'w', limit: 5, kinds: [gone], now: at(t0, 1) });
      expect((await runBatch(t.db, orphans, { now: at(t0, 2) })).map((r) => r.outcome)).toEqual(['retry']);
    });

    it('settles a batch at its clock and hands the handler the database; a batch whose every payload fails is not handed over', async () => {
      const handed: unknown[] = [];
      const kind = useBatchKind(
        async (items: readonly { payload: { n: number } }[], ctx) => {
          handed.push(ctx.db);
          return items.map(() => ({ ok: true as const }));
        },
        10,
        z.object({ n: z.number() }),
      );
      const t0 = new Date('2026-03-02T08:00:00Z');
      const good = await enqueue(t.db, { kind, idempotencyKey: `${kind}-good`, payload: { n: 1 }, runAt: t0 });
      const claimed = await claimJobs(t.db, { workerId: 'w', limit: 10, kinds: [kind], now: at(t0, 1) });
      const [result] = await runBatch(t.db, claimed, { now: at(t0, 60_000) });
      expect(result).toMatchObject({ outcome: 'done', job: { id: good.job.id, status: 'done', updatedAt: at(t0, 60_000)() } });
      expect(handed).toEqual([t.db]);

      for (const n of ['x', 'y']) await enqueue(t.db, { kind, idempotencyKey: `${kind}-bad-${n}`, payload: { n }, runAt: t0 });
      const bad = await claimJobs(t.db, { workerId: 'w', limit: 10, kinds: [kind], now: at(t0, 2) });
      expect((await runBatch(t.db, bad, { now: at(t0, 3) })).map((r) => r.outcome)).toEqual(['dead', 'dead']);
      expect(handed).toHaveLength(1);
    });

    it('a poll claims a batch kind up to its maxBatch, locked by the worker id, and single kinds up to limit apart from it', async () => {
      const batchLocks: (string | null)[][] = [];
      const kind = useBatchKind(async (items) => {
        batchLocks.push(items.map((i) => i.job.lockedBy));
        return items.map(() => ({ ok: true as const }));
      }, 3);
      const single = useKind(async () => 'ok');
      const t0 = new Date();
      for (let n = 0; n < 4; n++) await enqueue(t.db, { kind, idempotencyKey: `${kind}-${n}`, payload: {}, runAt: t0 });
      for (let n = 0; n < 4; n++) await enqueue(t.db, { kind: single, idempotencyKey: `${single}-${n}`, payload: {}, runAt: t0 });
      const r = await runDueJobs(t.db, { workerId: 'poller-1', limit: 2, kinds: [single, kind], now: at(t0, 1) });
      expect(r).toEqual({ claimed: 5, done: 5, retried: 0, dead: 0, lost: 0 });
      expect(batchLocks).toEqual([['poller-1', 'poller-1', 'poller-1']]);
    });
  });
});
