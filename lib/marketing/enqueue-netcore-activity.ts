import 'server-only';
import type { Db } from '@/lib/db';
import { enqueue } from '@/lib/outbox';
import type { NetcoreActivity } from '@/lib/vendors/netcore';
import {
  NETCORE_ACTIVITY_JOB,
  StoredNetcoreActivitySchema,
  gatherSlotEnd,
  netcoreActivityProblem,
  toStored,
  type NetcoreActivityJobPayload,
} from './netcore-activities';

export interface EnqueueNetcoreActivityInput {
  /** The same key always finds the same job (a retry of the caller never uploads twice). */
  idempotencyKey: string;
  /** The timestamp as an ISO-8601 string (a Date is accepted and stored as ISO-8601 UTC). */
  activity: NetcoreActivity;
  /** Who queued it (a staff subject). */
  subject?: string;
  /** What it belongs to, e.g. `lead:<footprintsLeadId>`. */
  correlation?: string;
  /** The clock the gathering slot is read from (tests); default now. */
  now?: Date;
}

/**
 * Queues one activity for the next batched upload. Idempotent on the key: `created` is false when the
 * job already existed. Throws when the activity breaks a documented rule (a caller's bug, not a vendor's).
 */
export async function enqueueNetcoreActivity(db: Db, input: EnqueueNetcoreActivityInput): Promise<{ jobId: string; created: boolean }> {
  const parsed = StoredNetcoreActivitySchema.safeParse(toStored(input.activity));
  if (!parsed.success) throw new Error(`enqueueNetcoreActivity: ${parsed.error.issues[0]?.message ?? 'invalid activity'}`);
  const problem = netcoreActivityProblem(parsed.data);
  if (problem) throw new Error(`enqueueNetcoreActivity: ${problem}`);
  const payload: NetcoreActivityJobPayload = { activity: parsed.data };
  const { job, created } = await enqueue(db, {
    kind: NETCORE_ACTIVITY_JOB,
    idempotencyKey: input.idempotencyKey,
    payload,
    subject: input.subject,
    correlation: input.correlation,
    runAt: gatherSlotEnd((input.now ?? new Date()).getTime()),
  });
  return { jobId: job.id, created };
}
