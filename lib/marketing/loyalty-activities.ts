/**
 * Loyalty activities through the sync queue (kind `loyalty.activity`). The loyalty engine is idempotent
 * on activity_id, so the id is chosen once, at enqueue, and stored in the payload: every retry sends the
 * same id, and an "ActivityID already exists" answer on a retry means an earlier attempt went through
 * (its answer was lost), so the job is done — points are never awarded twice.
 */
import 'server-only';
import { z } from 'zod';
import type { OutboxHandlerContext } from '@/lib/outbox';
import { LOYALTY_ACTIONS, isActivityAlreadyRecorded, sumEarnedPoints, type LoyaltyClient } from '@/lib/vendors/loyalty';

export const LOYALTY_ACTIVITY_JOB = 'loyalty.activity';

export const LoyaltyActivityJobSchema = z.object({
  /** Fixed at enqueue: the loyalty engine's idempotency key. */
  activityId: z.string().min(1).max(200),
  /** The member / session the activity belongs to (URL :correlation_id). */
  correlationId: z.string().min(1),
  action: z.enum(LOYALTY_ACTIONS),
  channel: z.string().trim().min(1),
  businessUnit: z.string().optional(),
  note: z.string().optional(),
  /** ISO-8601. */
  when: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'when must be an ISO date'),
  extendedData: z.array(z.object({ name: z.string(), value: z.string() })).max(20).optional(),
});
export type LoyaltyActivityJobPayload = z.infer<typeof LoyaltyActivityJobSchema>;

export interface LoyaltyActivityResult {
  activityId: string;
  /** True when the engine already held the activity (an earlier attempt went through). */
  alreadyRecorded: boolean;
  pointsTotal: number | null;
}

export function createLoyaltyActivityHandler(getClient: () => LoyaltyClient) {
  return async (payload: LoyaltyActivityJobPayload, ctx: OutboxHandlerContext): Promise<LoyaltyActivityResult> => {
    try {
      const answer = await getClient().sendActivity({
        correlationId: payload.correlationId,
        activityId: payload.activityId,
        action: payload.action,
        channel: payload.channel,
        businessUnit: payload.businessUnit,
        note: payload.note,
        when: payload.when,
        extendedData: payload.extendedData,
      });
      return { activityId: payload.activityId, alreadyRecorded: false, pointsTotal: sumEarnedPoints(answer.earned).total };
    } catch (error) {
      // Only on a retry does "already exists" prove our own earlier attempt landed; on a first attempt it
      // would be someone else's activity, and the job is dead with that reason.
      if (ctx.attempt > 1 && isActivityAlreadyRecorded(error)) {
        return { activityId: payload.activityId, alreadyRecorded: true, pointsTotal: null };
      }
      throw error;
    }
  };
}
