/**
 * The in-store APP_CHECKIN sent to the loyalty engine after a redemption, as a sync-queue job (kind
 * `loyalty.redemptionCheckin`) delivered at once — the hostess reads the points to the customer — and
 * retried by the worker if the engine is down. The activity id is fixed per redeemed code
 * (checkinActivityIdOf), and the job's idempotency key too, so neither a retry nor a second click can
 * award points twice. Unlike the generic `loyalty.activity` job (lib/marketing), its result keeps the
 * base / bonus / targeted / total breakdown the desk shows.
 */
import 'server-only';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { log } from '@/lib/log';
import { deliverNow, enqueue, getHandler, getJobByIdempotencyKey, registerHandler, type OutboxHandlerContext, type OutboxJob } from '@/lib/outbox';
import { getLoyaltyClient } from '@/lib/vendors/clients';
import { isActivityAlreadyRecorded, sumEarnedPoints, type LoyaltyClient, type LoyaltyPoints } from '@/lib/vendors/loyalty';
import { checkinActivityIdOf, checkinJobKeyOf, loyaltyCorrelationOf } from './rules';

export const REDEMPTION_CHECKIN_JOB = 'loyalty.redemptionCheckin';

export const RedemptionCheckinPayloadSchema = z.object({
  activityId: z.string().min(1).max(200),
  correlationId: z.string().min(1),
  when: z.string(),
  campaignInternalId: z.string().min(1),
  code: z.string().min(1),
  store: z.string().nullable().optional(),
});
export type RedemptionCheckinPayload = z.infer<typeof RedemptionCheckinPayloadSchema>;

const PointsSchema = z.object({ base: z.number(), bonus: z.number(), targeted: z.number(), total: z.number() });
export const RedemptionCheckinResultSchema = z.object({
  activityId: z.string(),
  alreadyRecorded: z.boolean(),
  points: PointsSchema.nullable(),
});
export type RedemptionCheckinResult = z.infer<typeof RedemptionCheckinResultSchema>;

export function createRedemptionCheckinHandler(getClient: () => LoyaltyClient) {
  return async (payload: RedemptionCheckinPayload, ctx: OutboxHandlerContext): Promise<RedemptionCheckinResult> => {
    const extendedData = [
      { name: 'loyaltyCode', value: payload.code },
      { name: 'campaignInternalId', value: payload.campaignInternalId },
      ...(payload.store ? [{ name: 'store', value: payload.store }] : []),
    ];
    try {
      const answer = await getClient().sendActivity({
        correlationId: payload.correlationId,
        activityId: payload.activityId,
        action: 'APP_CHECKIN',
        channel: 'STORE',
        note: 'Loyalty code redeemed in store',
        when: payload.when,
        extendedData,
      });
      const points: LoyaltyPoints = sumEarnedPoints(answer.earned);
      return { activityId: payload.activityId, alreadyRecorded: false, points };
    } catch (error) {
      // On a retry, "ActivityID already exists" proves our earlier attempt landed (its answer was lost).
      if (ctx.attempt > 1 && isActivityAlreadyRecorded(error)) return { activityId: payload.activityId, alreadyRecorded: true, points: null };
      throw error;
    }
  };
}

export function registerLoyaltyDeskHandlers(vendors: { loyalty?: () => LoyaltyClient } = {}): void {
  registerHandler(REDEMPTION_CHECKIN_JOB, createRedemptionCheckinHandler(vendors.loyalty ?? getLoyaltyClient), { schema: RedemptionCheckinPayloadSchema, vendorCalls: 2 }); // token + activity
}

/** What the desk shows about the points of a redemption. */
export interface CheckinView {
  state: 'awarded' | 'already_recorded' | 'pending' | 'failed';
  points: LoyaltyPoints | null;
  /** The sentence in English (logs, tests); the desk shows the message loyalty.checkin.<key> in the staff's language. */
  message: string;
  key: 'notQueued' | 'awarded' | 'alreadyRecorded' | 'failed' | 'pending' | 'notSentYet';
}

export function checkinViewOf(job: OutboxJob | null): CheckinView {
  if (!job) return { state: 'failed', points: null, key: 'notQueued', message: 'No loyalty check-in was queued for this redemption.' };
  if (job.status === 'done') {
    const parsed = RedemptionCheckinResultSchema.safeParse(job.result);
    if (parsed.success && parsed.data.points) {
      const p = parsed.data.points;
      return { state: 'awarded', points: p, key: 'awarded', message: `The customer earned ${p.total} points.` };
    }
    return { state: 'already_recorded', points: null, key: 'alreadyRecorded', message: 'The loyalty engine had already recorded this check-in: the points were awarded once.' };
  }
  if (job.status === 'dead') return { state: 'failed', points: null, key: 'failed', message: 'The loyalty engine refused the check-in; an admin can see why in the sync queue.' };
  return { state: 'pending', points: null, key: 'pending', message: 'The loyalty engine is not answering right now; the check-in will be sent again automatically.' };
}

/** Queues the check-in of a redemption (once per code) and delivers it at once. */
export async function sendRedemptionCheckin(
  db: Db,
  input: { campaignInternalId: string; code: string; customerEmail: string; when: Date; store: string | null; subject: string },
): Promise<CheckinView> {
  if (!getHandler(REDEMPTION_CHECKIN_JOB)) registerLoyaltyDeskHandlers();
  const payload: RedemptionCheckinPayload = {
    activityId: checkinActivityIdOf(input.campaignInternalId, input.code),
    correlationId: loyaltyCorrelationOf(input.customerEmail),
    when: input.when.toISOString(),
    campaignInternalId: input.campaignInternalId,
    code: input.code,
    store: input.store,
  };
  const { job } = await enqueue(db, {
    kind: REDEMPTION_CHECKIN_JOB,
    idempotencyKey: checkinJobKeyOf(input.campaignInternalId, input.code),
    payload,
    subject: input.subject,
    correlation: `loyalty:${input.campaignInternalId}:${input.code}`,
  });
  return checkinViewOf(await deliverSafely(db, job));
}

/** Delivers the code's check-in again if it is still queued (the desk's "send again" button); null when no check-in of this code was ever queued. */
export async function retryRedemptionCheckin(db: Db, campaignInternalId: string, code: string): Promise<CheckinView | null> {
  const job = await getJobByIdempotencyKey(db, checkinJobKeyOf(campaignInternalId, code));
  if (!job) return null;
  if (!getHandler(REDEMPTION_CHECKIN_JOB)) registerLoyaltyDeskHandlers();
  return checkinViewOf(await deliverSafely(db, job));
}

async function deliverSafely(db: Db, job: OutboxJob): Promise<OutboxJob | null> {
  if (job.status !== 'queued') return job;
  try {
    return await deliverNow(db, job.id);
  } catch (error) {
    log('warn', 'loyalty.checkin_deliver_failed', { jobId: job.id, error: error instanceof Error ? error : String(error) });
    return job;
  }
}
