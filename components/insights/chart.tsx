'use client';

import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';

export interface ChartSeries {
  key: string;
  name: string;
  decimals?: boolean;
}

export interface ChartProps {
  data: Record<string, string | number | null>[];
  series: ChartSeries[];
  xLabel: string;
  yLabel: string;
  /** 'rows' draws horizontal bars (long category names). */
  layout?: 'columns' | 'rows';
}

const placeholder = <div className="h-72 w-full animate-pulse rounded-lg bg-slate-100" aria-hidden="true" data-testid="chart-pending" />;

// The chart (visx, ~20 KiB compressed) is fetched only by pages that draw one (today: /insights), and only once
// a chart scrolls into view: hostess pages never load it (issue 10, point 6; issue 15).
const LazyBarChart = dynamic(() => import('./bar-chart'), { ssr: false, loading: () => placeholder });

/** True once the element has been on screen (and from then on); at once where IntersectionObserver is missing. */
function useSeen<T extends Element>() {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    if (typeof IntersectionObserver === 'undefined') {
      const t = setTimeout(() => setSeen(true));
      return () => clearTimeout(t);
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setSeen(true);
        observer.disconnect();
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [seen]);
  return [ref, seen] as const;
}

/** A chart; its numbers are also in the table beside it, which is what screen readers read. */
export function Chart(props: ChartProps & { title: string }) {
  const { title, ...chart } = props;
  const t = useTranslations('insights.charts');
  const [ref, seen] = useSeen<HTMLElement>();
  return (
    <figure ref={ref} className="m-0" data-testid="insights-chart">
      <figcaption className="text-base font-semibold text-slate-900">
        {title}
        <span className="sr-only">{t('srNote')}</span>
      </figcaption>
      {!chart.data.length ? <p className="py-6 text-base text-slate-700">{t('empty')}</p> : seen ? <LazyBarChart {...chart} /> : placeholder}
    </figure>
  );
}
