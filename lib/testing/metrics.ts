/** Test support: one series' current value in this process's registry (0 when it has no sample yet). */
import { metrics } from '@/lib/metrics';

export async function metricValue(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = metrics().registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const data = await metric.get();
  const match = data.values.find((v) => Object.entries(labels).every(([k, val]) => String(v.labels[k]) === val));
  return match?.value ?? 0;
}

export type SeriesSet = Record<string, readonly [string, Record<string, string>]>;

/** The current value of each named series. */
export async function readSeries(series: SeriesSet): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [key, [name, labels]] of Object.entries(series)) out[key] = await metricValue(name, labels);
  return out;
}

/** How much each series moved since `before` (a readSeries of the same set). */
export async function seriesMoved(series: SeriesSet, before: Record<string, number>): Promise<Record<string, number>> {
  const now = await readSeries(series);
  return Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - (before[k] ?? 0)]));
}
