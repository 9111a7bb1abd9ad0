'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import { PipelineFiltersSchema } from '@/lib/leads/filters';
import { queryPipeline } from '@/lib/leads/read-model';
import { leadsDeps } from '@/lib/leads/deps';
import { getSyncStatus } from '@/lib/leads/queries';
import { refreshLeads } from '@/lib/leads/refresh-leads';
import { LEAD_STATUSES, LOST_REASONS } from '@/lib/leads/status-rules';
import { addAction } from '@/lib/leads/add-action';
import { bulkMoveLeads } from '@/lib/leads/bulk-move-leads';
import { editAction } from '@/lib/leads/edit-action';
import { moveLead } from '@/lib/leads/move-lead';
import { recordNps } from '@/lib/leads/record-nps';
import { completeLead } from '@/lib/leads/complete-lead';
import { ActionFormSchema } from '@/lib/leads/inputs';
import { getConfig } from '@/lib/config';

const leadId = z.string().trim().min(1).max(64);
// Loose on purpose: what a contract or a lost lead needs is decided by the status rule (lib/leads/status-rules.ts),
// which answers with the missing fields, whatever path the call came from.
const contractInput = z
  .object({
    contractNumber: z.string().max(200).optional(),
    contractValue: z.string().max(50).optional(),
    contractDate: z.string().max(20).optional(),
    contractDescription: z.string().max(2000).optional(),
  })
  .nullish();
const lostInput = z.object({ reasonLost: z.string().max(50).optional(), comment: z.string().max(1000).optional() }).nullish();

/** Only one of the nine reasons passes the rule; anything else is left for it to refuse. */
function lostOf(lost: z.infer<typeof lostInput>) {
  if (!lost) return lost;
  const reason = (LOST_REASONS as readonly string[]).includes(lost.reasonLost ?? '') ? (lost.reasonLost as (typeof LOST_REASONS)[number]) : undefined;
  return { reasonLost: reason, comment: lost.comment };
}

export const queryPipelineAction = defineAction({
  name: 'leads.queryPipeline',
  permission: 'leads.view',
  schema: PipelineFiltersSchema,
  handler: async (filters, { db, session }) => {
    const [pipeline, sync] = await Promise.all([queryPipeline(db, filters, getConfig().storeTimezone, session.stores), getSyncStatus(db, session.stores)]);
    return { ...pipeline, sync };
  },
});

export const refreshLeadsAction = defineAction({
  name: 'leads.refresh',
  permission: 'leads.sync',
  schema: z.discriminatedUnion('scope', [
    z.object({ scope: z.literal('window') }),
    z.object({ scope: z.literal('range'), from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  ]),
  handler: async (input, { db, session }) => {
    const result = await refreshLeads(db, session, input.scope === 'range' ? { from: input.from, to: input.to } : undefined);
    return { leads: result.leads, durationMs: result.durationMs, sync: await getSyncStatus(db, session.stores) };
  },
});

export const moveLeadAction = defineAction({
  name: 'leads.updateStatus',
  permission: 'leads.updateStatus',
  schema: z.object({ leadId, to: z.enum(LEAD_STATUSES), contract: contractInput, lost: lostInput }),
  handler: async (input, { db, session, actor }) => {
    const result = await moveLead(db, leadsDeps(session), actor, { leadId: input.leadId, to: input.to, contract: input.contract, lost: lostOf(input.lost) });
    return { lead: result.lead, from: result.from, noop: result.noop };
  },
});

export const bulkMoveLeadsAction = defineAction({
  name: 'leads.bulkUpdateStatus',
  permission: 'leads.updateStatus',
  schema: z.object({ leadIds: z.array(leadId).min(1).max(100), to: z.enum(LEAD_STATUSES), lost: lostInput }),
  handler: async (input, { db, session, actor }) => bulkMoveLeads(db, leadsDeps(session), actor, { leadIds: input.leadIds, to: input.to, lost: lostOf(input.lost) }),
});

export const addLeadActionAction = defineAction({
  name: 'leads.addAction',
  permission: 'leads.edit',
  schema: ActionFormSchema,
  handler: async (input, { db, session, actor }) => addAction(db, leadsDeps(session), actor, input),
});

export const editLeadActionAction = defineAction({
  name: 'leads.editAction',
  permission: 'leads.edit',
  schema: ActionFormSchema.extend({ actionId: z.string().trim().min(1).max(64) }),
  handler: async (input, { db, session, actor }) => editAction(db, leadsDeps(session), actor, input),
});

export const recordNpsAction = defineAction({
  name: 'leads.recordNps',
  permission: 'leads.edit',
  schema: z.object({
    leadId,
    // No sentence of its own: the validation map says it in the person's language.
    score: z.number().int().min(1).max(10),
    comment: z.string().trim().max(1000).optional(),
  }),
  handler: async (input, { db, session, actor }) => {
    await recordNps(db, leadsDeps(session), actor, input);
    return { ok: true };
  },
});

const catalogueId = z.string().trim().max(64).optional();

/** Adds what Footprints' list needs (store, offer category, offer, consultant) to a captured lead. */
export const completeLeadAction = defineAction({
  name: 'leads.complete',
  permission: 'leads.edit',
  schema: z.object({ leadId, locationId: catalogueId, offerCategoryId: catalogueId, offerId: catalogueId, consultantId: catalogueId }),
  handler: async (input, { db, session, actor }) => ({ lead: await completeLead(db, leadsDeps(session), actor, input) }),
});
