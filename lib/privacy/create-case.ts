import 'server-only';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ConflictError, ValidationError } from '@/lib/errors';
import { caseTarget, newCaseReference } from './case-records';
import { dueDateFor } from './case-rules';
import type { CreateCaseData } from './inputs';
import { privacyCases } from './schema';
import { PRIVACY_ERRORS } from './errors';

/** Opens a case for an access request, with a fresh DSAR reference; audited without the subject's identifiers. */
export async function createCase(db: Db, actor: AuditActorRef, data: CreateCaseData): Promise<{ id: string; reference: string }> {
  const dueOn = dueDateFor(data.receivedOn);
  if (!dueOn) throw new ValidationError(PRIVACY_ERRORS.realDate, { receivedOn: [PRIVACY_ERRORS.realDate] });
  for (let attempt = 0; attempt < 5; attempt++) {
    const reference = newCaseReference(data.receivedOn);
    const rows = await db
      .insert(privacyCases)
      .values({
        reference,
        subjectEmail: data.subjectEmail?.toLowerCase() ?? null,
        subjectPhone: data.subjectPhone ?? null,
        receivedOn: data.receivedOn,
        dueOn,
        notes: data.notes ?? '',
        createdBy: actor.id,
        createdByName: actor.name,
      })
      .onConflictDoNothing({ target: privacyCases.reference })
      .returning({ id: privacyCases.id, reference: privacyCases.reference });
    if (rows[0]) {
      await recordAudit(db, {
        actor,
        action: 'privacy.case.create',
        target: caseTarget(reference),
        outcome: 'success',
        detail: { receivedOn: data.receivedOn, dueOn, hasEmail: Boolean(data.subjectEmail), hasPhone: Boolean(data.subjectPhone) },
      });
      return rows[0];
    }
  }
  throw new ConflictError(PRIVACY_ERRORS.noReference);
}
