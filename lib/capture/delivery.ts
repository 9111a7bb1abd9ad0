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
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { recordCapturedLead } from '@/lib/leads/record-captured-lead';
import { log } from '@/lib/log';
import { enqueueLoyaltyActivity } from '@/lib/marketing/enqueue-loyalty-activity';
import { enqueueNetcoreActivity } from '@/lib/marketing/enqueue-netcore-activity';
import { enqueue, isRetryableError, registerHandler, type OutboxHandlerContext } from '@/lib/outbox';
import { getFootprintsClient, getNetcoreClient } from '@/lib/vendors/clients';
import type { FootprintsClient } from '@/lib/vendors/footprints';
import type { AddLeadInput } from '@/lib/vendors/footprints/encode';
import { VendorError } from '@/lib/vendors/http';
import type { NetcoreClient } from '@/lib/vendors/netcore';
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

export function createCaptureLeadHandler(vendors: CaptureVendors) {
  return async (p: CaptureLeadJobPayload, ctx: OutboxHandlerContext): Promise<{ footprintsLeadId: string }> => {
    const { db } = ctx;
    const [submission] = await db
      .select({ leadId: captureSubmissions.footprintsLeadId })
      .from(captureSubmissions)
      .where(eq(captureSubmissions.id, p.submissionId))
      .limit(1);
    let leadId = submission?.leadId ?? null;
    if (!leadId) {
      try {
        const created = await asStaffOrServer(db, vendors.tokens, p.hostessSubject, (token) =>
          vendors.footprints().addLead(token, p.addLead as AddLeadInput),
        );
        leadId = created.id;
      } catch (error) {
        const willRetry = isRetryableError(error) && ctx.attempt < ctx.job.maxAttempts;
        const now = new Date();
        await db
          .update(captureSubmissions)
          .set(willRetry ? { failureReason: failureReasonOf(error), updatedAt: now } : { syncState: 'failed', failureReason: failureReasonOf(error), updatedAt: now })
          .where(eq(captureSubmissions.id, p.submissionId));
        throw error;
      }
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
