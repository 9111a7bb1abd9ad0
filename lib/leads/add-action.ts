import 'server-only';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ConflictError } from '@/lib/errors';
import { log } from '@/lib/log';
import { formatFootprintsDateTime, parseFootprintsDate } from '@/lib/vendors/footprints/dates';
import { deliveryOf } from '@/lib/vendors/http';
import type { LeadDeps } from './deps';
import { failure, requireLead, target, vendorDateTime } from './lead-records';
import { refusal, serverTranslator } from '@/lib/i18n/server-words';

export interface ActionInput {
  leadId: string;
  typeId: string;
  detail: string;
  /** "Y-m-d H:i" (datetime-local, store zone) or empty for now. */
  date?: string;
}

export const ACTION_UNCONFIRMED_MESSAGE = serverTranslator('en')('leadDetail.errors.actionUnconfirmed');

type Payload = { leadId: string; leadActionTypeId: string; actionDetail: string; date: string };

/**
 * After an add-lead-action whose answer was lost: the lead's timeline, searched for the action just sent (same
 * type, detail and date, created since the attempt began). Its id when there, null when certainly not.
 */
async function findSentAction(deps: LeadDeps, payload: Payload, since: Date): Promise<string | null> {
  const actions = await deps.client.getLeadActions(deps.accessToken, payload.leadId);
  const match = actions.find((a) => {
    const type = typeof a.leadActionTypeId === 'string' ? a.leadActionTypeId : a.leadActionTypeId._id;
    const at = parseFootprintsDate(a.date, deps.timeZone);
    const created = parseFootprintsDate(a.createdAt, deps.timeZone);
    return (
      type === payload.leadActionTypeId &&
      (a.actionDetail ?? '') === payload.actionDetail &&
      at !== null &&
      formatFootprintsDateTime(at, deps.timeZone) === payload.date &&
      (created === null || created.getTime() >= since.getTime() - 5_000)
    );
  });
  return match?._id ?? null;
}

/**
 * Adds an action to the lead's timeline in Footprints (a call, a visit, …); audited either way. Not safe to
 * repeat (each POST adds one more action), so when the answer is lost the timeline is read before anyone adds it
 * again: found → done, as if the answer had come; not there → the failure as it was (nothing was saved);
 * the check failing too → staff are told it may have been saved (never "nothing was changed").
 */
export async function addAction(db: Db, deps: LeadDeps, actor: AuditActorRef, input: ActionInput): Promise<{ id: string }> {
  const record = await requireLead(db, deps, actor, 'leads.addAction', input.leadId);
  const payload = { leadId: record.id, leadActionTypeId: input.typeId, actionDetail: input.detail, date: vendorDateTime(deps, input.date) };
  const started = new Date();
  let res: { id: string };
  try {
    res = await deps.client.addLeadAction(deps.accessToken, payload);
  } catch (error) {
    if (deliveryOf(error) !== 'ambiguous') {
      await failure(db, actor, 'leads.addAction', record.id, error, { typeId: input.typeId });
      throw error;
    }
    const found = await findSentAction(deps, payload, started).catch(() => undefined);
    if (found === undefined) {
      await failure(db, actor, 'leads.addAction', record.id, error, { typeId: input.typeId, answerLost: true, checked: false });
      throw refusal((m) => new ConflictError(m), (t) => t('leadDetail.errors.actionUnconfirmed'));
    }
    if (found === null) {
      await failure(db, actor, 'leads.addAction', record.id, error, { typeId: input.typeId, answerLost: true, checked: true });
      throw error;
    }
    log('info', 'leads.action_reconciled', {});
    res = { id: found };
  }
  await recordAudit(db, { actor, action: 'leads.addAction', target: target(record.id), outcome: 'success', detail: { actionId: res.id, typeId: input.typeId } });
  return res;
}
