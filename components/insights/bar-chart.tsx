'use client';

/**
 * The one chart of the insights page, drawn with visx's small modules (@visx/scale, @visx/axis, @visx/shape,
 * @visx/group: SVG from React, ~20 KiB compressed; recharts 3 was ~120 KiB and kept /insights over its
 * 180 KiB budget, issue 10 point 6). Loaded only here, through ./chart.tsx. Values show on hover and on
 * keyboard focus: Tab to the chart, then the arrow keys (Home/End: first/last, Escape hides).
 */
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useConsoleLocale } from '@/components/i18n/use-console-locale';
import { formatNumber } from '@/lib/i18n/format';
import type { ChartProps } from './chart';
import { SERIES_COLOURS } from './palette';

const HEIGHT = 288;
const AXIS_COLOUR = '#334155';
const LABEL_PROPS = { fill: AXIS_COLOUR, fontSize: 13, textAnchor: 'middle' } as const;
const TICK_PROPS = { fill: AXIS_COLOUR, fontSize: 12 } as const;

/** The container's width, followed as it changes (no width yet: nothing drawn). */
function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}


/** At most `room` of the category labels, evenly spread (every label when they fit). */
function spreadTicks(labels: string[], room: number): string[] {
  const step = Math.max(1, Math.ceil(labels.length / Math.max(1, room)));
  return labels.filter((_, k) => k % step === 0);
}

export default function InsightsBarChart({ data, series, xLabel, yLabel, layout = 'columns' }: ChartProps) {
  const horizontal = layout === 'rows';
  const t = useTranslations('insights.charts');
  const locale = useConsoleLocale();
  const valueText = (v: string | number | null | undefined) => (typeof v === 'number' ? formatNumber(v, locale, 1) : '–');
  const valueTick = (v: number | { valueOf(): number }) => formatNumber(Number(v), locale, 1);
  const [boxRef, width] = useWidth<HTMLDivElement>();
  const [active, setActive] = useState<number | null>(null);

  const margin = horizontal ? { top: 8, right: 16, bottom: 48, left: 176 } : { top: 8, right: 16, bottom: 48, left: 64 };
  const innerWidth = Math.max(0, width - margin.left - margin.right);
  const innerHeight = HEIGHT - margin.top - margin.bottom;
  const labels = data.map((d) => String(d.label));
  const max = Math.max(0, ...data.flatMap((d) => series.map((s) => (typeof d[s.key] === 'number' ? (d[s.key] as number) : 0))));
  const decimals = series.some((s) => s.decimals);

  const category = scaleBand<string>({ domain: labels, range: horizontal ? [0, innerHeight] : [0, innerWidth], padding: 0.2 });
  const inner = scaleBand<string>({ domain: series.map((s) => s.key), range: [0, category.bandwidth()], padding: 0.05 });
  const value = scaleLinear<number>({ domain: [0, max || 1], range: horizontal ? [0, innerWidth] : [innerHeight, 0], nice: true });
  const valueTicks = value.ticks(5).filter((t) => decimals || Number.isInteger(t));

  const onKeyDown = (e: KeyboardEvent) => {
    const last = data.length - 1;
    const from = active ?? -1;
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown' ? Math.min(last, from + 1)
      : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? Math.max(0, from - 1)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : undefined;
    if (e.key === 'Escape') return setActive(null);
    if (next === undefined) return;
    e.preventDefault();
    setActive(next);
  };

  const shown = active !== null ? data[active] : undefined;
  const bandStart = active !== null ? (category(labels[active]) ?? 0) : 0;
  // The tooltip sits beside the active category, inside the chart's box.
  const tooltipStyle = horizontal
    ? { left: margin.left + 8, top: Math.min(HEIGHT - 72, margin.top + bandStart + category.bandwidth()) }
    : { left: Math.min(Math.max(0, width - 200), margin.left + bandStart + category.bandwidth() / 2), top: margin.top };

  return (
    <div className="w-full">
      {series.length > 1 ? (
        <ul className="flex flex-wrap justify-center gap-4 text-sm text-slate-800" data-testid="chart-legend">
          {series.map((s, k) => (
            <li key={s.key} className="flex items-center gap-1">
              <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ background: SERIES_COLOURS[k % SERIES_COLOURS.length] }} />
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      <div ref={boxRef} className="relative h-72 w-full" onMouseLeave={() => setActive(null)}>
        {width > 0 ? (
          <svg
            width={width}
            height={HEIGHT}
            tabIndex={0}
            role="img"
            aria-label={t('aria', { y: yLabel, x: xLabel.toLowerCase() })}
            className="insights-chart-svg rounded focus-visible:outline-2 focus-visible:outline-blue-700"
            data-testid="chart-svg"
            onKeyDown={onKeyDown}
            onFocus={() => setActive((a) => a ?? 0)}
            onBlur={() => setActive(null)}
          >
            <Group left={margin.left} top={margin.top}>
              {valueTicks.map((t) =>
                horizontal ? (
                  <line key={t} x1={value(t)} x2={value(t)} y1={0} y2={innerHeight} stroke="#cbd5e1" strokeDasharray="3 3" />
                ) : (
                  <line key={t} x1={0} x2={innerWidth} y1={value(t)} y2={value(t)} stroke="#cbd5e1" strokeDasharray="3 3" />
                ),
              )}
              {data.map((d, k) => {
                const start = category(labels[k]) ?? 0;
                return (
                  <g key={k} onMouseEnter={() => setActive(k)} data-testid="chart-category">
                    {/* the whole band answers the pointer, not only the bars */}
                    <rect
                      x={horizontal ? 0 : start}
                      y={horizontal ? start : 0}
                      width={horizontal ? innerWidth : category.bandwidth()}
                      height={horizontal ? category.bandwidth() : innerHeight}
                      fill={active === k ? '#f1f5f9' : 'transparent'}
                    />
                    {series.map((s, j) => {
                      const v = typeof d[s.key] === 'number' ? (d[s.key] as number) : 0;
                      const offset = start + (inner(s.key) ?? 0);
                      const fill = SERIES_COLOURS[j % SERIES_COLOURS.length];
                      return horizontal ? (
                        <Bar key={s.key} x={0} y={offset} width={value(v)} height={inner.bandwidth()} fill={fill} />
                      ) : (
                        <Bar key={s.key} x={offset} y={value(v)} width={inner.bandwidth()} height={innerHeight - value(v)} fill={fill} />
                      );
                    })}
                  </g>
                );
              })}
              {horizontal ? (
                <>
                  <AxisLeft scale={category} label={xLabel} labelOffset={150} labelProps={LABEL_PROPS} stroke={AXIS_COLOUR} tickStroke={AXIS_COLOUR} tickLabelProps={{ ...TICK_PROPS, width: 150 }} />
                  <AxisBottom top={innerHeight} scale={value} tickValues={valueTicks} tickFormat={valueTick} label={yLabel} labelOffset={14} labelProps={LABEL_PROPS} stroke={AXIS_COLOUR} tickStroke={AXIS_COLOUR} tickLabelProps={TICK_PROPS} />
                </>
              ) : (
                <>
                  <AxisBottom
                    top={innerHeight}
                    scale={category}
                    tickValues={spreadTicks(labels, Math.floor(innerWidth / 72))}
                    label={xLabel}
                    labelOffset={14}
                    labelProps={LABEL_PROPS}
                    stroke={AXIS_COLOUR}
                    tickStroke={AXIS_COLOUR}
                    tickLabelProps={TICK_PROPS}
                  />
                  <AxisLeft scale={value} tickValues={valueTicks} tickFormat={valueTick} label={yLabel} labelOffset={36} labelProps={LABEL_PROPS} stroke={AXIS_COLOUR} tickStroke={AXIS_COLOUR} tickLabelProps={TICK_PROPS} />
                </>
              )}
            </Group>
          </svg>
        ) : null}
        {shown ? (
          <div className="pointer-events-none absolute z-10 min-w-40 rounded-md border border-slate-300 bg-white p-2 text-sm shadow" style={tooltipStyle} data-testid="chart-tooltip">
            <p className="font-semibold">{String(shown.label)}</p>
            <ul>
              {series.map((s, j) => (
                <li key={s.key} className="flex items-center gap-1">
                  <span aria-hidden="true" className="inline-block size-2.5 rounded-sm" style={{ background: SERIES_COLOURS[j % SERIES_COLOURS.length] }} />
                  {s.name}: <span className="tabular-nums">{valueText(shown[s.key])}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}
