/**
 * The pipeline's filters, as they live in the URL (so a view can be shared) and as the query action takes
 * them. The URL side is zod-free in ./filter-params.ts (the browser reads it; re-exported here); this file
 * adds the action's schema, which accepts exactly what checkPipelineFilters does.
 */
import { z } from 'zod';
import { LEAD_STATUSES } from '@/lib/vendors/footprints/lead-statuses';
import { ID_FILTER_MAX, PAGE_MAX, PIPELINE_SORTS, SEARCH_MAX, type PipelineFilters } from './filter-params';

export * from './filter-params';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date (YYYY-MM-DD)');
const idFilter = z.string().trim().max(ID_FILTER_MAX).optional();

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
    q: z.string().trim().max(SEARCH_MAX).optional(),
    sort: z.enum(PIPELINE_SORTS).default('created'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    page: z.number().int().min(1).max(PAGE_MAX).default(1),
  })
  .refine((f) => f.from <= f.to, { message: 'The start date is after the end date', path: ['to'] });
// The hand-written type and the schema's output are the same type (a compile error otherwise).
const sameType: [PipelineFilters, z.output<typeof PipelineFiltersSchema>] extends [z.output<typeof PipelineFiltersSchema>, PipelineFilters] ? true : false = true;
void sameType;
