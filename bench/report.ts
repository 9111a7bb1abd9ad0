/**
 * Benchmark reporting: prints a table and merges the rows into bench-results/latest.json (and a dated copy).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  /** The issue's bound, when it has one, e.g. "≤ 60 ms over vendor latency". */
  target?: string;
  /** Whether the bound holds; a timing bound is reported, never asserted. */
  meets?: boolean;
  /**
   * A correctness figure (e.g. "1,000 leads, none doubled", "drained before the deadline"), not a timing:
   * when `meets` is false the bench run fails, after the table is printed.
   */
  correctness?: boolean;
  note?: string;
}

const OUT_DIR = path.resolve(process.cwd(), 'bench-results');

export function reportBench(suite: string, rows: BenchRow[]): void {
  const lines = [
    `\n== ${suite} ==`,
    ...rows.map((r) => {
      const verdict = r.meets === undefined ? '' : r.meets ? '  [meets target]' : '  [MISSES target]';
      return `  ${r.metric.padEnd(58)} ${String(Math.round(r.value * 100) / 100).padStart(10)} ${r.unit.padEnd(6)}${r.target ? ` target ${r.target}` : ''}${verdict}${r.note ? `  (${r.note})` : ''}`;
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, 'latest.json');
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    /* first suite */
  }
  all[suite] = { at: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, rows };
  writeFileSync(file, JSON.stringify(all, null, 2));
  writeFileSync(path.join(OUT_DIR, `${suite.replace(/[^a-z0-9-]+/gi, '-')}.json`), JSON.stringify(all[suite], null, 2));
  const wrong = rows.filter((r) => r.correctness && r.meets !== true);
  if (wrong.length) throw new Error(`${suite}: correctness figure(s) wrong: ${wrong.map((r) => `${r.metric} = ${r.value} (want ${r.target ?? 'true'})`).join('; ')}`);
}

/** Percentile of a sample (nearest-rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
