import 'server-only';
import { eq } from 'drizzle-orm';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import type { LeadStatus } from '@/lib/vendors/footprints/schemas';
import type { LeadDeps } from './deps';
import { countContractPdfs, failure, nowOf, requireLead, target } from './lead-records';
import { applyVendorAnswer, recordToSummary, type LeadSummary } from './read-model';
import { leadRecords, leadStatusHistory } from './schema';
import { decideMove, type Contract, type LostDetails } from './status-rules';

export interface MoveInput {
  leadId: string;
  to: LeadStatus;
  contract?: Partial<Contract> | null;
  lost?: Partial<LostDetails> | null;
}

export interface MoveResult {
  lead: LeadSummary;
  from: LeadStatus;
  noop: boolean;
}

/** The one door for a status change. Refuses what the rule refuses, before any vendor call. */
export async function moveLead(db: Db, deps: LeadDeps, actor: AuditActorRef, input: MoveInput): Promise<MoveResult> {
  const record = await requireLead(db, deps, actor, 'leads.updateStatus', input.leadId);
  const from = record.status as LeadStatus;
  const decision = decideMove({
    from,
    to: input.to,
    contract: input.contract,
    lost: input.lost,
    contractPdfCount: input.to === 'customer' ? await countContractPdfs(db, record.id) : 0,
  });
  if (!decision.ok) {
    await recordAudit(db, {
      actor,
      action: 'leads.updateStatus',
      target: target(record.id),
      outcome: 'refused',
      detail: { from, to: input.to, missing: Object.keys(decision.fieldErrors) },
    });
    throw new ValidationError(decision.message, decision.fieldErrors);
  }
  if (decision.noop) return { lead: recordToSummary(record), from, noop: true };

  const now = nowOf(deps);
  let answer;
  try {
    if (decision.lost) {
      // The reason goes through the lost-lead endpoint; its answer keeps the old status (see the client),
      // so the move itself is a status update.
      await deps.client.updateLostLead(deps.accessToken, record.id, { reasonLost: decision.lost.reasonLost, comment: decision.lost.comment });
      await recordAudit(db, {
        actor,
        action: 'leads.recordLostReason',
        target: target(record.id),
        outcome: 'success',
        detail: { reasonLost: decision.lost.reasonLost, hasComment: Boolean(decision.lost.comment) },
      });
      answer = await deps.client.updateLead(deps.accessToken, record.id, { status: 'lost' });
    } else if (decision.contract) {
      answer = await deps.client.updateLead(deps.accessToken, record.id, { status: 'customer', contract: decision.contract });
    } else {
      answer = await deps.client.updateLead(deps.accessToken, record.id, { status: input.to as Exclude<LeadStatus, 'customer'> });
    }
  } catch (error) {
    await failure(db, actor, 'leads.updateStatus', record.id, error, { from, to: input.to });
    throw error;
  }

  const updated = await applyVendorAnswer(
    db,
    record.id,
    answer,
    {
      ...(decision.contract ?? {}),
      ...(decision.lost ? { reasonLost: decision.lost.reasonLost, lostComment: decision.lost.comment ?? null } : {}),
    },
    deps.timeZone,
    now,
  );
  await db.update(leadRecords).set({ statusChangedAt: now }).where(eq(leadRecords.id, record.id));
  await db.insert(leadStatusHistory).values({
    leadId: record.id,
    fromStatus: from,
    toStatus: answer.status,
    at: now,
    source: 'console',
    actorId: actor.id,
    actorName: actor.name,
  });
  await recordAudit(db, {
    actor,
    action: 'leads.updateStatus',
    target: target(record.id),
    outcome: 'success',
    detail: {
      from,
      to: answer.status,
      ...(decision.contract ? { contractNumber: decision.contract.contractNumber, contractValue: decision.contract.contractValue, contractDate: decision.contract.contractDate } : {}),
      ...(decision.lost ? { reasonLost: decision.lost.reasonLost } : {}),
    },
  });
  return { lead: recordToSummary(updated ?? record), from, noop: false };
}
