import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { AuditActor } from '@/lib/auth/action';
import { recordAudit } from '@/lib/audit';
import { CAPTURE_LEAD_JOB } from '@/lib/capture/delivery';
import { captureSubmissions } from '@/lib/capture/schema';
import type { Db } from '@/lib/db';
import { ConflictError, ValidationError } from '@/lib/errors';
import { getJob, releaseHeldJob, wakeOutboxWorker } from '@/lib/outbox';
import { refusal, serverTranslator } from '@/lib/i18n/server-words';

export type CaptureCheckDecision = { choice: 'adopt'; leadId: string } | { choice: 'resend' };

export const ALREADY_RESOLVED_MESSAGE = serverTranslator('en')('admin.errors.alreadyResolved');

/**
 * An admin settles a capture whose add-lead answer was lost and that the console could not find either way
 * (issue 13, job state needs_person): "It's this one" adopts a Footprints lead as the capture's (the job then
 * queues the follow-ups, without posting), "Send it again" posts the lead once more. Exactly once: the job
 * leaves needs_person in the same transaction that records the choice, so a second click, or a second admin,
 * changes nothing and is told so. Audited either way.
 */
export async function resolveCaptureCheck(db: Db, actor: AuditActor, jobId: string, decision: CaptureCheckDecision): Promise<{ jobId: string; choice: CaptureCheckDecision['choice'] }> {
  const target = { type: 'outbox_job', id: jobId };
  const detail = decision.choice === 'adopt' ? { choice: 'adopt', leadId: decision.leadId } : { choice: 'resend' };
  const job = await getJob(db, jobId);
  if (!job || job.kind !== CAPTURE_LEAD_JOB) {
    await recordAudit(db, { actor, action: 'admin.resolveCaptureCheck', target, outcome: 'refused', detail: { ...detail, reason: 'not a capture job' } });
    throw refusal((m) => new ValidationError(m), (t) => t('admin.errors.notACaptureCheck'));
  }
  const submissionId = (job.payload as { submissionId?: unknown }).submissionId;
  if (typeof submissionId !== 'string') throw refusal((m) => new ValidationError(m), (t) => t('admin.errors.noCapture'));

  const resolved = await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const released = await releaseHeldJob(txDb, jobId, { ...detail, resolvedBy: actor.id, resolvedAt: new Date().toISOString() });
    if (!released) return false;
    const now = new Date();
    if (decision.choice === 'adopt') {
      await tx
        .update(captureSubmissions)
        .set({ footprintsLeadId: decision.leadId, syncState: 'sent', failureReason: null, sentAt: now, updatedAt: now })
        .where(and(eq(captureSubmissions.id, submissionId), isNull(captureSubmissions.footprintsLeadId)));
    } else {
      // The mark "an add-lead may be out there" goes: the job posts without listing again.
      await tx
        .update(captureSubmissions)
        .set({ addLeadPostedAt: null, syncState: 'waiting', updatedAt: now })
        .where(and(eq(captureSubmissions.id, submissionId), isNull(captureSubmissions.footprintsLeadId)));
    }
    await recordAudit(txDb, { actor, action: 'admin.resolveCaptureCheck', target, outcome: 'success', detail: { ...detail, submissionId } });
    return true;
  });
  if (!resolved) {
    await recordAudit(db, { actor, action: 'admin.resolveCaptureCheck', target, outcome: 'refused', detail: { ...detail, reason: 'already resolved' } });
    throw refusal((m) => new ConflictError(m), (t) => t('admin.errors.alreadyResolved'));
  }
  wakeOutboxWorker();
  return { jobId, choice: decision.choice };
}
