/**
 * The pipeline's filters, as they live in the URL (so a view can be shared) and as the query action takes
 * them. Pure: the browser and the server read the same schema.
 */
import { z } from 'zod';
import { addDaysIso, todayInZone } from '@/lib/dates';
import { LEAD_STATUSES, type LeadStatus } from '@/lib/vendors/footprints/schemas';

export const PIPELINE_SORTS = ['created', 'name', 'status', 'value', 'offer', 'consultant'] as const;
export type PipelineSort = (typeof PIPELINE_SORTS)[number];
export const PIPELINE_VIEWS = ['board', 'table'] as const;
export type PipelineView = (typeof PIPELINE_VIEWS)[number];
export const DEFAULT_RANGE_DAYS = 30;
export const TABLE_PAGE_SIZE = 50;
export const BOARD_CARDS_PER_COLUMN = 40;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date (YYYY-MM-DD)');
const idFilter = z.string().trim().max(64).optional();

export const PipelineFiltersSchema = z
  .object({
    from: day,
    to: day,
    status: z.enum(LEAD_STATUSES).optional(),
    location: idFilter,
    category: idFilter,
    offer: idFilter,
    consultant: idFilter,
    channel: idFilter,
    q: z.string().trim().max(100).optional(),
    sort: z.enum(PIPELINE_SORTS).default('created'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    page: z.number().int().min(1).max(10_000).default(1),
  })
  .refine((f) => f.from <= f.to, { message: 'The start date is after the end date', path: ['to'] });
export type PipelineFilters = z.output<typeof PipelineFiltersSchema>;

/** The last 30 days, today included, in the store's zone. */
export function defaultRange(now: Date, timeZone: string): { from: string; to: string } {
  const to = todayInZone(timeZone, now);
  return { from: addDaysIso(to, -(DEFAULT_RANGE_DAYS - 1)), to };
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function get(params: Params, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim() ? s.trim() : undefined;
}

/** Filters from the URL; anything unreadable falls back to its default rather than failing the page. */
export function filtersFromParams(params: Params, now: Date, timeZone: string): PipelineFilters {
  const range = defaultRange(now, timeZone);
  const status = get(params, 'status');
  const sort = get(params, 'sort');
  const candidate = {
    from: get(params, 'from') ?? range.from,
    to: get(params, 'to') ?? range.to,
    status: status && (LEAD_STATUSES as readonly string[]).includes(status) ? (status as LeadStatus) : undefined,
    location: get(params, 'location'),
    category: get(params, 'category'),
    offer: get(params, 'offer'),
    consultant: get(params, 'consultant'),
    channel: get(params, 'channel'),
    q: get(params, 'q'),
    sort: sort && (PIPELINE_SORTS as readonly string[]).includes(sort) ? (sort as PipelineSort) : undefined,
    dir: get(params, 'dir') === 'asc' ? ('asc' as const) : get(params, 'dir') === 'desc' ? ('desc' as const) : undefined,
    page: Number.parseInt(get(params, 'page') ?? '1', 10) || 1,
  };
  const parsed = PipelineFiltersSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  return PipelineFiltersSchema.parse({ ...candidate, ...range, page: 1, q: candidate.q?.slice(0, 100) });
}

export function viewFromParams(params: Params): PipelineView {
  return get(params, 'view') === 'table' ? 'table' : 'board';
}

/** The URL query of a view (defaults left out, so shared links stay short). */
export function filtersToParams(filters: PipelineFilters, view: PipelineView): URLSearchParams {
  const qs = new URLSearchParams();
  qs.set('from', filters.from);
  qs.set('to', filters.to);
  for (const key of ['status', 'location', 'category', 'offer', 'consultant', 'channel', 'q'] as const) {
    const v = filters[key];
    if (v) qs.set(key, v);
  }
  if (view === 'table') qs.set('view', 'table');
  if (filters.sort !== 'created') qs.set('sort', filters.sort);
  if (filters.dir !== 'desc') qs.set('dir', filters.dir);
  if (filters.page > 1) qs.set('page', String(filters.page));
  return qs;
}
