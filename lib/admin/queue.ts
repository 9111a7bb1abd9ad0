/** The sync queue as admins see it: jobs, counts by state, and retrying a dead job (audited). */
import 'server-only';
import type { AuditActor } from '@/lib/auth/action';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { listJobs, retryDeadJob, wakeOutboxWorker, type OutboxStatus } from '@/lib/outbox';

export const QUEUE_PAGE_SIZE = 50;

export interface QueueRow {
  id: string;
  kind: string;
  status: OutboxStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  correlation: string | null;
  subject: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface QueueView {
  rows: QueueRow[];
  total: number;
  counts: Record<OutboxStatus, number>;
  page: number;
  pages: number;
}

/** Only what the page shows: payloads (personal data) stay on the server. */
export async function listQueue(db: Db, input: { status?: OutboxStatus; page: number }): Promise<QueueView> {
  const result = await listJobs(db, { status: input.status, limit: QUEUE_PAGE_SIZE, offset: (input.page - 1) * QUEUE_PAGE_SIZE });
  return {
    rows: result.rows.map((j) => ({
      id: j.id,
      kind: j.kind,
      status: j.status,
      attempts: j.attempts,
      maxAttempts: j.maxAttempts,
      nextAttemptAt: j.nextAttemptAt.toISOString(),
      lastError: j.lastError,
      correlation: j.correlation,
      subject: j.subject,
      createdAt: j.createdAt.toISOString(),
      updatedAt: j.updatedAt.toISOString(),
    })),
    total: result.total,
    counts: result.counts,
    page: input.page,
    pages: Math.max(1, Math.ceil(result.total / QUEUE_PAGE_SIZE)),
  };
}

export async function retryDeadQueueJob(db: Db, actor: AuditActor, jobId: string): Promise<{ jobId: string }> {
  const job = await retryDeadJob(db, jobId);
  await recordAudit(db, {
    actor,
    action: 'admin.retryJob',
    target: { type: 'outbox_job', id: jobId },
    outcome: job ? 'success' : 'failure',
    detail: job ? { kind: job.kind } : { reason: 'not a dead job' },
  });
  if (!job) throw new ValidationError('Only a dead job can be retried; this one is not dead (it may have been retried already).');
  wakeOutboxWorker();
  return { jobId };
}
