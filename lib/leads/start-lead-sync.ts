/** The periodic read-model sync the server starts once (lib/server-start.ts), unless LEAD_SYNC=0. */
import 'server-only';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { log } from '@/lib/log';
import { getFootprintsClient } from '@/lib/vendors/clients';
import { startPeriodicLeadSync, type PeriodicSyncHandle } from './sync';

/** Every five minutes by default (LEAD_SYNC_INTERVAL_MS). */
export const PERIODIC_SYNC_INTERVAL_MS = 5 * 60_000;

const globalForLeadSync = globalThis as unknown as { __storedeskLeadSyncTimer?: PeriodicSyncHandle };

/** Starts the periodic lead sync once per process. Never throws: a failure is logged and retried at the next tick. */
export function startLeadSync(): void {
  try {
    if (globalForLeadSync.__storedeskLeadSyncTimer) return;
    const config = getConfig();
    globalForLeadSync.__storedeskLeadSyncTimer = startPeriodicLeadSync({
      getDb,
      getClient: getFootprintsClient,
      timeZone: config.storeTimezone,
      intervalMs: config.leadSyncIntervalMs,
      vendorTimeoutMs: config.vendorTimeoutMs,
    });
  } catch (error) {
    log('warn', 'leads.periodic_sync_not_started', { error: error instanceof Error ? error.message : String(error) });
  }
}

/** Stops the periodic sync and waits for a run in flight (graceful shutdown, bounded by the caller). */
export async function stopLeadSync(): Promise<void> {
  const handle = globalForLeadSync.__storedeskLeadSyncTimer;
  globalForLeadSync.__storedeskLeadSyncTimer = undefined;
  await handle?.stop();
}
