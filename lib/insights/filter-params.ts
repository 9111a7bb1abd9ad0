/**
 * The insights filters' URL side, without zod: the filter bar builds the URL in the browser and zod is not in
 * the page's first load (issue 10, point 6). ./filters.ts re-exports this and holds the schema.
 */
export const DIMENSION_KEYS = ['location', 'category', 'offer', 'consultant', 'channel'] as const;
export type DimensionKey = (typeof DIMENSION_KEYS)[number];

export interface InsightsFilters {
  from: string;
  to: string;
  location?: string;
  category?: string;
  offer?: string;
  consultant?: string;
  channel?: string;
}

/** The URL query of a view (empty dimensions left out). */
export function insightsFiltersToParams(filters: InsightsFilters): URLSearchParams {
  const qs = new URLSearchParams();
  qs.set('from', filters.from);
  qs.set('to', filters.to);
  for (const key of DIMENSION_KEYS) {
    const v = filters[key];
    if (v) qs.set(key, v);
  }
  return qs;
}
