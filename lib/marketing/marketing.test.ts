import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outboxJobs } from '@/lib/db/schema';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { setLogSink } from '@/lib/log';
import { deliverNow, enqueue, getJob, runDueJobs } from '@/lib/outbox';
import { SANDBOX_LOYALTY_BUSINESS_UNIT, SANDBOX_LOYALTY_CLIENT_ID, SANDBOX_LOYALTY_CLIENT_SECRET, SANDBOX_NETCORE_API_KEY } from '@/lib/sandbox/demo-staff';
import type { LoyaltySimulator } from '@/lib/sandbox/loyalty';
import type { NetcoreActivitySimulator } from '@/lib/sandbox/netcore';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { createLoyaltyClient } from '@/lib/vendors/loyalty';
import type { NetcoreClientOptions } from '@/lib/vendors/netcore';
import {
  LOYALTY_ACTIVITY_JOB,
  NETCORE_ACTIVITY_GATHER_MS,
  NETCORE_ACTIVITY_JOB,
  createActivityUploader,
  enqueueLoyaltyActivity,
  enqueueNetcoreActivity,
  registerMarketingHandlers,
} from './index';
import { gatherSlotEnd } from './netcore-activities';

let running: RunningSandbox;
let restoreSink: ReturnType<typeof setLogSink> | undefined;
beforeAll(async () => {
  restoreSink = setLogSink(() => undefined);
  running = await startSandboxServer();
});
afterAll(async () => {
  await running.close();
  if (restoreSink) setLogSink(restoreSink);
});
afterEach(() => {
  running.sandbox.reset();
});

const netcoreOptions = (extra: Partial<NetcoreClientOptions> = {}): NetcoreClientOptions => ({
  apiBaseUrl: `${running.origin}/sandbox/netcore-api/apiv2`,
  activityBaseUrl: `${running.origin}/sandbox/netcore-activity`,
  apiKey: SANDBOX_NETCORE_API_KEY,
  assetId: 'sandbox-asset',
  listId: '1',
  timeoutMs: 15_000,
  ...extra,
});
const loyaltyClient = () =>
  createLoyaltyClient({
    baseUrl: `${running.origin}/sandbox/loyalty`,
    tokenUrl: `${running.origin}/sandbox/loyalty/oauth/token`,
    clientId: SANDBOX_LOYALTY_CLIENT_ID,
    clientSecret: SANDBOX_LOYALTY_CLIENT_SECRET,
    businessUnit: SANDBOX_LOYALTY_BUSINESS_UNIT,
    timeoutMs: 5000,
  });

const activitySim = () => running.sandbox.simulators['netcore-activity'] as NetcoreActivitySimulator;
const loyaltySim = () => running.sandbox.simulators.loyalty as LoyaltySimulator;

let uploaderOptions: () => NetcoreClientOptions = () => netcoreOptions();
beforeAll(() => {
  registerMarketingHandlers({ activityUploader: () => createActivityUploader(uploaderOptions()), loyalty: loyaltyClient });
});

const later = (ms: number) => () => new Date(Date.now() + ms);
const due = NETCORE_ACTIVITY_GATHER_MS + 1_000;

const leadCaptured = (i: number, extra: Record<string, unknown> = {}) => ({
  activityName: 'Lead Captured',
  identity: `person-${i}@example.com`,
  timestamp: new Date(Date.UTC(2026, 0, 5, 10, 0, i % 60)).toISOString(),
  activitySource: 'STORE',
  params: { store: 'B01', n: i },
  ...extra,
});

describe.each(testEngines)('marketing jobs on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t?.dispose();
  });
  afterEach(async () => {
    // Jobs of one test must not be claimed by the next.
    await t.db.update(outboxJobs).set({ status: 'done' }).where(eq(outboxJobs.status, 'queued'));
    uploaderOptions = () => netcoreOptions();
  });

  it('enqueueNetcoreActivity: one job per activity, idempotent on the key, due at the end of its gathering slot', async () => {
    // The clock is injected: 2.5 s into a slot, so the slot's end is known exactly.
    const now = new Date(Math.floor(Date.now() / NETCORE_ACTIVITY_GATHER_MS) * NETCORE_ACTIVITY_GATHER_MS + 2_500);
    const a = await enqueueNetcoreActivity(t.db, { idempotencyKey: 'nc-1', activity: leadCaptured(1), subject: 'hostess:1', correlation: 'lead:FP1', now });
    const b = await enqueueNetcoreActivity(t.db, { idempotencyKey: 'nc-1', activity: leadCaptured(2) });
    expect(a.created).toBe(true);
    expect(b).toEqual({ jobId: a.jobId, created: false });
    const job = await getJob(t.db, a.jobId);
    expect(job).toMatchObject({ kind: NETCORE_ACTIVITY_JOB, subject: 'hostess:1', correlation: 'lead:FP1', status: 'queued' });
    expect((job!.payload as { activity: { identity: string } }).activity.identity).toBe('person-1@example.com');
    const dueAt = job!.nextAttemptAt.getTime();
    expect(dueAt).toBe(now.getTime() - 2_500 + NETCORE_ACTIVITY_GATHER_MS);
    expect(dueAt % NETCORE_ACTIVITY_GATHER_MS).toBe(0);
    // Activities queued within one slot are due at the same instant.
    expect(gatherSlotEnd(dueAt - 1).getTime()).toBe(dueAt);
    expect(gatherSlotEnd(dueAt - NETCORE_ACTIVITY_GATHER_MS).getTime()).toBe(dueAt);
    expect(gatherSlotEnd(dueAt).getTime()).toBe(dueAt + NETCORE_ACTIVITY_GATHER_MS);
    // A Date timestamp is stored as ISO-8601.
    const c = await enqueueNetcoreActivity(t.db, { idempotencyKey: 'nc-date', activity: { ...leadCaptured(3), timestamp: new Date('2026-01-05T10:00:00Z') } });
    expect(((await getJob(t.db, c.jobId))!.payload as { activity: { timestamp: string } }).activity.timestamp).toBe('2026-01-05T10:00:00.000Z');
  });

  it('enqueueNetcoreActivity refuses what the docs say Netcore would not insert', async () => {
    await expect(enqueueNetcoreActivity(t.db, { idempotencyKey: 'bad-1', activity: { activityName: 'X', timestamp: '2026-01-05T10:00:00Z' } })).rejects.toThrow(
      /neither identity nor annonid/,
    );
    await expect(enqueueNetcoreActivity(t.db, { idempotencyKey: 'bad-2', activity: leadCaptured(1, { timestamp: '05/01/2026' }) })).rejects.toThrow(/ISO-8601/);
    await expect(enqueueNetcoreActivity(t.db, { idempotencyKey: 'bad-3', activity: leadCaptured(1, { products: [] }) })).rejects.toThrow(/empty product/);
    expect(await t.db.select().from(outboxJobs).where(eq(outboxJobs.idempotencyKey, 'bad-1'))).toHaveLength(0);
  });

  it('1500 queued activities go up in two requests (1000 + 500), each job done, each activity once', async () => {
    for (let i = 0; i < 1500; i++) {
      await enqueueNetcoreActivity(t.db, { idempotencyKey: `bulk-${engine}-${i}`, activity: leadCaptured(i) });
    }
    const first = await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [NETCORE_ACTIVITY_JOB], now: later(due) });
    expect(first).toMatchObject({ claimed: 1000, done: 1000 });
    const second = await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [NETCORE_ACTIVITY_JOB], now: later(due) });
    expect(second).toMatchObject({ claimed: 500, done: 500 });
    expect(activitySim().uploads().map((u) => u.size)).toEqual([1000, 500]);
    const got = activitySim().activities();
    expect(got).toHaveLength(1500);
    expect(new Set(got.map((a) => a.identity)).size).toBe(1500);
    expect(got[0]).toMatchObject({ activityName: 'Lead Captured', activitySource: 'STORE', assetId: 'sandbox-asset' });
    expect(running.sandbox.getRequests('netcore-activity')).toHaveLength(2);
    // 1,500 enqueues one by one: ~10 s idle, over 30 s on a loaded 2-core machine (CI timed out there, and the
    // still-running loop then spilled 500 activities into the next test). The time is not what is tested.
  }, 180_000);

  it('a Netcore outage retries every job with backoff; after it ends each activity arrives once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await enqueueNetcoreActivity(t.db, { idempotencyKey: `out-${engine}-${i}`, activity: leadCaptured(i) })).jobId);
    running.sandbox.setFaults('netcore-activity', { outage: true });
    expect(await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [NETCORE_ACTIVITY_JOB], now: later(due), random: () => 1 })).toMatchObject({
      claimed: 3,
      retried: 3,
    });
    for (const id of ids) {
      const job = await getJob(t.db, id);
      expect(job).toMatchObject({ status: 'queued', attempts: 1 });
      expect(job!.lastError, String(job!.lastError)).toMatch(/503/);
    }
    running.sandbox.setFaults('netcore-activity', { outage: false });
    expect(await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [NETCORE_ACTIVITY_JOB], now: later(due + 5_000) })).toMatchObject({ claimed: 3, done: 3 });
    expect(activitySim().activities()).toHaveLength(3);
    expect(activitySim().uploads()).toHaveLength(1);
  });

  it('a record Netcore lists as failed goes dead with its reason; the rest of the request is done', async () => {
    // Netcore's documented answer with one failed record echoed back (the sandbox cannot be made to fail a
    // record the console sends, so this answer is played by a fetch stand-in).
    const requests: unknown[] = [];
    uploaderOptions = () =>
      netcoreOptions({
        fetchImpl: async (_input, init) => {
          const body = JSON.parse(String(init?.body)) as Record<string, unknown>[];
          requests.push(body);
          const failed = body.filter((r) => r.identity === 'person-1@example.com');
          return new Response(
            JSON.stringify({
              status: 'success',
              success_count: String(body.length - failed.length),
              failed_count: JSON.stringify(failed.map((record) => ({ status: 'fail', code: 400, error: 'Bad Request | Invalid identity', record }))),
            }),
            { status: 200, headers: { 'content-type': 'application/json' } },
          );
        },
      });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await enqueueNetcoreActivity(t.db, { idempotencyKey: `fail-${engine}-${i}`, activity: leadCaptured(i) })).jobId);
    const r = await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [NETCORE_ACTIVITY_JOB], now: later(due) });
    expect(r).toMatchObject({ claimed: 3, done: 2, dead: 1 });
    expect(requests).toHaveLength(1);
    const dead = await getJob(t.db, ids[1]);
    expect(dead?.status).toBe('dead');
    expect(dead?.lastError).toContain('Bad Request | Invalid identity');
    expect((await getJob(t.db, ids[0]))?.status).toBe('done');
    expect((await getJob(t.db, ids[2]))?.status).toBe('done');
  });

  it('a stored record breaking a documented rule is dead before the request, the others still go up', async () => {
    const bad = await enqueue(t.db, {
      kind: NETCORE_ACTIVITY_JOB,
      idempotencyKey: `stored-bad-${engine}`,
      payload: { activity: { ...leadCaptured(7), products: [] } },
    });
    const good = await enqueueNetcoreActivity(t.db, { idempotencyKey: `stored-good-${engine}`, activity: leadCaptured(8) });
    const r = await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [NETCORE_ACTIVITY_JOB], now: later(due) });
    expect(r).toMatchObject({ claimed: 2, done: 1, dead: 1 });
    expect((await getJob(t.db, bad.job.id))?.lastError).toMatch(/empty product array/);
    expect((await getJob(t.db, good.jobId))?.status).toBe('done');
    expect(activitySim().activities().map((a) => a.identity)).toEqual(['person-8@example.com']);
  });

  it('a request Netcore refuses as a whole (wrong key) makes every job of the batch dead', async () => {
    uploaderOptions = () => netcoreOptions({ apiKey: 'wrong-key-1234' });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await enqueueNetcoreActivity(t.db, { idempotencyKey: `key-${engine}-${i}`, activity: leadCaptured(i) })).jobId);
    expect(await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [NETCORE_ACTIVITY_JOB], now: later(due) })).toMatchObject({ claimed: 2, dead: 2 });
    const job = await getJob(t.db, ids[0]);
    expect(job?.lastError).toMatch(/401/);
    expect(job?.lastError).not.toContain('wrong-key-1234');
  });

  it('loyalty activity: the activity id is fixed at enqueue and delivered once', async () => {
    const first = await enqueueLoyaltyActivity(t.db, {
      idempotencyKey: `loy-${engine}-1`,
      correlationId: 'FP-LEAD-1',
      action: 'SURVEY_RESPONSE',
      channel: 'STORE',
      when: '2026-01-05T10:00:00Z',
      correlation: 'lead:FP-LEAD-1',
    });
    const again = await enqueueLoyaltyActivity(t.db, {
      idempotencyKey: `loy-${engine}-1`,
      correlationId: 'FP-LEAD-1',
      action: 'SURVEY_RESPONSE',
      channel: 'STORE',
      when: '2026-01-05T10:00:00Z',
    });
    expect(again).toEqual({ jobId: first.jobId, created: false, activityId: first.activityId });
    const job = await deliverNow(t.db, first.jobId);
    expect(job).toMatchObject({ kind: LOYALTY_ACTIVITY_JOB, status: 'done', result: { activityId: first.activityId, alreadyRecorded: false } });
    const recorded = loyaltySim().loyaltyActivities();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ activityId: first.activityId, correlationId: 'FP-LEAD-1', action: 'SURVEY_RESPONSE', channel: 'STORE' });
  });

  it('loyalty: a retry after a lost answer sees "ActivityID already exists" and counts as delivered — points awarded once', async () => {
    const { jobId, activityId } = await enqueueLoyaltyActivity(t.db, {
      idempotencyKey: `loy-${engine}-2`,
      correlationId: 'FP-LEAD-2',
      action: 'SURVEY_RESPONSE',
      channel: 'STORE',
      when: '2026-01-05T10:00:00Z',
    });
    // First attempt: the vendor's gateway answers 503 …
    running.sandbox.setFaults('loyalty', { failStatus: 503, failCount: 1, match: activityId });
    expect(await deliverNow(t.db, jobId, { random: () => 1 })).toMatchObject({ status: 'queued', attempts: 1 });
    // … yet the activity had reached the engine (played here by sending it with the same id).
    await loyaltyClient().sendActivity({ correlationId: 'FP-LEAD-2', activityId, action: 'SURVEY_RESPONSE', channel: 'STORE', when: '2026-01-05T10:00:00Z' });
    const r = await runDueJobs(t.db, { workerId: 'w', limit: 10, kinds: [LOYALTY_ACTIVITY_JOB], now: later(60_000) });
    expect(r).toMatchObject({ claimed: 1, done: 1 });
    expect(await getJob(t.db, jobId)).toMatchObject({ status: 'done', attempts: 2, result: { activityId, alreadyRecorded: true } });
    expect(loyaltySim().loyaltyActivities().filter((a) => a.activityId === activityId)).toHaveLength(1);
  });

  it('loyalty: "already exists" on a first attempt is not ours — dead with the reason', async () => {
    const activityId = `fixed-${engine}-3`;
    await loyaltyClient().sendActivity({ correlationId: 'FP-LEAD-3', activityId, action: 'SURVEY_RESPONSE', channel: 'STORE', when: '2026-01-05T10:00:00Z' });
    const { jobId } = await enqueueLoyaltyActivity(t.db, {
      idempotencyKey: `loy-${engine}-3`,
      activityId,
      correlationId: 'FP-LEAD-3',
      action: 'SURVEY_RESPONSE',
      channel: 'STORE',
      when: '2026-01-05T10:00:00Z',
    });
    const job = await deliverNow(t.db, jobId);
    expect(job?.status).toBe('dead');
    expect(job?.lastError).toMatch(/ActivityID already exists/);
  });
});
