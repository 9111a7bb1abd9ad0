/** The consent proof of a captured lead, for the lead detail page (and the capture desk). */
import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { captureSubmissions, type CaptureConsentProof } from './schema';

export type { CaptureConsentProof };

/**
 * The consent proof stored with the submission that became this Footprints lead: the wording version the
 * customer saw, the store, the hostess, the device and the time, and what was agreed. Null when the lead
 * was not captured through this console.
 */
export async function getConsentProofByLeadId(db: Db, footprintsLeadId: string): Promise<CaptureConsentProof | null> {
  if (!footprintsLeadId.trim()) return null;
  const [row] = await db
    .select({ consent: captureSubmissions.consent })
    .from(captureSubmissions)
    .where(eq(captureSubmissions.footprintsLeadId, footprintsLeadId))
    .orderBy(desc(captureSubmissions.capturedAt))
    .limit(1);
  return row?.consent ?? null;
}
