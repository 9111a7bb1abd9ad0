import 'server-only';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import type { LeadDeps } from './deps';
import type { ActionInput } from './add-action';
import { failure, requireLead, target, vendorDateTime } from './lead-records';

export async function editAction(db: Db, deps: LeadDeps, actor: AuditActorRef, input: ActionInput & { actionId: string }): Promise<{ id: string }> {
  const record = await requireLead(db, deps, actor, 'leads.editAction', input.leadId);
  const payload = { leadId: record.id, leadActionTypeId: input.typeId, actionDetail: input.detail, date: vendorDateTime(deps, input.date) };
  try {
    const res = await deps.client.updateLeadAction(deps.accessToken, input.actionId, payload);
    await recordAudit(db, { actor, action: 'leads.editAction', target: target(record.id), outcome: 'success', detail: { actionId: input.actionId, typeId: input.typeId } });
    return res;
  } catch (error) {
    await failure(db, actor, 'leads.editAction', record.id, error, { actionId: input.actionId });
    throw error;
  }
}
