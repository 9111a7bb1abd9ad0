/**
 * The insights page's filters, as they live in the URL (so a view can be shared) and as the CSV action takes
 * them: the pipeline's period and dimensions, without its sort, search and paging. Pure: browser and server
 * read the same schema.
 */
import { z } from 'zod';
import { addDaysIso } from '@/lib/dates';
import { defaultRange } from '@/lib/leads/filter-params';
import { DIMENSION_KEYS, type InsightsFilters } from './filter-params';

export * from './filter-params';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date (YYYY-MM-DD)');
const idFilter = z.string().trim().min(1).max(64).optional();

/** At most a year and a bit: the comparison period doubles the span read. */
export const MAX_PERIOD_DAYS = 400;

export const InsightsFiltersSchema = z
  .object({
    from: day,
    to: day,
    location: idFilter,
    category: idFilter,
    offer: idFilter,
    consultant: idFilter,
    channel: idFilter,
  })
  .refine((f) => f.from <= f.to, { message: 'The start date is after the end date', path: ['to'] })
  .refine((f) => periodDays(f) <= MAX_PERIOD_DAYS, { message: `At most ${MAX_PERIOD_DAYS} days`, path: ['from'] });
// The hand-written type (./filter-params.ts) and the schema's output are the same type (a compile error otherwise).
const sameType: [InsightsFilters, z.output<typeof InsightsFiltersSchema>] extends [z.output<typeof InsightsFiltersSchema>, InsightsFilters] ? true : false = true;
void sameType;

function dayNumber(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Days in the period, both ends counted. */
export function periodDays(f: { from: string; to: string }): number {
  return dayNumber(f.to) - dayNumber(f.from) + 1;
}

/** The period of the same length that ends the day before this one starts. */
export function previousPeriod(f: { from: string; to: string }): { from: string; to: string } {
  const days = periodDays(f);
  return { from: addDaysIso(f.from, -days), to: addDaysIso(f.from, -1) };
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function get(params: Params, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim() ? s.trim() : undefined;
}

/** Filters from the URL; an unreadable period falls back to the last 30 days rather than failing the page. */
export function insightsFiltersFromParams(params: Params, now: Date, timeZone: string): InsightsFilters {
  const range = defaultRange(now, timeZone);
  const candidate = {
    from: get(params, 'from') ?? range.from,
    to: get(params, 'to') ?? range.to,
    ...Object.fromEntries(DIMENSION_KEYS.map((k) => [k, get(params, k)?.slice(0, 64)])),
  };
  const parsed = InsightsFiltersSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  return InsightsFiltersSchema.parse({ ...candidate, ...range });
}
