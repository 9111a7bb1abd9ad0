import 'server-only';
import { eq } from 'drizzle-orm';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { caseTarget } from './case-records';
import type { ExportEnvelope } from './results';
import { privacyCases, privacyLookups } from './schema';
import { PRIVACY_ERRORS } from './errors';

/**
 * Records that the results were exported (audited with counts, never rows) and hands back what the file
 * needs beside the rows: the case reference, dates and the subject's identifiers.
 */
export async function recordExport(
  db: Db,
  actor: AuditActorRef,
  input: { lookupId: string; format: 'csv' | 'json' | 'report'; rowCount: number; windowsAnswered: number; windowsFailed: number; windowsNeverAsked: number },
  timeZone: string,
): Promise<ExportEnvelope> {
  const [found] = await db
    .select({ kase: privacyCases })
    .from(privacyLookups)
    .innerJoin(privacyCases, eq(privacyCases.id, privacyLookups.caseId))
    .where(eq(privacyLookups.id, input.lookupId))
    .limit(1);
  if (!found) throw new ValidationError(PRIVACY_ERRORS.noLookup, { lookupId: [PRIVACY_ERRORS.noLookup] });
  const producedAt = new Date();
  await db.update(privacyLookups).set({ exportedAt: producedAt, exportedBy: actor.id }).where(eq(privacyLookups.id, input.lookupId));
  const { kase } = found;
  await recordAudit(db, {
    actor,
    action: 'privacy.export',
    target: caseTarget(kase.reference),
    outcome: 'success',
    detail: {
      lookupId: input.lookupId,
      format: input.format,
      rows: input.rowCount,
      windowsAnswered: input.windowsAnswered,
      windowsFailed: input.windowsFailed,
      windowsNeverAsked: input.windowsNeverAsked,
    },
  });
  return {
    reference: kase.reference,
    receivedOn: kase.receivedOn,
    dueOn: kase.dueOn,
    producedAt: producedAt.toISOString(),
    timeZone,
    subject: { email: kase.subjectEmail, phone: kase.subjectPhone },
  };
}
