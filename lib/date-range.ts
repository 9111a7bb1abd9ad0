/**
 * A "from / to" pair of days typed in a filter (pipeline, audit trail): what is wrong with it, said beside
 * the field that is wrong, instead of a range quietly ignored. Pure (browser and server).
 */

import { isIsoDay } from '@/lib/dates';

export interface DayRangeInput {
  from: string | undefined;
  to: string | undefined;
}
export type DayRangeErrors = Partial<Record<'from' | 'to', string>>;


/**
 * Problems of a range. `required` says both days must be given (the pipeline's range always has both); when
 * it is false an empty day means "no bound" (the audit trail).
 */
export function dayRangeErrors(range: DayRangeInput, opts: { required: boolean }): DayRangeErrors {
  const errors: DayRangeErrors = {};
  const from = range.from?.trim() ?? '';
  const to = range.to?.trim() ?? '';
  if (!from && opts.required) errors.from = 'Enter the first day (a cleared date is not "any day")';
  else if (from && !isIsoDay(from)) errors.from = 'Enter a date, e.g. 2026-05-04';
  if (!to && opts.required) errors.to = 'Enter the last day (a cleared date is not "any day")';
  else if (to && !isIsoDay(to)) errors.to = 'Enter a date, e.g. 2026-05-04';
  if (!errors.from && !errors.to && from && to && from > to) errors.from = 'The first day is after the last day: swap them or change one';
  return errors;
}
