/**
 * Delivery of a capture through the sync queue.
 *
 * `capture.lead` (correlation `capture:<idempotencyKey>`): adds the lead at Footprints, records its id on the
 * submission at once, then queues the follow-ups (correlation `lead:<footprintsLeadId>`):
 *   - `capture.netcore_contact`: Netcore add contact (sync mode), only when the customer agreed to e-mail or
 *     SMS marketing and gave an e-mail (EMAIL is Netcore's primary key: the docs, and its answer without one);
 *   - `netcore.activity` "Lead Captured" (lib/marketing: batched uploads, ≤ 1000 per request);
 *   - `loyalty.activity` SURVEY_RESPONSE on channel STORE when an NPS was given (lib/marketing: the activity
 *     id is fixed at enqueue, so a retry never awards points twice).
 * A retry of a capture whose lead id is already recorded never calls Footprints again; it only makes sure
 * the follow-ups are queued (each idempotent on its own key).
 *
 * Add-lead is NOT safe to repeat (Footprints has no idempotency key for it). Every add-lead carries the
 * capture's key in customDetails; an attempt whose answer was lost (timeout, cut connection, 5xx, a crash
 * mid-call: lib/vendors/http.ts `delivery: 'ambiguous'`) marks the submission 'checking', and the next
 * attempt lists the capture's day first (lead-reconciliation.ts): found → adopted, absent → posted again,
 * undecidable → the job waits for an admin on /admin/queue (needs_person, lib/admin/resolve-capture-check.ts).
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { recordCapturedLead } from '@/lib/leads/record-captured-lead';
import { log } from '@/lib/log';
import { enqueueLoyaltyActivity } from '@/lib/marketing/enqueue-loyalty-activity';
import { enqueueNetcoreActivity } from '@/lib/marketing/enqueue-netcore-activity';
import { enqueue, isRetryableError, NeedsPersonError, registerHandler, RetryableError, type OutboxHandlerContext } from '@/lib/outbox';
import { getFootprintsClient, getNetcoreClient } from '@/lib/vendors/clients';
import type { FootprintsClient } from '@/lib/vendors/footprints';
import type { AddLeadInput } from '@/lib/vendors/footprints/encode';
import { deliveryOf, VendorError } from '@/lib/vendors/http';
import type { NetcoreClient } from '@/lib/vendors/netcore';
import { listCaptureDayLeads, reconcileCapture } from './lead-reconciliation';
import { captureSubmissions } from './schema';
import { asStaffOrServer, createTokenSource, type FootprintsTokenSource } from './tokens';

export const CAPTURE_LEAD_JOB = 'capture.lead';
export const CAPTURE_NETCORE_CONTACT_JOB = 'capture.netcore_contact';
/** Hours of retries (backoff caps at 15 min) before a capture is given up as dead: an outage must not lose it. */
export const CAPTURE_MAX_ATTEMPTS = 40;

export const captureCorrelation = (idempotencyKey: string) => `capture:${idempotencyKey}`;
export const leadCorrelation = (footprintsLeadId: string) => `lead:${footprintsLeadId}`;

const ContactDataSchema = z.object({
  EMAIL: z.string().min(3),
  MOBILE: z.string().optional(),
  FIRST_NAME: z.string().optional(),
  LAST_NAME: z.string().optional(),
  CITY: z.string().optional(),
});
export type CaptureContactData = z.infer<typeof ContactDataSchema>;

export const CaptureLeadJobSchema = z.object({
  submissionId: z.uuid(),
  idempotencyKey: z.string().min(1),
  hostessSubject: z.string().min(1),
  /** ISO-8601. */
  capturedAt: z.string(),
  /** The Footprints add-lead fields (see lib/capture/fields.ts). */
  addLead: z.record(z.string(), z.unknown()),
  followUps: z.object({
    /** Set when the customer agreed to e-mail or SMS marketing and gave an e-mail. */
    netcoreContact: ContactDataSchema.nullable(),
    /** Netcore identity of the customer (e-mail, else phone). */
    identity: z.string().min(1),
    nps: z.number().int().min(0).max(10).nullable(),
    locationId: z.string().nullable(),
  }),
});
export type CaptureLeadJobPayload = z.infer<typeof CaptureLeadJobSchema>;

export const NetcoreContactJobSchema = z.object({ data: ContactDataSchema });

export interface CaptureVendors {
  footprints: () => FootprintsClient;
  netcore: () => NetcoreClient;
  tokens: FootprintsTokenSource;
}

function failureReasonOf(error: unknown): string {
  if (error instanceof VendorError) return error.reason.slice(0, 300);
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

export async function queueFollowUps(db: Db, p: CaptureLeadJobPayload, footprintsLeadId: string): Promise<void> {
  const correlation = leadCorrelation(footprintsLeadId);
  const base = `capture:${p.idempotencyKey}`;
  if (p.followUps.netcoreContact) {
    await enqueue(db, {
      kind: CAPTURE_NETCORE_CONTACT_JOB,
      idempotencyKey: `${base}:netcore-contact`,
      payload: { data: p.followUps.netcoreContact },
      subject: p.hostessSubject,
      correlation,
    });
  }
  const params: Record<string, string | number> = { lead_id: footprintsLeadId };
  if (p.followUps.locationId) params.location_id = p.followUps.locationId;
  if (p.followUps.nps !== null) params.nps = p.followUps.nps;
  await enqueueNetcoreActivity(db, {
    idempotencyKey: `${base}:netcore-activity`,
    activity: { activityName: 'Lead Captured', identity: p.followUps.identity, timestamp: p.capturedAt, activitySource: 'STORE', params },
    subject: p.hostessSubject,
    correlation,
  });
  if (p.followUps.nps !== null) {
    await enqueueLoyaltyActivity(db, {
      idempotencyKey: `${base}:loyalty-survey`,
      correlationId: footprintsLeadId,
      action: 'SURVEY_RESPONSE',
      channel: 'STORE',
      when: p.capturedAt,
      note: 'NPS given at lead capture',
      extendedData: [{ name: 'nps', value: String(p.followUps.nps) }],
      subject: p.hostessSubject,
      correlation,
    });
  }
}

/** The submission's state for a capture job: its lead id once known, and whether an add-lead may be out there. */
async function readSubmission(db: Db, submissionId: string) {
  const [row] = await db
    .select({ leadId: captureSubmissions.footprintsLeadId, postedAt: captureSubmissions.addLeadPostedAt })
    .from(captureSubmissions)
    .where(eq(captureSubmissions.id, submissionId))
    .limit(1);
  return row ?? { leadId: null, postedAt: null };
}

/**
 * Looks for the capture's lead at Footprints before posting it again (see lead-reconciliation.ts). Returns the
 * lead id when found, null when it is certainly not there; throws NeedsPersonError when the list cannot tell.
 */
async function reconcileBeforePosting(db: Db, vendors: CaptureVendors, p: CaptureLeadJobPayload): Promise<string | null> {
  const capture = { idempotencyKey: p.idempotencyKey, capturedAt: p.capturedAt, addLead: p.addLead };
  // A failure to list is retried like any other (the job stays queued, the submission 'checking').
  const leads = await asStaffOrServer(db, vendors.tokens, p.hostessSubject, (token) => listCaptureDayLeads(vendors.footprints(), token, capture));
  const found = reconcileCapture(capture, leads);
  if (found.outcome === 'found') {
    log(found.duplicates.length ? 'warn' : 'info', 'capture.lead_reconciled', { by: found.by, duplicates: found.duplicates.length });
    return found.leadId;
  }
  if (found.outcome === 'absent') {
    log('info', 'capture.lead_not_found_posting_again', {});
    return null;
  }
  await db.update(captureSubmissions).set({ syncState: 'checking', updatedAt: new Date() }).where(eq(captureSubmissions.id, p.submissionId));
  throw new NeedsPersonError(
    found.reason === 'not_listable'
      ? 'Footprints may have this lead, but its list cannot show a lead without location, category, offer and consultant: a person must check'
      : 'several leads at Footprints match this capture: a person must choose',
    { reason: found.reason, candidates: found.candidates },
  );
}

export function createCaptureLeadHandler(vendors: CaptureVendors) {
  return async (p: CaptureLeadJobPayload, ctx: OutboxHandlerContext): Promise<{ footprintsLeadId: string }> => {
    const { db } = ctx;
    const submission = await readSubmission(db, p.submissionId);
    let leadId = submission.leadId;
    // An earlier add-lead may have reached Footprints (its answer was lost, or the process died mid-call).
    if (!leadId && submission.postedAt) leadId = await reconcileBeforePosting(db, vendors, p);
    if (!leadId) {
      // Written before the call: a crash in the middle of it leaves the mark, so the next attempt checks first.
      await db.update(captureSubmissions).set({ addLeadPostedAt: new Date() }).where(eq(captureSubmissions.id, p.submissionId));
      try {
        const created = await asStaffOrServer(db, vendors.tokens, p.hostessSubject, (token) =>
          vendors.footprints().addLead(token, { ...(p.addLead as AddLeadInput), captureKey: p.idempotencyKey }),
        );
        leadId = created.id;
      } catch (error) {
        const now = new Date();
        if (deliveryOf(error) === 'ambiguous') {
          // Not a blind retry: the next attempt lists the day's leads first (the mark stays).
          await db
            .update(captureSubmissions)
            .set({ syncState: 'checking', failureReason: failureReasonOf(error), updatedAt: now })
            .where(eq(captureSubmissions.id, p.submissionId));
          log('warn', 'capture.add_lead_ambiguous', { next: 'check_before_posting_again' });
          // Retried even when the error itself is not (an OK answer that could not be read): the check decides.
          throw isRetryableError(error) ? error : new RetryableError(failureReasonOf(error));
        }
        // Refused, or never reached Footprints: nothing is out there, a retry may post again.
        const willRetry = isRetryableError(error) && ctx.attempt < ctx.job.maxAttempts;
        await db
          .update(captureSubmissions)
          .set(
            willRetry
              ? { syncState: 'waiting', failureReason: failureReasonOf(error), addLeadPostedAt: null, updatedAt: now }
              : { syncState: 'failed', failureReason: failureReasonOf(error), addLeadPostedAt: null, updatedAt: now },
          )
          .where(eq(captureSubmissions.id, p.submissionId));
        throw error;
      }
    }
    if (leadId !== submission.leadId) {
      // Recorded before anything else can fail: a retry must never add the lead a second time.
      const now = new Date();
      await db
        .update(captureSubmissions)
        .set({ syncState: 'sent', footprintsLeadId: leadId, failureReason: null, sentAt: now, updatedAt: now })
        .where(eq(captureSubmissions.id, p.submissionId));
    }
    // Into the pipeline from the add-lead answer: Footprints' list leaves out leads without offer or consultant.
    await recordCapturedLead(db, { footprintsLeadId: leadId, sent: p.addLead, capturedAt: new Date(p.capturedAt) });
    await queueFollowUps(db, p, leadId);
    return { footprintsLeadId: leadId };
  };
}

export function createNetcoreContactHandler(getClient: () => NetcoreClient) {
  return async (p: z.infer<typeof NetcoreContactJobSchema>): Promise<{ requestId: string | null; alreadyThere: boolean }> => {
    try {
      const answer = await getClient().addContactSync({ data: p.data });
      return { requestId: answer.requestId, alreadyThere: false };
    } catch (error) {
      // Netcore's documented duplicate (302 "Duplicate entry … for key 'uniqid'"): the contact is there —
      // from an earlier attempt of ours whose answer was lost, or from before. Either way, done.
      if (error instanceof VendorError && (error.vendorCode === '302' || /Duplicate entry/i.test(error.reason))) {
        log('info', 'capture.netcore_contact_exists', {});
        return { requestId: null, alreadyThere: true };
      }
      throw error;
    }
  };
}

export function registerCaptureHandlers(overrides: Partial<CaptureVendors> = {}): void {
  const footprints = overrides.footprints ?? getFootprintsClient;
  const vendors: CaptureVendors = {
    footprints,
    netcore: overrides.netcore ?? getNetcoreClient,
    tokens: overrides.tokens ?? createTokenSource(footprints),
  };
  // vendorCalls (the claim's lease): a server token, the add-lead, and a day's lead list to reconcile with.
  registerHandler(CAPTURE_LEAD_JOB, createCaptureLeadHandler(vendors), { schema: CaptureLeadJobSchema, vendorCalls: 4 });
  registerHandler(CAPTURE_NETCORE_CONTACT_JOB, createNetcoreContactHandler(vendors.netcore), { schema: NetcoreContactJobSchema, vendorCalls: 1 });
}
