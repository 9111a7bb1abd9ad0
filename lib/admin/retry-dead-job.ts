import 'server-only';
import type { AuditActor } from '@/lib/auth/action';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { retryDeadJob as requeueDeadJob, wakeOutboxWorker } from '@/lib/outbox';
import { refusal } from '@/lib/i18n/server-words';

/** Puts a dead sync-queue job back in the queue (audited) and wakes the worker. */
export async function retryDeadJob(db: Db, actor: AuditActor, jobId: string): Promise<{ jobId: string }> {
  const job = await requeueDeadJob(db, jobId);
  await recordAudit(db, {
    actor,
    action: 'admin.retryJob',
    target: { type: 'outbox_job', id: jobId },
    outcome: job ? 'success' : 'failure',
    detail: job ? { kind: job.kind } : { reason: 'not a dead job' },
  });
  if (!job) throw refusal((m) => new ValidationError(m), (t) => t('admin.errors.notDead'));
  wakeOutboxWorker();
  return { jobId };
}
