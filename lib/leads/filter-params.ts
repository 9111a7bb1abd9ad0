/**
 * The pipeline's filters as they live in the URL (so a view can be shared), without zod: the board and the
 * table read them in the browser on every navigation, and zod is not in their first load (issue 10,
 * point 6). ./filters.ts re-exports all of this and holds the action's zod schema, PipelineFiltersSchema;
 * checkPipelineFilters accepts and rejects exactly what that schema does (lib/leads/filter-params.test.ts).
 */
import { addDaysIso, todayInZone } from '@/lib/dates';
import { LEAD_STATUSES, type LeadStatus } from '@/lib/vendors/footprints/lead-statuses';

export const PIPELINE_SORTS = ['created', 'name', 'status', 'value', 'offer', 'consultant'] as const;
export type PipelineSort = (typeof PIPELINE_SORTS)[number];
export const PIPELINE_VIEWS = ['board', 'table'] as const;
export type PipelineView = (typeof PIPELINE_VIEWS)[number];
export const DEFAULT_RANGE_DAYS = 30;
export const TABLE_PAGE_SIZE = 50;
export const BOARD_CARDS_PER_COLUMN = 40;

export const ID_FILTERS = ['location', 'category', 'offer', 'consultant', 'channel'] as const;
export const ID_FILTER_MAX = 64;
export const SEARCH_MAX = 100;
export const PAGE_MAX = 10_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface PipelineFilters {
  from: string;
  to: string;
  status?: LeadStatus;
  location?: string;
  category?: string;
  offer?: string;
  consultant?: string;
  channel?: string;
  q?: string;
  sort: PipelineSort;
  dir: 'asc' | 'desc';
  page: number;
}

/** What the URL reader hands the check: the defaults of sort, dir and page may be left out. */
export type PipelineFiltersInput = Omit<PipelineFilters, 'sort' | 'dir' | 'page'> & { sort?: PipelineSort; dir?: 'asc' | 'desc'; page?: number };

/** The filters with their defaults and trimmed text, or null when PipelineFiltersSchema would refuse them. */
export function checkPipelineFilters(input: PipelineFiltersInput): PipelineFilters | null {
  if (typeof input.from !== 'string' || typeof input.to !== 'string' || !DAY.test(input.from) || !DAY.test(input.to)) return null;
  if (input.status !== undefined && !(LEAD_STATUSES as readonly unknown[]).includes(input.status)) return null;
  const out: PipelineFilters = { from: input.from, to: input.to, status: input.status, sort: 'created', dir: 'desc', page: 1 };
  for (const key of ID_FILTERS) {
    const v = input[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.trim().length > ID_FILTER_MAX) return null;
    out[key] = v.trim();
  }
  if (input.q !== undefined) {
    if (typeof input.q !== 'string' || input.q.trim().length > SEARCH_MAX) return null;
    out.q = input.q.trim();
  }
  if (input.sort !== undefined) {
    if (!(PIPELINE_SORTS as readonly unknown[]).includes(input.sort)) return null;
    out.sort = input.sort;
  }
  if (input.dir !== undefined) {
    if (input.dir !== 'asc' && input.dir !== 'desc') return null;
    out.dir = input.dir;
  }
  if (input.page !== undefined) {
    if (typeof input.page !== 'number' || !Number.isInteger(input.page) || input.page < 1 || input.page > PAGE_MAX) return null;
    out.page = input.page;
  }
  // The schema's refinement: the start is not after the end.
  if (out.from > out.to) return null;
  return out;
}

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
  const checked = checkPipelineFilters(candidate);
  if (checked) return checked;
  const fallback = checkPipelineFilters({ ...candidate, ...range, page: 1, q: candidate.q?.slice(0, 100) });
  if (!fallback) throw new Error('Invalid pipeline filters');
  return fallback;
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
