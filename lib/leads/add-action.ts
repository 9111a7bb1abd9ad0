import 'server-only';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import type { LeadDeps } from './deps';
import { failure, requireLead, target, vendorDateTime } from './lead-records';

export interface ActionInput {
  leadId: string;
  typeId: string;
  detail: string;
  /** "Y-m-d H:i" (datetime-local, store zone) or empty for now. */
  date?: string;
}

/** Adds an action to the lead's timeline in Footprints (a call, a visit, …); audited either way. */
export async function addAction(db: Db, deps: LeadDeps, actor: AuditActorRef, input: ActionInput): Promise<{ id: string }> {
  const record = await requireLead(db, deps, actor, 'leads.addAction', input.leadId);
  const payload = { leadId: record.id, leadActionTypeId: input.typeId, actionDetail: input.detail, date: vendorDateTime(deps, input.date) };
  try {
    const res = await deps.client.addLeadAction(deps.accessToken, payload);
    await recordAudit(db, { actor, action: 'leads.addAction', target: target(record.id), outcome: 'success', detail: { actionId: res.id, typeId: input.typeId } });
    return res;
  } catch (error) {
    await failure(db, actor, 'leads.addAction', record.id, error, { typeId: input.typeId });
    throw error;
  }
}
