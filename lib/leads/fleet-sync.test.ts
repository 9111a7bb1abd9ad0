/**
 * Issue 13, point 2: the lead sync runs once for the fleet. Two instances are two database handles (PostgreSQL:
 * two pools on one schema; PGlite, which one process can open once: two callers of one handle, the lease being
 * in the database either way). Footprints is a fake client whose pages wait for the test's go, so that runs
 * overlap exactly where the test wants them to.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ALL_STORES } from '@/lib/auth/stores';
import { testEngines, openTestDb, type TestDb } from '@/lib/db/testing';
import type { Db } from '@/lib/db';
import { leases } from '@/lib/db/schema';
import { ConflictError } from '@/lib/errors';
import { setLogSink } from '@/lib/log';
import type { FootprintsClient } from '@/lib/vendors/footprints';
import type { Lead } from '@/lib/vendors/footprints/schemas';
import { getSyncState, removeUnlisted, upsertVendorLeads } from './read-model';
import { leadRecords, leadStatusHistory, leadSyncState } from './schema';
import { periodicRange, RECENT_DAYS, startPeriodicLeadSync, SyncRunningError, syncLeadsOnce, syncWindow, type SyncDeps } from './sync';

const ZONE = 'Europe/Bucharest';
let restoreLog: ReturnType<typeof setLogSink>;
beforeAll(() => {
  restoreLog = setLogSink(() => {});
});
afterAll(() => setLogSink(restoreLog));

function lead(id: string, status = 'lead', createdAt = new Date(Date.now() - 3_600_000)): Lead {
  return {
    _id: id,
    status,
    userFirstName: 'Ana',
    userLastName: id,
    locationId: 'LOC-1',
    offerCategoryId: 'CAT-1',
    offerId: 'OFF-1',
    consultantId: 'CON-1',
    createdAt: createdAt.toISOString(),
  } as unknown as Lead;
}

/** A Footprints whose lead list is `listed`, each page call waiting for `gate` when one is set. */
function fakeFootprints() {
  const state = {
    listed: [] as Lead[],
    gate: null as Promise<void> | null,
    active: 0,
    maxActive: 0,
    pageCalls: 0,
    tokenCalls: 0,
    pageDelayMs: 0,
  };
  const client = {
    async getLeads(_token: string, q: { page: number; pageSize: number }) {
      state.pageCalls += 1;
      state.active += 1;
      state.maxActive = Math.max(state.maxActive, state.active);
      try {
        if (state.gate) await state.gate;
        if (state.pageDelayMs) await new Promise((r) => setTimeout(r, state.pageDelayMs));
        const start = (q.page - 1) * q.pageSize;
        return { leads: state.listed.slice(start, start + q.pageSize), totalPages: Math.max(1, Math.ceil(state.listed.length / q.pageSize)) };
      } finally {
        state.active -= 1;
      }
    },
    listLocations: async () => [],
    listChannels: async () => [],
    tokenWithClientCredentials: async () => {
      state.tokenCalls += 1;
      return { accessToken: 'server-token' };
    },
  } as unknown as FootprintsClient;
  return { client, state };
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const windowNow = () => syncWindow(new Date(), ZONE);

describe.each(testEngines)('the lead sync as a fleet on %s', (engine) => {
  let tdb: TestDb;
  let other: Db;

  beforeAll(async () => {
    tdb = await openTestDb(engine);
    other = engine === 'postgres' ? (await tdb.openAnother()).db : tdb.db;
  });
  afterAll(async () => {
    await tdb?.dispose();
  });
  beforeEach(async () => {
    await tdb.db.delete(leases);
    await tdb.db.delete(leadStatusHistory);
    await tdb.db.delete(leadRecords);
    await tdb.db.delete(leadSyncState);
  });

  it('two instances never sync at the same time: the second is told a sync is running, and runs once the first is done', async () => {
    const { client, state } = fakeFootprints();
    state.listed = [lead('FP-1'), lead('FP-2')];
    const g = gate();
    state.gate = g.promise;
    const deps: SyncDeps = { client, accessToken: 't', timeZone: ZONE };
    const first = syncLeadsOnce(tdb.db, deps, windowNow(), 'periodic');
    await until(() => state.pageCalls === 1);
    const second = await syncLeadsOnce(other, deps, windowNow(), 'manual').catch((e: unknown) => e);
    expect(second).toBeInstanceOf(SyncRunningError);
    expect(second).toBeInstanceOf(ConflictError); // a manager's refresh shows its message
    expect(state.pageCalls).toBe(1);
    g.open();
    expect((await first).leads).toBe(2);
    state.gate = null;
    expect((await syncLeadsOnce(other, deps, windowNow(), 'manual')).leads).toBe(2);
    expect(state.maxActive).toBe(1);
    // Run numbers are handed out in order, across the instances.
    expect((await getSyncState(tdb.db))?.runSeq).toBe(2);
    expect(await tdb.db.select().from(leases)).toEqual([]); // released after each run
  });

  it('the periodic sync asks for a server token only while it holds the lease', async () => {
    const { client, state } = fakeFootprints();
    state.listed = [lead('FP-1')];
    const g = gate();
    state.gate = g.promise;
    const running = syncLeadsOnce(tdb.db, { client, accessToken: 't', timeZone: ZONE }, windowNow(), 'manual');
    await until(() => state.pageCalls === 1);
    const periodic = startPeriodicLeadSync({ getDb: async () => other, getClient: () => client, timeZone: ZONE, intervalMs: 3_600_000, firstRunMs: 3_600_000 });
    try {
      expect(await periodic.tick()).toBe(false);
      expect(state.tokenCalls).toBe(0);
      g.open();
      await running;
      state.gate = null;
      expect(await periodic.tick()).toBe(true);
      expect(state.tokenCalls).toBe(1);
    } finally {
      await periodic.stop();
    }
  });

  it('periodic ticks sync once per interval for the fleet: the other instances skip until the interval has passed', async () => {
    const { client, state } = fakeFootprints();
    state.listed = [lead('FP-1')];
    let clock = new Date();
    const now = () => clock;
    const interval = 5 * 60_000;
    const a = startPeriodicLeadSync({ getDb: async () => tdb.db, getClient: () => client, timeZone: ZONE, intervalMs: interval, firstRunMs: 3_600_000, now });
    const b = startPeriodicLeadSync({ getDb: async () => other, getClient: () => client, timeZone: ZONE, intervalMs: interval, firstRunMs: 3_600_000, now });
    try {
      expect(await a.tick()).toBe(true);
      const pages = state.pageCalls;
      clock = new Date(clock.getTime() + 60_000); // b's tick, a minute later: this interval is done
      expect(await b.tick()).toBe(false);
      expect(state.pageCalls).toBe(pages);
      expect(state.tokenCalls).toBe(1);
      clock = new Date(clock.getTime() + interval); // the next interval: whoever ticks first syncs
      expect(await b.tick()).toBe(true);
      expect(await a.tick()).toBe(false);
      expect(state.tokenCalls).toBe(2);
      expect((await getSyncState(tdb.db))?.runSeq).toBe(2);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('a long run keeps its lease by renewing it with every page; another instance cannot take it meanwhile', async () => {
    const { client, state } = fakeFootprints();
    // Small pages (the page size is the test's), so that a page's writes stay far below the lease on a busy machine.
    const pages = 8;
    const pageSize = 2;
    state.listed = Array.from({ length: pageSize * pages }, (_, i) => lead(`FP-${i}`));
    state.pageDelayMs = 250;
    // Longer than one page (fetch and write), shorter than the run (≥ 2 s).
    const leaseMs = 1000;
    const deps: SyncDeps = { client, accessToken: 't', timeZone: ZONE, leaseMs, pageSize };
    let done = false;
    const first = syncLeadsOnce(tdb.db, deps, windowNow(), 'periodic').finally(() => (done = true));
    await new Promise((r) => setTimeout(r, leaseMs + 300));
    expect(done).toBe(false); // still running past the lease's first length
    await expect(syncLeadsOnce(other, deps, windowNow(), 'manual')).rejects.toBeInstanceOf(SyncRunningError);
    expect((await first).leads).toBe(pageSize * pages);
    expect(state.maxActive).toBe(1);
  }, 60_000);

  it('a run that lost its lease (stalled past it, another took over) stops before writing; the newer run’s rows stay', async () => {
    const { client, state } = fakeFootprints();
    state.listed = [lead('FP-OLD')];
    const g = gate();
    state.gate = g.promise;
    const stalled = syncLeadsOnce(tdb.db, { client, accessToken: 't', timeZone: ZONE, leaseMs: 100 }, windowNow(), 'periodic').catch((e: unknown) => e);
    await until(() => state.pageCalls === 1);
    await new Promise((r) => setTimeout(r, 150)); // the stalled run's lease expires
    // A newer run on the other instance: Footprints now lists a new lead too.
    const fresh = fakeFootprints();
    fresh.state.listed = [lead('FP-OLD'), lead('FP-NEW')];
    const newer = await syncLeadsOnce(other, { client: fresh.client, accessToken: 't', timeZone: ZONE }, windowNow(), 'manual');
    expect(newer.inserted).toBe(2);
    // The stalled run wakes with its stale page (FP-OLD only): it must neither write nor remove FP-NEW.
    state.listed = [lead('FP-OLD', 'lost')];
    g.open();
    expect(String(await stalled)).toMatch(/lease was lost/);
    const rows = await tdb.db.select({ id: leadRecords.id, status: leadRecords.status }).from(leadRecords).orderBy(leadRecords.id);
    expect(rows).toEqual([
      { id: 'FP-NEW', status: 'lead' },
      { id: 'FP-OLD', status: 'lead' },
    ]);
  });

  it('rows are stamped with the run number: an older run neither rewinds nor removes a row a newer run wrote', async () => {
    const since = new Date(Date.now() - 86_400_000);
    await upsertVendorLeads(tdb.db, [lead('FP-A', 'sale_lead')], ZONE, new Date(), 7);
    // Run 6 (older) arrives late with an older picture of FP-A, then removes what it did not list.
    await upsertVendorLeads(tdb.db, [lead('FP-B')], ZONE, new Date(), 6);
    await upsertVendorLeads(tdb.db, [lead('FP-A', 'lead')], ZONE, new Date(), 6);
    const removed = await removeUnlisted(tdb.db, { start: since, end: new Date(Date.now() + 60_000) }, new Date(Date.now() + 60_000), ALL_STORES, 6);
    expect(removed).toBe(0);
    const [a] = await tdb.db.select().from(leadRecords).where(eq(leadRecords.id, 'FP-A'));
    expect(a).toMatchObject({ status: 'sale_lead', syncSeq: 7 });
    // A newer run removes what older runs wrote and it no longer lists.
    expect(await removeUnlisted(tdb.db, { start: since, end: new Date(Date.now() + 60_000) }, new Date(Date.now() + 60_000), ALL_STORES, 8)).toBe(2);
  });

  it('status history is written once per change, even when two instances write the same page at once', async () => {
    await upsertVendorLeads(tdb.db, [lead('FP-H', 'lead')], ZONE, new Date(), 1);
    const page = [lead('FP-H', 'sale_lead'), lead('FP-N', 'prospect')];
    await Promise.all([upsertVendorLeads(tdb.db, page, ZONE, new Date(), 2), upsertVendorLeads(other, page, ZONE, new Date(), 3)]);
    const history = await tdb.db.select().from(leadStatusHistory);
    const h = history.filter((r) => r.leadId === 'FP-H');
    expect(h.map((r) => `${r.fromStatus}->${r.toStatus}`).sort()).toEqual(['lead->sale_lead', 'null->lead']);
    expect(history.filter((r) => r.leadId === 'FP-N').map((r) => `${r.fromStatus}->${r.toStatus}`)).toEqual(['null->prospect']);
  });
});

describe('what the periodic sync reads', () => {
  // 10:00 in Bucharest (UTC+2 in December).
  const now = new Date('2026-12-04T08:00:00Z');
  it('the whole window when no full pass ever finished', () => {
    expect(periodicRange(null, now, ZONE)).toEqual({ range: syncWindow(now, ZONE), trigger: 'nightly' });
  });
  it('the recent days after a full pass today', () => {
    expect(periodicRange(new Date('2026-12-04T00:30:00Z'), now, ZONE)).toEqual({ range: { from: '2026-11-21', to: '2026-12-04' }, trigger: 'periodic' });
    expect(RECENT_DAYS).toBe(14);
  });
  it('the whole window again on the first tick after the store’s 02:00, once a night', () => {
    const yesterday = new Date('2026-12-03T12:00:00Z');
    expect(periodicRange(yesterday, new Date('2026-12-03T23:30:00Z'), ZONE).trigger).toBe('periodic'); // 01:30 store time
    expect(periodicRange(yesterday, new Date('2026-12-04T00:05:00Z'), ZONE).trigger).toBe('nightly'); // 02:05 store time
  });
});
