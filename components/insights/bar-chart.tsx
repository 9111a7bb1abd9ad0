'use client';

/**
 * The one chart of the insights page (recharts 3, loaded only here through ./chart.tsx). Values show on
 * hover and, with the accessibility layer, on keyboard focus (Tab to the chart, then the arrow keys).
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartProps } from './chart';
import { SERIES_COLOURS } from './palette';

export default function InsightsBarChart({ data, series, xLabel, yLabel, layout = 'columns' }: ChartProps) {
  const horizontal = layout === 'rows';
  return (
    <div className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 16, bottom: 32, left: horizontal ? 96 : 16 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} label={{ value: yLabel, position: 'insideBottom', offset: -16 }} />
              <YAxis type="category" dataKey="label" width={120} label={{ value: xLabel, angle: -90, position: 'insideLeft', offset: -88 }} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" label={{ value: xLabel, position: 'insideBottom', offset: -16 }} />
              <YAxis allowDecimals={series.some((s) => s.decimals)} label={{ value: yLabel, angle: -90, position: 'insideLeft' }} />
            </>
          )}
          <Tooltip />
          {series.length > 1 ? <Legend verticalAlign="top" /> : null}
          {series.map((s, k) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={SERIES_COLOURS[k % SERIES_COLOURS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
