import 'server-only';
import type { AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import type { LeadStatus } from '@/lib/vendors/footprints/schemas';
import { VendorError } from '@/lib/vendors/http';
import { inScope } from '@/lib/auth/stores';
import type { LeadDeps } from './deps';
import { moveLead } from './move-lead';
import { getLeadRecord, recordToSummary } from './read-model';
import type { LostDetails } from './status-rules';

export interface BulkMoveResult {
  moved: { id: string; name: string }[];
  /** Already in the status asked for: nothing was sent for them. */
  already: { id: string; name: string }[];
  refused: { id: string; name: string; message: string }[];
  failed: { id: string; name: string; message: string }[];
}

/** Each lead through moveLead, one after the other: the rule holds for every one of them. */
export async function bulkMoveLeads(
  db: Db,
  deps: LeadDeps,
  actor: AuditActorRef,
  input: { leadIds: string[]; to: LeadStatus; lost?: Partial<LostDetails> | null },
): Promise<BulkMoveResult> {
  const out: BulkMoveResult = { moved: [], already: [], refused: [], failed: [] };
  for (const leadId of [...new Set(input.leadIds)]) {
    // Another store's lead is named by its id only, like an unknown one (moveLead refuses it and audits).
    const record = await getLeadRecord(db, leadId);
    const name = record && inScope(deps.scope, record.locationId) ? recordToSummary(record).name : leadId;
    try {
      // A bulk move carries no contract: a lead becomes a customer only from its own dialog.
      const result = await moveLead(db, deps, actor, { leadId, to: input.to, lost: input.lost, contract: null });
      (result.noop ? out.already : out.moved).push({ id: leadId, name });
    } catch (error) {
      if (error instanceof ValidationError) out.refused.push({ id: leadId, name, message: error.message });
      else if (error instanceof VendorError) out.failed.push({ id: leadId, name, message: error.retryable ? 'Footprints is not answering right now' : 'Footprints did not accept this change' });
      else throw error;
    }
  }
  return out;
}
