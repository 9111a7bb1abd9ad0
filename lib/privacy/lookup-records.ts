/**
 * A case's channel-activity lookups as the desk reads them: what was asked, when, by whom, and every
 * window's state and counts. The activity rows themselves are never stored (lib/privacy/README.md).
 */
import 'server-only';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import type { WindowInfo } from './results';
import type { PrivacyChannel } from './constants';
import { privacyCases, privacyLookupWindows, privacyLookups, type PrivacyWindowRow } from './schema';
import { PRIVACY_ERRORS } from './errors';

export interface LookupView {
  id: string;
  caseId: string;
  reference: string;
  mode: 'single' | 'split';
  channels: PrivacyChannel[];
  from: string;
  to: string;
  requestedByName: string;
  createdAt: string;
  exportedAt: string | null;
  windows: WindowInfo[];
}

export function toWindowInfo(w: PrivacyWindowRow): WindowInfo {
  return {
    id: w.id,
    channel: w.channel,
    seq: w.seq,
    from: w.windowFrom,
    to: w.windowTo,
    state: w.state,
    activityCount: w.activityCount,
    failureReason: w.failureReason,
    attempts: w.attempts,
  };
}

async function loadWindows(db: Db, lookupIds: string[]): Promise<PrivacyWindowRow[]> {
  if (lookupIds.length === 0) return [];
  return db
    .select()
    .from(privacyLookupWindows)
    .where(inArray(privacyLookupWindows.lookupId, lookupIds))
    .orderBy(asc(privacyLookupWindows.channel), asc(privacyLookupWindows.seq));
}

/** Every lookup of a case, newest first, with their windows. */
export async function listLookups(db: Db, caseId: string): Promise<LookupView[]> {
  const rows = await db
    .select({ lookup: privacyLookups, reference: privacyCases.reference })
    .from(privacyLookups)
    .innerJoin(privacyCases, eq(privacyCases.id, privacyLookups.caseId))
    .where(eq(privacyLookups.caseId, caseId))
    .orderBy(desc(privacyLookups.createdAt));
  const windows = await loadWindows(
    db,
    rows.map((r) => r.lookup.id),
  );
  return rows.map(({ lookup, reference }) => ({
    id: lookup.id,
    caseId: lookup.caseId,
    reference,
    mode: lookup.mode,
    channels: lookup.channels,
    from: lookup.periodFrom,
    to: lookup.periodTo,
    requestedByName: lookup.requestedByName,
    createdAt: lookup.createdAt.toISOString(),
    exportedAt: lookup.exportedAt?.toISOString() ?? null,
    windows: windows.filter((w) => w.lookupId === lookup.id).map(toWindowInfo),
  }));
}

export async function getLookup(db: Db, lookupId: string): Promise<LookupView> {
  const [row] = await db.select({ caseId: privacyLookups.caseId }).from(privacyLookups).where(eq(privacyLookups.id, lookupId)).limit(1);
  if (!row) throw new ValidationError(PRIVACY_ERRORS.noLookup, { lookupId: [PRIVACY_ERRORS.noLookup] });
  const found = (await listLookups(db, row.caseId)).find((l) => l.id === lookupId);
  if (!found) throw new ValidationError(PRIVACY_ERRORS.noLookup);
  return found;
}
