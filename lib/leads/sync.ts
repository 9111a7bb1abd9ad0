/**
 * Fills the read model from Footprints GET /api/lead: every page of a range of days, then the names of the
 * locations and channels the list only carries as ids. One sync at a time per process (a second caller
 * waits for the running one); the periodic sync never throws (it logs and tries again at the next tick).
 */
import { ALL_STORES, inScope, type StoreScope } from '@/lib/auth/stores';
import 'server-only';
import { leadSyncFailureMessage } from '@/lib/staff-words';
import type { Db } from '@/lib/db';
import { addDaysIso, todayInZone } from '@/lib/dates';
import { log } from '@/lib/log';
import type { FootprintsClient } from '@/lib/vendors/footprints';
import { VendorError } from '@/lib/vendors/http';
import { recordLeadSync } from '@/lib/metrics';
import { dayRange, getSyncState, removeUnlisted, saveCatalogue, upsertVendorLeads, writeSyncState } from './read-model';

/** The periodic sync keeps this many days (today included) fresh; older ranges are synced on request. */
export const SYNC_WINDOW_DAYS = 365;
export const SYNC_PAGE_SIZE = 500;
/** A runaway guard: 200 pages of 500 is 100,000 leads. */
const MAX_PAGES = 200;
const PAGE_ATTEMPTS = 3;

export interface SyncDeps {
  client: FootprintsClient;
  accessToken: string;
  /**
   * Whose sync it is: rows outside these stores are never removed by it (a manager's refresh stores every lead
   * Footprints lists but cannot drop another store's rows). Unset: the periodic sync, which may remove any.
   */
  scope?: StoreScope;
  timeZone: string;
  now?: () => Date;
}

export interface SyncResult {
  from: string;
  to: string;
  leads: number;
  pages: number;
  inserted: number;
  updated: number;
  removed: number;
  statusChanges: number;
  durationMs: number;
  /** How many of the listed leads each location holds ('' for none): a scoped caller is told of their stores' only. */
  byLocation: Record<string, number>;
}

/** How many leads the sync listed in these stores (a manager's "Synced N leads" names no other store's count). */
export function listedIn(result: Pick<SyncResult, 'leads' | 'byLocation'>, scope: StoreScope): number {
  if (scope.all) return result.leads;
  return Object.entries(result.byLocation).reduce((n, [locationId, count]) => (inScope(scope, locationId) ? n + count : n), 0);
}

export function syncWindow(now: Date, timeZone: string): { from: string; to: string } {
  const to = todayInZone(timeZone, now);
  return { from: addDaysIso(to, -(SYNC_WINDOW_DAYS - 1)), to };
}

const globalForSync = globalThis as unknown as { __storedeskLeadSync?: Promise<SyncResult> | null };

/** Runs a sync of [from, to], or waits for the one already running (whatever its range). */
export async function syncLeads(
  db: Db,
  deps: SyncDeps,
  range: { from: string; to: string },
  trigger: 'periodic' | 'manual' | 'initial',
): Promise<SyncResult> {
  const running = globalForSync.__storedeskLeadSync;
  if (running) return running;
  const run = runSync(db, deps, range, trigger).finally(() => {
    globalForSync.__storedeskLeadSync = null;
  });
  globalForSync.__storedeskLeadSync = run;
  return run;
}

async function runSync(db: Db, deps: SyncDeps, range: { from: string; to: string }, trigger: string): Promise<SyncResult> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  const t0 = performance.now();
  await writeSyncState(db, { lastStartedAt: startedAt, trigger, rangeStart: range.from, rangeEnd: range.to });
  const totals = { leads: 0, pages: 0, inserted: 0, updated: 0, statusChanges: 0 };
  const byLocation: Record<string, number> = {};
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const res = await getPageWithRetry(deps, range, page);
      totals.pages += 1;
      if (res.leads.length > 0) {
        const r = await upsertVendorLeads(db, res.leads, deps.timeZone, startedAt);
        totals.leads += res.leads.length;
        for (const lead of res.leads) byLocation[lead.locationId ?? ''] = (byLocation[lead.locationId ?? ''] ?? 0) + 1;
        totals.inserted += r.inserted;
        totals.updated += r.updated;
        totals.statusChanges += r.statusChanges;
      }
      const last = res.leads.length < SYNC_PAGE_SIZE || (res.totalPages !== undefined && page >= res.totalPages);
      if (last) break;
    }
    // Every page came: what the range no longer holds is gone from the vendor.
    const removed = await removeUnlisted(db, dayRange(range.from, range.to, deps.timeZone), startedAt, deps.scope ?? ALL_STORES);
    await syncCatalogueNames(db, deps);
    const finishedAt = now();
    await writeSyncState(db, { lastFinishedAt: finishedAt, lastSuccessAt: finishedAt, lastError: null, leadCount: totals.leads });
    const result = { ...range, ...totals, removed, durationMs: Math.round(performance.now() - t0), byLocation };
    log('info', 'leads.sync_done', { trigger, ...totals, ...range, removed, durationMs: result.durationMs });
    recordLeadSync('ok', (performance.now() - t0) / 1000, finishedAt);
    return result;
  } catch (error) {
    // Staff read the sync status: plain words there; the vendor's detail goes to the log with the error thrown.
    const message = leadSyncFailureMessage(error instanceof VendorError ? error : null);
    await writeSyncState(db, { lastFinishedAt: now(), lastError: message.slice(0, 300) }).catch(() => undefined);
    recordLeadSync('failed', (performance.now() - t0) / 1000);
    throw error;
  }
}

/**
 * One page of the list, tried up to three times on a retryable failure (a connection reset between pages,
 * a timeout, a 5xx): one bad moment should not throw away the pages already read.
 */
async function getPageWithRetry(deps: SyncDeps, range: { from: string; to: string }, page: number) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.client.getLeads(deps.accessToken, { startDate: range.from, endDate: range.to, page, pageSize: SYNC_PAGE_SIZE });
    } catch (error) {
      if (!(error instanceof VendorError) || !error.retryable || attempt >= PAGE_ATTEMPTS) throw error;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/** Names for location and channel ids (the lead list carries ids only). Best effort: a failure keeps the old names. */
async function syncCatalogueNames(db: Db, deps: SyncDeps): Promise<void> {
  try {
    const [locations, channels] = await Promise.all([deps.client.listLocations(deps.accessToken), deps.client.listChannels(deps.accessToken)]);
    await saveCatalogue(db, 'location', locations);
    await saveCatalogue(db, 'channel', channels);
  } catch (error) {
    log('warn', 'leads.catalogue_names_failed', { error: error instanceof VendorError ? error.toJSON() : String(error) });
  }
}

/** The first sync, when the read model has never been filled (a page waits for it rather than showing nothing). */
export async function ensureInitialSync(db: Db, deps: SyncDeps): Promise<void> {
  const state = await getSyncState(db);
  if (state?.lastSuccessAt) return;
  const now = (deps.now ?? (() => new Date()))();
  await syncLeads(db, deps, syncWindow(now, deps.timeZone), 'initial');
}

export interface PeriodicSyncOptions {
  getDb: () => Promise<Db>;
  getClient: () => FootprintsClient;
  timeZone: string;
  intervalMs: number;
  /** Delay of the first run after start. */
  firstRunMs?: number;
}

export interface PeriodicSyncHandle {
  stop(): void;
  /** Runs one tick now (tests). Never throws. */
  tick(): Promise<boolean>;
}

/**
 * The periodic sync: a server token (client credentials) and the sync window, every `intervalMs`. A failure
 * (vendor down, database busy) is logged and the next tick tries again; it never reaches the server.
 */
export function startPeriodicLeadSync(opts: PeriodicSyncOptions): PeriodicSyncHandle {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const tick = async (): Promise<boolean> => {
    try {
      const db = await opts.getDb();
      const client = opts.getClient();
      const token = await client.tokenWithClientCredentials();
      await syncLeads(db, { client, accessToken: token.accessToken, timeZone: opts.timeZone }, syncWindow(new Date(), opts.timeZone), 'periodic');
      return true;
    } catch (error) {
      log('warn', 'leads.periodic_sync_failed', { error: error instanceof VendorError ? error.toJSON() : error instanceof Error ? error.message : String(error) });
      return false;
    }
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(async () => {
      await tick();
      schedule(opts.intervalMs);
    }, ms);
    timer.unref?.();
  };
  schedule(opts.firstRunMs ?? 2000);
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    tick,
  };
}
