'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { filtersFromParams, filtersToParams, viewFromParams, type PipelineFilters, type PipelineView } from '@/lib/leads/filter-params';

/** The query string that identifies what a view shows (the view itself aside: board and table share data). */
export const filtersKey = (filters: PipelineFilters) => filtersToParams(filters, 'board').toString();

/**
 * The pipeline's view, filters, sort and page live in the URL and only there: every change is a navigation
 * through the Next router, so Back, Forward and reload show exactly what was shown.
 */
export function usePipelineUrl(timeZone: string) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const query = params.toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(query), new Date(), timeZone), [query, timeZone]);
  const view = useMemo(() => viewFromParams(new URLSearchParams(query)), [query]);
  const navigate = useCallback(
    (next: PipelineFilters, nextView: PipelineView, how: 'push' | 'replace' = 'push') => {
      const url = `${pathname}?${filtersToParams(next, nextView).toString()}`;
      if (how === 'replace') router.replace(url, { scroll: false });
      else router.push(url, { scroll: false });
    },
    [router, pathname],
  );
  return { filters, view, navigate };
}
