import 'server-only';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ConflictError } from '@/lib/errors';
import { deliveryOf } from '@/lib/vendors/http';
import type { LeadDeps } from './deps';
import { eq } from 'drizzle-orm';
import { failure, nowOf, requireLead, target } from './lead-records';
import { leadNpsEntries, leadRecords } from './schema';
import { refusal, serverTranslator } from '@/lib/i18n/server-words';

export const NPS_UNCONFIRMED_MESSAGE = serverTranslator('en')('leadDetail.errors.npsUnconfirmed');

/**
 * Records an NPS score at Footprints, then in the read model. Not safe to repeat (Footprints keeps every score
 * given) and not checkable (no call lists the scores): after a lost answer staff are told it may have been
 * recorded, never "nothing was changed".
 */
export async function recordNps(db: Db, deps: LeadDeps, actor: AuditActorRef, input: { leadId: string; score: number; comment?: string }): Promise<void> {
  const record = await requireLead(db, deps, actor, 'leads.recordNps', input.leadId);
  try {
    await deps.client.updateNps(deps.accessToken, record.id, { nps: input.score, comment: input.comment || undefined });
  } catch (error) {
    const answerLost = deliveryOf(error) === 'ambiguous';
    await failure(db, actor, 'leads.recordNps', record.id, error, { score: input.score, ...(answerLost ? { answerLost } : {}) });
    throw answerLost ? refusal((m) => new ConflictError(m), (t) => t('leadDetail.errors.npsUnconfirmed')) : error;
  }
  const now = nowOf(deps);
  await db.insert(leadNpsEntries).values({ leadId: record.id, score: input.score, comment: input.comment || null, at: now, source: 'console', actorId: actor.id, actorName: actor.name });
  // The row's score follows the vendor's latest, so the next sync does not note it a second time.
  await db.update(leadRecords).set({ nps: input.score }).where(eq(leadRecords.id, record.id));
  await recordAudit(db, { actor, action: 'leads.recordNps', target: target(record.id), outcome: 'success', detail: { score: input.score, hasComment: Boolean(input.comment) } });
}
