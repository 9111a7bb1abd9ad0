/**
 * Issue 13, point 3: claims that know who holds them. Each claim draws a random token; only the run holding it
 * records the outcome, so a stale run and the reclaim of the same job — same worker id, same process — cannot
 * both record. A claim lasts the kind's vendor calls × the vendor timeout (+ a margin) and is renewed while the
 * job runs. PGlite and PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { setLogSink } from '@/lib/log';
import { claimJobs, claimLeaseMs, DEFAULT_LEASE_MS, deliverNow, enqueue, getJob, LEASE_MARGIN_MS, registerHandler, runJob, setOutboxVendorTimeout, unregisterHandler } from './index';
import { beginDraining, resetLifecycleForTests } from '@/lib/lifecycle';
import { at } from './testing';

let restoreLog: ReturnType<typeof setLogSink>;
beforeAll(() => {
  restoreLog = setLogSink(() => {});
});
afterAll(() => setLogSink(restoreLog));

let seq = 0;
const kinds: string[] = [];
function kindWith(handler: () => Promise<unknown>, vendorCalls?: number): string {
  const kind = `claims.test.${++seq}`;
  registerHandler(kind, handler, { vendorCalls });
  kinds.push(kind);
  return kind;
}
afterEach(() => {
  kinds.splice(0).forEach(unregisterHandler);
  setOutboxVendorTimeout(undefined);
});

describe('a claim lasts its kind’s vendor calls at the vendor timeout', () => {
  it('calls × timeout + margin; the default for a kind that does not say', () => {
    setOutboxVendorTimeout(10_000);
    expect(claimLeaseMs(kindWith(async () => 1, 3))).toBe(3 * 10_000 + LEASE_MARGIN_MS);
    setOutboxVendorTimeout(60_000);
    expect(claimLeaseMs(kindWith(async () => 1, 2))).toBe(2 * 60_000 + LEASE_MARGIN_MS);
    expect(claimLeaseMs(kindWith(async () => 1))).toBe(DEFAULT_LEASE_MS);
  });
  it('refuses a nonsense number of calls', () => {
    expect(() => registerHandler('claims.test.bad', async () => 1, { vendorCalls: 0 })).toThrow(/vendorCalls/);
  });
});

describe.each(testEngines)('claims on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('a claim holds for its lease and no longer: another worker takes the job only after it', async () => {
    setOutboxVendorTimeout(1_000);
    const kind = kindWith(async () => 'ok', 3);
    const lease = 3 * 1_000 + LEASE_MARGIN_MS;
    const t0 = new Date();
    await enqueue(t.db, { kind, idempotencyKey: `${kind}-1`, payload: {}, runAt: t0 });
    const [first] = await claimJobs(t.db, { workerId: 'A', limit: 1, kinds: [kind], now: () => t0 });
    expect(first.lockedUntil).toEqual(new Date(t0.getTime() + lease));
    expect(first.claimToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(await claimJobs(t.db, { workerId: 'B', limit: 1, kinds: [kind], now: at(t0, lease - 1) })).toHaveLength(0);
    const [second] = await claimJobs(t.db, { workerId: 'B', limit: 1, kinds: [kind], now: at(t0, lease + 1) });
    expect(second).toMatchObject({ id: first.id, lockedBy: 'B', attempts: 2 });
  });

  it('a stale run and the reclaim of the same job in the same process cannot both record a result', async () => {
    let ran = 0;
    const kind = kindWith(async () => `run ${++ran}`);
    const t0 = new Date();
    const { job } = await enqueue(t.db, { kind, idempotencyKey: `${kind}-1`, payload: {}, runAt: t0 });
    // The same worker id both times (one process): only the token tells the two claims apart.
    const [stale] = await claimJobs(t.db, { workerId: 'worker:host:1', limit: 1, kinds: [kind], now: () => t0 });
    const [fresh] = await claimJobs(t.db, { workerId: 'worker:host:1', limit: 1, kinds: [kind], now: at(t0, DEFAULT_LEASE_MS + 1) });
    expect(fresh.id).toBe(stale.id);
    expect(fresh.claimToken).not.toBe(stale.claimToken);

    expect((await runJob(t.db, stale, { now: at(t0, DEFAULT_LEASE_MS + 2) })).outcome).toBe('lost');
    expect(await getJob(t.db, job.id)).toMatchObject({ status: 'running', result: null, claimToken: fresh.claimToken });
    expect((await runJob(t.db, fresh, { now: at(t0, DEFAULT_LEASE_MS + 3) })).outcome).toBe('done');
    expect(await getJob(t.db, job.id)).toMatchObject({ status: 'done', result: 'run 2', claimToken: null, lockedUntil: null });
  });

  it('a stale run that fails cannot put the reclaimed job back in the queue either', async () => {
    const kind = kindWith(async () => {
      throw Object.assign(new Error('vendor timeout'), { retryable: true });
    });
    const t0 = new Date();
    const { job } = await enqueue(t.db, { kind, idempotencyKey: `${kind}-1`, payload: {}, runAt: t0 });
    const [stale] = await claimJobs(t.db, { workerId: 'w', limit: 1, kinds: [kind], now: () => t0 });
    const [fresh] = await claimJobs(t.db, { workerId: 'w', limit: 1, kinds: [kind], now: at(t0, DEFAULT_LEASE_MS + 1) });
    expect((await runJob(t.db, stale, { now: at(t0, DEFAULT_LEASE_MS + 2) })).outcome).toBe('lost');
    expect(await getJob(t.db, job.id)).toMatchObject({ status: 'running', claimToken: fresh.claimToken, attempts: 2 });
  });

  it('a shutting-down instance claims nothing inline: the job stays queued for the next worker', async () => {
    let ran = 0;
    const kind = kindWith(async () => ++ran);
    const { job } = await enqueue(t.db, { kind, idempotencyKey: `${kind}-1`, payload: {} });
    beginDraining();
    try {
      expect(await deliverNow(t.db, job.id)).toMatchObject({ status: 'queued', attempts: 0, claimToken: null });
    } finally {
      resetLifecycleForTests();
    }
    expect(ran).toBe(0);
    expect(await deliverNow(t.db, job.id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('a long job’s claim is renewed while it runs, so no other worker takes it; renewal stops when it ends', async () => {
    const kind = kindWith(() => new Promise((r) => setTimeout(() => r('slow but done'), 1_200)));
    const { job } = await enqueue(t.db, { kind, idempotencyKey: `${kind}-1`, payload: {}, runAt: new Date() });
    // A 300 ms claim for a 1.2 s job: only renewal keeps it.
    const [claimed] = await claimJobs(t.db, { workerId: 'A', limit: 1, kinds: [kind], leaseMs: 300 });
    const running = runJob(t.db, claimed);
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 250));
      expect(await claimJobs(t.db, { workerId: 'B', limit: 1, kinds: [kind] })).toHaveLength(0);
    }
    expect((await running).outcome).toBe('done');
    expect(await getJob(t.db, job.id)).toMatchObject({ status: 'done', result: 'slow but done', attempts: 1 });
  });
});
