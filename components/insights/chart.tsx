'use client';

import dynamic from 'next/dynamic';

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

// recharts is fetched only by pages that draw a chart (today: /insights), after the page's own code.
const LazyBarChart = dynamic(() => import('./bar-chart'), {
  ssr: false,
  loading: () => <div className="h-72 w-full animate-pulse rounded-lg bg-slate-100" aria-hidden="true" />,
});

/** A chart; its numbers are also in the table beside it, which is what screen readers read. */
export function Chart(props: ChartProps & { title: string }) {
  const { title, ...chart } = props;
  return (
    <figure className="m-0" data-testid="insights-chart">
      <figcaption className="sr-only">{title} (chart; the same numbers are in the table below)</figcaption>
      {chart.data.length ? <LazyBarChart {...chart} /> : <p className="py-6 text-base text-slate-700">Nothing to chart in this period.</p>}
    </figure>
  );
}
