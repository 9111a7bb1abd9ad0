/**
 * The pipeline's statuses and what a move asks for (lib/leads/status-rules.ts re-exports all of it):
 * their words are in messages/<locale>.json (leads.statuses, leads.lostReasons). Without zod, so the board, the table and the detail page's status panel read them without shipping zod
 * (issue 10, point 6). The rule itself, with its schemas, stays in ./status-rules.ts.
 */
import { LEAD_STATUSES, LOST_REASONS, type LeadStatus, type LostReason } from '@/lib/vendors/footprints/lead-statuses';

export { LEAD_STATUSES, LOST_REASONS, type LeadStatus, type LostReason };

/** What a move to `to` asks for besides the status itself. */
export type MoveRequirement = 'contract' | 'lostReason' | 'none';

export function requirementFor(to: LeadStatus): MoveRequirement {
  if (to === 'customer') return 'contract';
  if (to === 'lost') return 'lostReason';
  return 'none';
}
