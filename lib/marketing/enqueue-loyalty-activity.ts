import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db';
import { enqueue } from '@/lib/outbox';
import { LOYALTY_ACTIVITY_JOB, LoyaltyActivityJobSchema, type LoyaltyActivityJobPayload } from './loyalty-activities';

export interface EnqueueLoyaltyActivityInput extends Omit<LoyaltyActivityJobPayload, 'activityId' | 'when'> {
  idempotencyKey: string;
  when: Date | string;
  /** Default: a new UUID. Whatever it is, it is stored once and reused by every retry. */
  activityId?: string;
  subject?: string;
  correlation?: string;
}

/** Queues the activity; the same idempotency key returns the job (and activity id) already stored. */
export async function enqueueLoyaltyActivity(
  db: Db,
  input: EnqueueLoyaltyActivityInput,
): Promise<{ jobId: string; created: boolean; activityId: string }> {
  const { idempotencyKey, subject, correlation, ...rest } = input;
  const payload = LoyaltyActivityJobSchema.parse({
    ...rest,
    activityId: input.activityId ?? randomUUID(),
    when: input.when instanceof Date ? input.when.toISOString() : input.when,
  });
  const { job, created } = await enqueue(db, { kind: LOYALTY_ACTIVITY_JOB, idempotencyKey, payload, subject, correlation });
  const stored = LoyaltyActivityJobSchema.safeParse(job.payload);
  return { jobId: job.id, created, activityId: stored.success ? stored.data.activityId : payload.activityId };
}
