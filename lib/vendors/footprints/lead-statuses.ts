/**
 * The lead statuses and lost reasons Footprints knows, as plain constants (no zod): the pipeline's browser
 * code reads them without shipping zod and the vendor schemas (issue 10, point 6); ./schemas.ts builds its
 * enums from them and re-exports them.
 */
export const LEAD_STATUSES = ['prospect', 'lead', 'sale_lead', 'opportunity', 'customer', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** The nine reasons "Update Lost Lead" accepts. */
export const LOST_REASONS = [
  'poor_qualification',
  'need',
  'wrong_time',
  'price_too_high',
  'lost_momentum',
  'competition',
  'abandoned',
  'feature',
  'other',
] as const;
export type LostReason = (typeof LOST_REASONS)[number];
