import 'server-only';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import type { LeadDeps } from './deps';
import { eq } from 'drizzle-orm';
import { failure, nowOf, requireLead, target } from './lead-records';
import { leadNpsEntries, leadRecords } from './schema';

export async function recordNps(db: Db, deps: LeadDeps, actor: AuditActorRef, input: { leadId: string; score: number; comment?: string }): Promise<void> {
  const record = await requireLead(db, deps, actor, 'leads.recordNps', input.leadId);
  try {
    await deps.client.updateNps(deps.accessToken, record.id, { nps: input.score, comment: input.comment || undefined });
  } catch (error) {
    await failure(db, actor, 'leads.recordNps', record.id, error, { score: input.score });
    throw error;
  }
  const now = nowOf(deps);
  await db.insert(leadNpsEntries).values({ leadId: record.id, score: input.score, comment: input.comment || null, at: now, source: 'console', actorId: actor.id, actorName: actor.name });
  // The row's score follows the vendor's latest, so the next sync does not note it a second time.
  await db.update(leadRecords).set({ nps: input.score }).where(eq(leadRecords.id, record.id));
  await recordAudit(db, { actor, action: 'leads.recordNps', target: target(record.id), outcome: 'success', detail: { score: input.score, hasComment: Boolean(input.comment) } });
}
