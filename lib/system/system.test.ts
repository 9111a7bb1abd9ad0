/**
 * Issue 17, /admin/system: two instances heartbeating into one database both appear (PGlite, and PostgreSQL
 * with two connection pools when TEST_DATABASE_URL is set), with their vendor views added up; the migration
 * level, the queue depth and oldest due job; a silent instance drops out. And the pure parts: p95, the
 * failure reason in words, the 15-minute window.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { enqueue } from '@/lib/outbox';
import { openTestDb, testEngines } from '@/lib/db/testing';
import { observeVendorCall, resetVendorObservations, vendorWindowStats, type VendorWindowStats } from '@/lib/vendors/observe';
import { heartbeat, thisInstance, type InstanceIdentity } from './heartbeat';
import { systemOverview } from './queries';
import { failureInWords, mergeVendorStats, p95 } from './vendor-state';

afterEach(() => resetVendorObservations());

const stats = (vendor: VendorWindowStats['vendor'], over: Partial<VendorWindowStats>): VendorWindowStats => ({
  vendor,
  calls: 0,
  failures: 0,
  latenciesMs: [],
  lastSuccessAt: null,
  lastFailureAt: null,
  lastFailure: null,
  ...over,
});

describe.each(testEngines)('instances on one database (%s)', (engine) => {
  it('two instances heartbeating both appear; their vendor views add up; a silent one drops out', async () => {
    const test = await openTestDb(engine);
    // PostgreSQL: the second instance has its own pool, as a second replica would. PGlite cannot be opened twice.
    const other = engine === 'postgres' ? await test.openAnother() : test;
    try {
      const now = new Date();
      const me = thisInstance('abc123');
      const second: InstanceIdentity = { id: 'replica-2:77:ffffff', hostname: 'replica-2', pid: '77', version: '0.1.0', commit: 'abc123', startedAt: new Date(now.getTime() - 3_600_000) };
      const gone: InstanceIdentity = { ...second, id: 'replica-0:5:000000', hostname: 'replica-0' };
      // This instance: two Footprints calls, one a 503.
      observeVendorCall('footprints', { ok: true }, new Date(now.getTime() - 60_000), 100);
      observeVendorCall('footprints', { ok: false, operation: 'createLead', kind: 'http', status: 503, retryable: true }, new Date(now.getTime() - 30_000), 300);
      await heartbeat(test.db, me, vendorWindowStats(now), now);
      await heartbeat(other.db, second, [stats('footprints', { calls: 1, latenciesMs: [900], lastSuccessAt: new Date(now.getTime() - 10_000).toISOString() })], now);
      await heartbeat(other.db, gone, [stats('footprints', { calls: 5, failures: 5, latenciesMs: [9, 9, 9, 9, 9] })], new Date(now.getTime() - 10 * 60_000));
      await enqueue(test.db, { kind: 'test.system', idempotencyKey: `sys-${engine}`, payload: {} });

      const view = await systemOverview(test.db, { commit: 'abc123', now: new Date(now.getTime() + 1000) });
      expect(view.instances.map((i) => i.id).sort()).toEqual([me.id, second.id].sort());
      expect(view.instances.find((i) => i.current)?.id).toBe(me.id);
      // Read through the second pool too: the same two.
      expect((await systemOverview(other.db, { commit: 'abc123' })).instances).toHaveLength(2);

      const footprints = view.vendors.find((v) => v.vendor === 'footprints')!;
      expect(footprints).toMatchObject({ calls: 3, failures: 1, p95Ms: 900 });
      expect(footprints.errorRate).toBeCloseTo(1 / 3);
      expect(footprints.lastFailureReason).toBe('Had an error of its own, HTTP 503 (createLead)');
      expect(footprints.lastSuccessAt).toBe(new Date(now.getTime() - 10_000).toISOString());
      expect(view.vendors.find((v) => v.vendor === 'netcore')).toMatchObject({ calls: 0, errorRate: null, p95Ms: null, lastFailureReason: null });

      expect(view.database.engine).toBe(engine);
      expect(view.database.migrations.applied).toBe(view.database.migrations.known);
      expect(view.database.migrations.latest).toMatch(/^\d{4}_/);
      expect(view.queue.depth).toBe(1);
      expect(view.queue.oldestDueAt).not.toBeNull();
    } finally {
      await test.dispose();
    }
  });
});

describe('vendor state', () => {
  it('p95 is the nearest rank', () => {
    expect(p95([])).toBeNull();
    expect(p95([5])).toBe(5);
    expect(p95(Array.from({ length: 100 }, (_, i) => i + 1))).toBe(95);
    expect(p95(Array.from({ length: 20 }, (_, i) => i + 1))).toBe(19);
  });

  it('says why a call failed in plain words', () => {
    expect(failureInWords({ operation: 'upload', kind: 'timeout', status: 0 })).toBe('No answer in time (upload)');
    expect(failureInWords({ operation: 'upload', kind: 'network', status: 0 })).toBe('Could not be reached (upload)');
    expect(failureInWords({ operation: 'upload', kind: 'http', status: 429 })).toBe('Refused: too many requests, HTTP 429 (upload)');
    expect(failureInWords({ operation: 'upload', kind: 'invalid_response', status: 200 })).toBe('Answered something the console could not read (upload)');
  });

  it('counts only the last 15 minutes', () => {
    const now = new Date();
    observeVendorCall('loyalty', { ok: true }, new Date(now.getTime() - 16 * 60_000), 50);
    observeVendorCall('loyalty', { ok: true }, new Date(now.getTime() - 60_000), 70);
    const loyalty = vendorWindowStats(now).find((v) => v.vendor === 'loyalty')!;
    expect(loyalty.calls).toBe(1);
    expect(loyalty.latenciesMs).toEqual([70]);
    expect(mergeVendorStats([[loyalty]]).find((v) => v.vendor === 'loyalty')?.p95Ms).toBe(70);
  });
});
