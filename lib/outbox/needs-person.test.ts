/** The needs_person state (issue 13): a job that cannot decide leaves the queue until a person releases it, once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { setLogSink } from '@/lib/log';
import { claimJobs, deliverNow, enqueue, getJob, NeedsPersonError, releaseHeldJob, runDueJobs } from './index';
import { testKinds } from './testing';

const { useKind } = testKinds('test.held.');
let restoreSink: ReturnType<typeof setLogSink> | undefined;
beforeAll(() => {
  restoreSink = setLogSink(() => undefined);
});
afterAll(() => {
  if (restoreSink) setLogSink(restoreSink);
});

describe.each(testEngines)('needs_person on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('holds the job with its detail, never claims it, and releases it exactly once with the decision', async () => {
    const seen: unknown[] = [];
    const kind = useKind(async (_p, ctx) => {
      if (ctx.job.result === null) throw new NeedsPersonError('cannot tell', { candidates: ['a', 'b'] });
      seen.push(ctx.job.result);
      return { ok: true };
    });
    const { job } = await enqueue(t.db, { kind, idempotencyKey: `held-${engine}`, payload: {} });
    const r = await runDueJobs(t.db, { workerId: 'w', limit: 5, kinds: [kind] });
    expect(r).toMatchObject({ claimed: 1, done: 0, retried: 0, dead: 1 });
    const held = await getJob(t.db, job.id);
    expect(held).toMatchObject({ status: 'needs_person', result: { candidates: ['a', 'b'] }, lockedBy: null });
    expect(held?.lastError).toContain('cannot tell');
    // Not due for any worker, whatever the time.
    expect(await claimJobs(t.db, { workerId: 'w', limit: 5, kinds: [kind], now: () => new Date(Date.now() + 86_400_000) })).toEqual([]);

    const released = await releaseHeldJob(t.db, job.id, { choice: 'resend' });
    expect(released).toMatchObject({ status: 'queued', attempts: 0, result: { choice: 'resend' } });
    expect(await releaseHeldJob(t.db, job.id, { choice: 'adopt' })).toBeNull();
    expect((await deliverNow(t.db, job.id))?.status).toBe('done');
    expect(seen).toEqual([{ choice: 'resend' }]);
    expect(await releaseHeldJob(t.db, job.id, { choice: 'adopt' })).toBeNull();
    expect(await releaseHeldJob(t.db, 'not-a-uuid', {})).toBeNull();
  });
});
