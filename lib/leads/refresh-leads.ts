import 'server-only';
import type { StaffSession } from '@/lib/auth/session';
import type { Db } from '@/lib/db';
import { leadsDeps } from './deps';
import { syncLeads, syncWindow, type SyncResult } from './sync';

/** A manager's refresh: the sync window, or a given range of days (older than the window). It removes rows of their stores only. */
export async function refreshLeads(db: Db, session: Pick<StaffSession, 'accessToken' | 'stores'>, range?: { from: string; to: string }): Promise<SyncResult> {
  const deps = leadsDeps(session);
  return syncLeads(db, deps, range ?? syncWindow(new Date(), deps.timeZone), 'manual');
}
