/**
 * The capture desk's reads: "my submissions today" (the hostess's own captures since midnight in the
 * store's zone, with their sync state), the waiting count for the sign-out warning, a lead's consent proof,
 * and the catalogues the form offers. Pages and route handlers call the functions without a `db` argument.
 */
import 'server-only';
import { inScope } from '@/lib/auth/stores';
import { and, count, desc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db';
import { outboxJobs } from '@/lib/db/schema';
import { issueCaptureTicket } from './capture-ticket';
import { loadCaptureCatalogues, type CaptureCatalogues } from './catalogues';
import { captureDeps, type CaptureSession } from './deps';
import { parseFootprintsDate, formatFootprintsDate } from '@/lib/vendors/footprints/dates';
import { captureSyncNote, type CaptureSyncNote } from '@/lib/staff-words';
import type { CaptureConsentProof } from './consent-proof';
import type { CaptureSyncState } from './constants';
import { captureSubmissions } from './schema';

export interface MySubmission {
  id: string;
  displayName: string;
  capturedAt: string;
  state: CaptureSyncState;
  footprintsLeadId: string | null;
  /** In plain words: what happened and what to do (failed), or that it will be sent by itself (waiting after a failed try). */
  /** Which note to show (translated where shown: components/capture/my-submissions.tsx). */
  note: CaptureSyncNote | null;
}

/** Midnight today in the zone, as an instant. */
export function startOfDay(now: Date, timeZone: string): Date {
  return parseFootprintsDate(formatFootprintsDate(now, timeZone), timeZone) ?? new Date(now.getTime() - 86_400_000);
}

/** A capture made just before midnight stays in the list for this long after it, whatever its state. */
export const RECENT_MS = 60 * 60_000;
/** A capture that has not reached Footprints stays in the list (from earlier days too) for this long. */
export const UNSENT_KEPT_MS = 7 * 86_400_000;

/**
 * Her captures made since midnight in the store's zone, plus those of the last hour (a lead saved at 23:59 does
 * not vanish at midnight, before she saw it sent), plus those of the last week that have not reached
 * Footprints yet (nothing waiting or refused is hidden from her because the day changed).
 */
export async function listMySubmissionsToday(db: Db, subject: string, timeZone: string, now = new Date()): Promise<MySubmission[]> {
  const since = new Date(Math.min(startOfDay(now, timeZone).getTime(), now.getTime() - RECENT_MS));
  const rows = await db
    .select({
      id: captureSubmissions.id,
      displayName: captureSubmissions.displayName,
      capturedAt: captureSubmissions.capturedAt,
      syncState: captureSubmissions.syncState,
      leadId: captureSubmissions.footprintsLeadId,
      failureReason: captureSubmissions.failureReason,
      jobStatus: outboxJobs.status,
      jobError: outboxJobs.lastError,
    })
    .from(captureSubmissions)
    .leftJoin(outboxJobs, eq(outboxJobs.id, captureSubmissions.outboxJobId))
    .where(
      and(
        eq(captureSubmissions.hostessSubject, subject),
        or(
          gte(captureSubmissions.createdAt, since),
          and(isNull(captureSubmissions.footprintsLeadId), gte(captureSubmissions.createdAt, new Date(now.getTime() - UNSENT_KEPT_MS))),
        ),
      ),
    )
    .orderBy(desc(captureSubmissions.createdAt))
    .limit(200);
  return rows.map((r) => {
    // The job is the truth for delivery (an admin may requeue a dead one); the row holds the lead id.
    // 'checking' (issue 13): an answer was lost and the console is looking for the lead, or an admin is.
    const state: CaptureSyncState = r.leadId
      ? 'sent'
      : r.jobStatus === 'dead' || (!r.jobStatus && r.syncState === 'failed')
        ? 'failed'
        : r.jobStatus === 'needs_person' || r.syncState === 'checking'
          ? 'checking'
          : 'waiting';
    return {
      id: r.id,
      displayName: r.displayName,
      capturedAt: r.capturedAt.toISOString(),
      state,
      footprintsLeadId: r.leadId,
      // The vendor's own reason stays with the admin queue (and the row): never shown to the hostess.
      note: state === 'sent' ? null : captureSyncNote(state, !!(r.failureReason ?? r.jobError), r.jobStatus === 'needs_person'),
    };
  });
}

/** How many of this member of staff's captures have not reached Footprints yet (for the sign-out warning). */
export async function countWaitingSubmissions(db: Db, subject: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(captureSubmissions)
    .innerJoin(outboxJobs, eq(outboxJobs.id, captureSubmissions.outboxJobId))
    .where(
      and(
        eq(captureSubmissions.hostessSubject, subject),
        isNull(captureSubmissions.footprintsLeadId),
        inArray(outboxJobs.status, ['queued', 'running', 'needs_person']),
      ),
    );
  return Number(row?.n ?? 0);
}

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

/** The page never waits longer than this for Footprints' catalogues. */
export const CATALOGUE_BUDGET_MS = 3_000;

/**
 * The capture page: the form's catalogues (cached, with a time budget: typing never waits for one). The
 * locations are the capturer's stores only (the form preselects the one store of a one-store hostess).
 */
export async function captureCataloguesFor(session: Pick<CaptureSession, 'accessToken' | 'kind' | 'stores'>): Promise<CaptureCatalogues> {
  const catalogues = await loadCaptureCatalogues(captureDeps().footprints, session.accessToken, session.kind, { budgetMs: CATALOGUE_BUDGET_MS });
  return { ...catalogues, locations: catalogues.locations.filter((l) => inScope(session.stores, l.id)) };
}

/** The sign-out warning: how many of this member of staff's captures are still on their way. */
export async function waitingSubmissionsOf(subject: string): Promise<number> {
  return countWaitingSubmissions(await getDb(), subject);
}

/** The lead page: the consent proof of a lead captured here, or null. */
export async function consentProofOf(footprintsLeadId: string): Promise<CaptureConsentProof | null> {
  return getConsentProofByLeadId(await getDb(), footprintsLeadId);
}

/** The signed note of who captures on this desk, for captures the tablet keeps offline (capture-ticket.ts). */
export function captureTicketFor(session: Pick<CaptureSession, 'subject' | 'displayName' | 'stores'>): string {
  const secret = captureDeps().ticketSecret;
  return secret ? issueCaptureTicket(secret, { subject: session.subject, name: session.displayName, stores: session.stores }) : '';
}
