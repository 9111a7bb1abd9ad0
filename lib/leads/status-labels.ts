/**
 * The pipeline's status words and what a move asks for (lib/leads/status-rules.ts re-exports all of it):
 * without zod, so the board, the table and the detail page's status panel read them without shipping zod
 * (issue 10, point 6). The rule itself, with its schemas, stays in ./status-rules.ts.
 */
import { LEAD_STATUSES, LOST_REASONS, type LeadStatus, type LostReason } from '@/lib/vendors/footprints/lead-statuses';

export { LEAD_STATUSES, LOST_REASONS, type LeadStatus, type LostReason };

export const STATUS_LABELS: Record<LeadStatus, string> = {
  prospect: 'Prospect',
  lead: 'Lead',
  sale_lead: 'Sale lead',
  opportunity: 'Opportunity',
  customer: 'Customer',
  lost: 'Lost',
};

export const LOST_REASON_LABELS: Record<LostReason, string> = {
  poor_qualification: 'Poor qualification',
  need: 'No need',
  wrong_time: 'Wrong time',
  price_too_high: 'Price too high',
  lost_momentum: 'Lost momentum',
  competition: 'Went to a competitor',
  abandoned: 'Abandoned',
  feature: 'Missing feature',
  other: 'Other',
};

/** What a move to `to` asks for besides the status itself. */
export type MoveRequirement = 'contract' | 'lostReason' | 'none';

export function requirementFor(to: LeadStatus): MoveRequirement {
  if (to === 'customer') return 'contract';
  if (to === 'lost') return 'lostReason';
  return 'none';
}
