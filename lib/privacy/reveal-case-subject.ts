import 'server-only';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { caseTarget, requireCaseRow } from './case-records';

/** The subject's identifiers in full, for one member of staff, once: audited. */
export async function revealCaseSubject(
  db: Db,
  actor: AuditActorRef,
  caseId: string,
): Promise<{ reference: string; email: string | null; phone: string | null }> {
  const row = await requireCaseRow(db, caseId);
  await recordAudit(db, {
    actor,
    action: 'privacy.reveal',
    target: caseTarget(row.reference),
    outcome: 'success',
    detail: { fields: [row.subjectEmail ? 'email' : null, row.subjectPhone ? 'phone' : null].filter(Boolean) },
  });
  return { reference: row.reference, email: row.subjectEmail, phone: row.subjectPhone };
}
