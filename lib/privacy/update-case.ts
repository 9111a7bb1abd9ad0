import 'server-only';
import { eq } from 'drizzle-orm';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { caseTarget, requireCaseRow } from './case-records';
import type { PrivacyCaseStatus } from './constants';
import { privacyCases } from './schema';

/** A case's status and notes; the trail records that the notes changed, never what they say. */
export async function updateCase(
  db: Db,
  actor: AuditActorRef,
  input: { caseId: string; status: PrivacyCaseStatus; notes: string },
): Promise<{ status: PrivacyCaseStatus; notes: string }> {
  const before = await requireCaseRow(db, input.caseId);
  await db
    .update(privacyCases)
    .set({ status: input.status, notes: input.notes, updatedAt: new Date() })
    .where(eq(privacyCases.id, input.caseId));
  await recordAudit(db, {
    actor,
    action: 'privacy.case.update',
    target: caseTarget(before.reference),
    outcome: 'success',
    // The notes may hold anything; the trail records that they changed, not what they say.
    detail: { statusFrom: before.status, statusTo: input.status, notesChanged: before.notes !== input.notes },
  });
  return { status: input.status, notes: input.notes };
}
