/**
 * Wiring of the pipeline's use cases to the process: the Footprints client, the staff member's token, the
 * store's zone; and the periodic sync the server starts (lib/server-start.ts).
 */
import 'server-only';
import type { StaffSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { getDb, type Db } from '@/lib/db';
import { log } from '@/lib/log';
import { getFootprintsClient } from '@/lib/vendors/clients';
import { getSyncState } from './read-model';
import { ensureInitialSync, startPeriodicLeadSync, syncLeads, syncWindow, type PeriodicSyncHandle, type SyncResult } from './sync';
import type { LeadDeps } from './use-cases';

/** Every five minutes by default; LEADS_SYNC_INTERVAL_MS is not a documented setting, so it is not read here. */
export const PERIODIC_SYNC_INTERVAL_MS = 5 * 60_000;

export function leadDepsFor(session: Pick<StaffSession, 'accessToken'>): LeadDeps {
  return { client: getFootprintsClient(), accessToken: session.accessToken, timeZone: getConfig().storeTimezone };
}

const globalForLeadSync = globalThis as unknown as { __storedeskLeadSyncTimer?: PeriodicSyncHandle };

/** Starts the periodic lead sync once per process. Never throws: a failure is logged and retried at the next tick. */
export function startLeadSync(): void {
  try {
    if (globalForLeadSync.__storedeskLeadSyncTimer) return;
    globalForLeadSync.__storedeskLeadSyncTimer = startPeriodicLeadSync({
      getDb,
      getClient: getFootprintsClient,
      timeZone: getConfig().storeTimezone,
      intervalMs: PERIODIC_SYNC_INTERVAL_MS,
    });
  } catch (error) {
    log('warn', 'leads.periodic_sync_not_started', { error: error instanceof Error ? error.message : String(error) });
  }
}

/** For pages: fills the read model on first use with the staff member's token (later syncs are periodic). */
export async function ensureLeadsSynced(db: Db, session: Pick<StaffSession, 'accessToken'>): Promise<string | null> {
  try {
    await ensureInitialSync(db, leadDepsFor(session));
    return null;
  } catch (error) {
    log('warn', 'leads.initial_sync_failed', { error: error instanceof Error ? error.message : String(error) });
    return 'The pipeline could not be loaded from Footprints yet. It will try again; you can also refresh.';
  }
}

/** A manager's refresh: the sync window, or a given range of days (older than the window). */
export async function refreshLeads(db: Db, session: Pick<StaffSession, 'accessToken'>, range?: { from: string; to: string }): Promise<SyncResult> {
  const deps = leadDepsFor(session);
  return syncLeads(db, deps, range ?? syncWindow(new Date(), deps.timeZone), 'manual');
}

export interface SyncStatus {
  lastSuccessAt: string | null;
  lastStartedAt: string | null;
  lastError: string | null;
  leadCount: number | null;
}

export async function getSyncStatus(db: Db): Promise<SyncStatus> {
  const s = await getSyncState(db);
  return {
    lastSuccessAt: s?.lastSuccessAt?.toISOString() ?? null,
    lastStartedAt: s?.lastStartedAt?.toISOString() ?? null,
    lastError: s?.lastError && (!s.lastSuccessAt || (s.lastFinishedAt && s.lastFinishedAt > s.lastSuccessAt)) ? s.lastError : null,
    leadCount: s?.leadCount ?? null,
  };
}
