/**
 * Fills the read model from Footprints GET /api/lead: every page of a range of days, then the names of the
 * locations and channels the list only carries as ids.
 *
 * Once for the fleet (issue 13): a run holds the database lease `lead-sync` (lib/db/leases.ts), so two console
 * instances never sync at the same time; a second caller in the same process waits for the running one, a caller
 * in another instance is told a sync is running (SyncRunningError). Each run takes the next run number
 * (lead_sync_state.run_seq) and stamps the rows it writes with it; it overwrites and removes only rows of older
 * runs, so an older run that finishes last never removes or rewinds what a newer one wrote. Each page is read
 * (the rows it touches, FOR UPDATE) and written in one transaction that also renews the lease: a run whose lease
 * was lost (it stalled past the lease and another took over) stops at its next page, before writing.
 *
 * What the periodic sync reads (periodicRange): after the first full pass, every tick (5 minutes) the leads
 * created in the last RECENT_DAYS days, and once a night (the first tick after NIGHTLY_HOUR, store time) the whole
 * SYNC_WINDOW_DAYS window. Footprints' list filters by creation day only, so a status change of a lead older than
 * RECENT_DAYS shows in the pipeline after the nightly pass, or at once after a manager's "Refresh from Footprints"
 * (the whole window). `npm run bench` measures both (bench/leads.bench.ts). The periodic sync never throws (it
 * logs and tries again at the next tick).
 */
import { ALL_STORES, inScope, type StoreScope } from '@/lib/auth/stores';
import 'server-only';
import { sql } from 'drizzle-orm';
import { leadSyncFailureKind } from '@/lib/staff-words';
import type { Db } from '@/lib/db';
import { acquireLease, currentLease, LeaseLostError, releaseLease, renewLease, type Lease } from '@/lib/db/leases';
import { addDaysIso, todayInZone } from '@/lib/dates';
import { ConflictError } from '@/lib/errors';
import { isDraining, trackInFlight } from '@/lib/lifecycle';
import { log } from '@/lib/log';
import type { FootprintsClient } from '@/lib/vendors/footprints';
import { VendorError } from '@/lib/vendors/http';
import { recordLeadSync } from '@/lib/metrics';
import { dayRange, getSyncState, removeUnlisted, saveCatalogue, upsertVendorLeads, writeSyncState, SYNC_KEY } from './read-model';
import { leadSyncState } from './schema';

/** The periodic sync keeps this many days (today included) fresh; older ranges are synced on request. */
export const SYNC_WINDOW_DAYS = 365;
export const SYNC_PAGE_SIZE = 500;
/** A runaway guard: 200 pages of 500 is 100,000 leads. */
const MAX_PAGES = 200;
const PAGE_ATTEMPTS = 3;
/** The periodic sync's short pass: leads created in these many days (today included). */
export const RECENT_DAYS = 14;
/** The whole window is synced on the first tick after this hour of the store's night (or when never synced). */
export const NIGHTLY_HOUR = 2;
/** The lease every sync run holds, fleet-wide. */
export const SYNC_LEASE = 'lead-sync';
const DEFAULT_VENDOR_TIMEOUT_MS = 10_000;

/**
 * How long a run's lease lasts before it must be renewed (it is, with every page): longer than the worst page —
 * PAGE_ATTEMPTS calls at the vendor timeout and the pauses between them — plus a margin for the page's writes.
 */
export function syncLeaseMs(vendorTimeoutMs = DEFAULT_VENDOR_TIMEOUT_MS): number {
  return PAGE_ATTEMPTS * vendorTimeoutMs + 200 * PAGE_ATTEMPTS + 30_000;
}

/** Another console instance (or a stalled run whose lease is still live) is syncing: this one did not start. */
/** A periodic tick found this interval's sync already run by another instance (skipIfRunWithinMs). */
export class SyncDoneElsewhereError extends Error {
  constructor() {
    super('this interval\'s lead sync already ran on another instance');
    this.name = 'SyncDoneElsewhereError';
  }
}

export class SyncRunningError extends ConflictError {
  constructor() {
    super('Leads are being synced from Footprints right now (started elsewhere). The pipeline shows them as they arrive; refresh again in a minute.');
    this.name = 'SyncRunningError';
  }
}

/** This instance is shutting down: it starts no sync. */
export class SyncStoppingError extends ConflictError {
  constructor() {
    super('This console is restarting; refresh again in a moment.');
    this.name = 'SyncStoppingError';
  }
}

export interface SyncDeps {
  client: FootprintsClient;
  /** A token, or how to get one (the periodic sync asks for a server token only once it holds the lease). */
  accessToken: string | (() => Promise<string>);
  /**
   * Whose sync it is: rows outside these stores are never removed by it (a manager's refresh stores every lead
   * Footprints lists but cannot drop another store's rows). Unset: the periodic sync, which may remove any.
   */
  scope?: StoreScope;
  timeZone: string;
  now?: () => Date;
  /** The vendor client's timeout; the lease outlives PAGE_ATTEMPTS calls at it (syncLeaseMs). Default 10 s. */
  vendorTimeoutMs?: number;
  /** Tests: the lease's length instead of syncLeaseMs(vendorTimeoutMs). */
  leaseMs?: number;
  /** Tests: leads per page instead of SYNC_PAGE_SIZE. */
  pageSize?: number;
  /**
   * The periodic sync's "once per interval for the fleet": checked under the lease, a periodic run is skipped
   * (SyncDoneElsewhereError) when the last run the fleet started was periodic, nightly or initial and began less
   * than this long ago — another instance's tick already did this interval's work. Unset (manual refresh): always run.
   */
  skipIfRunWithinMs?: number;
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
  /** The run's number (lead_sync_state.run_seq). */
  runSeq: number;
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

/**
 * Runs a sync of [from, to], or waits for the one already running in this process (whatever its range). Throws
 * SyncRunningError when another instance holds the sync lease, SyncStoppingError when this one is shutting down.
 */
export async function syncLeads(
  db: Db,
  deps: SyncDeps,
  range: { from: string; to: string },
  trigger: SyncTrigger,
): Promise<SyncResult> {
  const running = globalForSync.__storedeskLeadSync;
  if (running) return running;
  const run = trackInFlight(syncLeadsOnce(db, deps, range, trigger)).finally(() => {
    globalForSync.__storedeskLeadSync = null;
  });
  globalForSync.__storedeskLeadSync = run;
  return run;
}

export type SyncTrigger = 'periodic' | 'nightly' | 'manual' | 'initial';

/** One run under the fleet-wide lease, without the in-process sharing of syncLeads (two instances in tests). */
export async function syncLeadsOnce(db: Db, deps: SyncDeps, range: { from: string; to: string }, trigger: SyncTrigger): Promise<SyncResult> {
  if (isDraining()) throw new SyncStoppingError();
  const now = deps.now ?? (() => new Date());
  const leaseMs = deps.leaseMs ?? syncLeaseMs(deps.vendorTimeoutMs);
  const lease = await acquireLease(db, SYNC_LEASE, leaseMs, now());
  if (!lease) {
    const holder = await currentLease(db, SYNC_LEASE, now());
    log('info', 'leads.sync_running_elsewhere', { trigger, holder: holder?.owner ?? null });
    throw new SyncRunningError();
  }
  try {
    if (deps.skipIfRunWithinMs !== undefined) {
      const state = await getSyncState(db);
      const last = state?.lastStartedAt;
      if (last && state.trigger !== 'manual' && now().getTime() - last.getTime() < deps.skipIfRunWithinMs) {
        log('info', 'leads.sync_done_elsewhere', { trigger, lastStartedAt: last.toISOString(), lastTrigger: state.trigger });
        throw new SyncDoneElsewhereError();
      }
    }
    const accessToken = typeof deps.accessToken === 'string' ? deps.accessToken : await deps.accessToken();
    return await runSync(db, { ...deps, accessToken }, range, trigger, lease, leaseMs);
  } finally {
    await releaseLease(db, lease).catch((error: unknown) => log('warn', 'leads.sync_lease_release_failed', { error: error instanceof Error ? error.message : String(error) }));
  }
}

/** The next run number, taken atomically (one row, incremented): monotonic across the fleet. */
async function startRun(db: Db, patch: { lastStartedAt: Date; trigger: string; rangeStart: string; rangeEnd: string }): Promise<number> {
  const [row] = await db
    .insert(leadSyncState)
    .values({ key: SYNC_KEY, ...patch, runSeq: 1 })
    .onConflictDoUpdate({ target: leadSyncState.key, set: { ...patch, runSeq: sql`${leadSyncState.runSeq} + 1` } })
    .returning({ runSeq: leadSyncState.runSeq });
  return Number(row.runSeq);
}

function isWholeWindow(range: { from: string; to: string }, now: Date, timeZone: string): boolean {
  const window = syncWindow(now, timeZone);
  return range.from <= window.from && range.to >= window.to;
}

type TokenSyncDeps = SyncDeps & { accessToken: string };

async function runSync(db: Db, deps: TokenSyncDeps, range: { from: string; to: string }, trigger: string, lease: Lease, leaseMs: number): Promise<SyncResult> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  const t0 = performance.now();
  const runSeq = await startRun(db, { lastStartedAt: startedAt, trigger, rangeStart: range.from, rangeEnd: range.to });
  const totals = { leads: 0, pages: 0, inserted: 0, updated: 0, statusChanges: 0 };
  const byLocation: Record<string, number> = {};
  // The lease is renewed in the same transaction as each write it guards: a lost lease writes nothing more.
  const fenced = <T>(write: (tx: Db) => Promise<T>) =>
    db.transaction(async (tx) => {
      if (!(await renewLease(tx, lease, leaseMs, now()))) throw new LeaseLostError(SYNC_LEASE);
      return write(tx as unknown as Db);
    });
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const res = await getPageWithRetry(deps, range, page);
      totals.pages += 1;
      const r = await fenced((tx) => upsertVendorLeads(tx, res.leads, deps.timeZone, startedAt, runSeq));
      totals.leads += res.leads.length;
      for (const lead of res.leads) byLocation[lead.locationId ?? ''] = (byLocation[lead.locationId ?? ''] ?? 0) + 1;
      totals.inserted += r.inserted;
      totals.updated += r.updated;
      totals.statusChanges += r.statusChanges;
      const last = res.leads.length < (deps.pageSize ?? SYNC_PAGE_SIZE) || (res.totalPages !== undefined && page >= res.totalPages);
      if (last) break;
    }
    // Every page came: what the range no longer holds is gone from the vendor (rows of older runs only).
    const removed = await fenced((tx) => removeUnlisted(tx, dayRange(range.from, range.to, deps.timeZone), startedAt, deps.scope ?? ALL_STORES, runSeq));
    await syncCatalogueNames(db, deps);
    const finishedAt = now();
    const full = isWholeWindow(range, startedAt, deps.timeZone) && (deps.scope ?? ALL_STORES).all;
    await writeSyncState(db, { lastFinishedAt: finishedAt, lastSuccessAt: finishedAt, lastError: null, leadCount: totals.leads, ...(full ? { lastFullSuccessAt: finishedAt } : {}) });
    const result = { ...range, ...totals, removed, durationMs: Math.round(performance.now() - t0), byLocation, runSeq };
    log('info', 'leads.sync_done', { trigger, ...totals, ...range, removed, durationMs: result.durationMs, runSeq });
    recordLeadSync('ok', (performance.now() - t0) / 1000, finishedAt);
    return result;
  } catch (error) {
    // Staff read the sync status: plain words there; the vendor's detail goes to the log with the error thrown.
    // A kind, not a sentence: each reader sees it in their own language (leads.syncFailed.<kind>).
    const kind = leadSyncFailureKind(error instanceof VendorError ? error : null);
    await writeSyncState(db, { lastFinishedAt: now(), lastError: kind }).catch(() => undefined);
    recordLeadSync('failed', (performance.now() - t0) / 1000);
    throw error;
  }
}

/**
 * One page of the list, tried up to three times on a retryable failure (a connection reset between pages,
 * a timeout, a 5xx): one bad moment should not throw away the pages already read.
 */
async function getPageWithRetry(deps: TokenSyncDeps, range: { from: string; to: string }, page: number) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.client.getLeads(deps.accessToken, { startDate: range.from, endDate: range.to, page, pageSize: deps.pageSize ?? SYNC_PAGE_SIZE });
    } catch (error) {
      if (!(error instanceof VendorError) || !error.retryable || attempt >= PAGE_ATTEMPTS) throw error;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/** Names for location and channel ids (the lead list carries ids only). Best effort: a failure keeps the old names. */
async function syncCatalogueNames(db: Db, deps: TokenSyncDeps): Promise<void> {
  try {
    const [locations, channels] = await Promise.all([deps.client.listLocations(deps.accessToken), deps.client.listChannels(deps.accessToken)]);
    await saveCatalogue(db, 'location', locations);
    await saveCatalogue(db, 'channel', channels);
  } catch (error) {
    log('warn', 'leads.catalogue_names_failed', { error: error instanceof VendorError ? error.toJSON() : String(error) });
  }
}

/**
 * The first sync, when the read model has never been filled (a page waits for it rather than showing nothing).
 * When another instance is running it, the page shows what is there so far.
 */
export async function ensureInitialSync(db: Db, deps: SyncDeps): Promise<void> {
  const state = await getSyncState(db);
  if (state?.lastSuccessAt) return;
  const now = (deps.now ?? (() => new Date()))();
  try {
    await syncLeads(db, deps, syncWindow(now, deps.timeZone), 'initial');
  } catch (error) {
    if (error instanceof SyncRunningError || error instanceof SyncStoppingError) return;
    throw error;
  }
}

function hourInZone(instant: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(instant);
  return Number(hour);
}

/**
 * What a periodic tick syncs: the whole window when no full pass ever finished, or when the last one finished on
 * an earlier store day and the store's clock is past NIGHTLY_HOUR (the nightly pass; a console down at night
 * catches up on its first tick after); otherwise the last RECENT_DAYS days.
 */
export function periodicRange(
  lastFullSuccessAt: Date | null | undefined,
  now: Date,
  timeZone: string,
): { range: { from: string; to: string }; trigger: 'nightly' | 'periodic' } {
  const window = syncWindow(now, timeZone);
  const today = todayInZone(timeZone, now);
  const fullDue = !lastFullSuccessAt || (todayInZone(timeZone, lastFullSuccessAt) < today && hourInZone(now, timeZone) >= NIGHTLY_HOUR);
  if (fullDue) return { range: window, trigger: 'nightly' };
  return { range: { from: addDaysIso(today, -(RECENT_DAYS - 1)), to: today }, trigger: 'periodic' };
}

export interface PeriodicSyncOptions {
  getDb: () => Promise<Db>;
  getClient: () => FootprintsClient;
  timeZone: string;
  intervalMs: number;
  /** Delay of the first run after start. */
  firstRunMs?: number;
  vendorTimeoutMs?: number;
  now?: () => Date;
}

export interface PeriodicSyncHandle {
  /** Stops the ticks and waits for a run in flight (bounded by the caller: lib/shutdown.ts). */
  stop(): Promise<void>;
  /** Runs one tick now (tests). Never throws; false when it did not sync (failed, or running elsewhere). */
  tick(): Promise<boolean>;
}

/**
 * The periodic sync: every `intervalMs`, the recent days or, nightly, the whole window (periodicRange), with a
 * server token (client credentials) asked for only once this instance holds the fleet's sync lease. A sync
 * running elsewhere skips the tick; a failure (vendor down, database busy) is logged and the next tick tries
 * again; nothing reaches the server.
 */
export function startPeriodicLeadSync(opts: PeriodicSyncOptions): PeriodicSyncHandle {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let inFlight: Promise<boolean> | null = null;
  const clock = opts.now ?? (() => new Date());
  const tick = async (): Promise<boolean> => {
    if (stopped || isDraining()) return false;
    try {
      const db = await opts.getDb();
      const client = opts.getClient();
      const state = await getSyncState(db);
      const { range, trigger } = periodicRange(state?.lastFullSuccessAt, clock(), opts.timeZone);
      const accessToken = async () => (await client.tokenWithClientCredentials()).accessToken;
      // Once per interval for the fleet: each instance ticks, the first to take the lease syncs, the rest skip
      // (a little under the interval, so that a slightly early tick of the same instance still runs).
      const skipIfRunWithinMs = Math.floor(opts.intervalMs * 0.8);
      await syncLeads(db, { client, accessToken, timeZone: opts.timeZone, vendorTimeoutMs: opts.vendorTimeoutMs, now: opts.now, skipIfRunWithinMs }, range, trigger);
      return true;
    } catch (error) {
      if (error instanceof SyncRunningError || error instanceof SyncStoppingError || error instanceof SyncDoneElsewhereError) return false;
      log('warn', 'leads.periodic_sync_failed', { error: error instanceof VendorError ? error.toJSON() : error instanceof Error ? error.message : String(error) });
      return false;
    }
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(async () => {
      inFlight = tick();
      await inFlight;
      inFlight = null;
      schedule(opts.intervalMs);
    }, ms);
    timer.unref?.();
  };
  schedule(opts.firstRunMs ?? 2000);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
    tick,
  };
}
