import 'server-only';
import type { StaffSession } from '@/lib/auth/session';
import type { Db } from '@/lib/db';
import { leadsDeps } from './deps';
import { listedIn, syncLeads, syncWindow, type SyncResult } from './sync';

/**
 * A manager's refresh: the sync window, or a given range of days (older than the window). It stores every lead
 * Footprints lists but removes rows of their stores only, and `leads` counts their stores' leads only.
 */
export async function refreshLeads(db: Db, session: Pick<StaffSession, 'accessToken' | 'stores'>, range?: { from: string; to: string }): Promise<SyncResult> {
  const deps = leadsDeps(session);
  const result = await syncLeads(db, deps, range ?? syncWindow(new Date(), deps.timeZone), 'manual');
  return { ...result, leads: listedIn(result, session.stores) };
}
