/**
 * Insights benchmark (issue 15): server time of every insights query together (what one page view runs,
 * previous period included) and of the store-filtered view, p50/p95, at 5,000 and 50,000 leads generated
 * directly in the database (history, NPS, captures and loyalty audit rows alongside), on PGlite and — with
 * TEST_DATABASE_URL — on PostgreSQL; the bound is p95 < 300 ms at 50,000.
 * Also the first-load JavaScript of /insights, /capture and /loyalty from the production build (gzip), and
 * whether any chunk of the hostess pages carries the chart (visx). Reported, never asserted.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb, type DbEngine, type DbHandle } from '@/lib/db';
import { dropSchema, freshSchemaName, openTestDb, testEngines, testPostgresUrl } from '@/lib/db/testing';
import { computeInsights } from '@/lib/insights/queries';
import { defaultRange } from '@/lib/leads/filters';
import { generateInsightsData } from './insights-data';
import { percentile, reportBench, type BenchRow } from './report';

const ZONE = 'Europe/Bucharest';
const RUNS = 10;

/** CPU seconds a process has used so far (user + system), from /proc; null where /proc cannot say. */
function processCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the stat line (12 and 13 after the command), in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

interface Timing {
  /** Wall-clock ms per page view. */
  wall: number[];
  /**
   * Mean CPU ms per page view of the console process and, on PostgreSQL, of its one database backend: what the
   * view costs on an idle machine, whatever else this (shared, noisy) machine is doing meanwhile. Null when the
   * backend's CPU cannot be read (a server on another machine).
   */
  cpu: number | null;
}

async function time(t: DbHandle, filters: Parameters<typeof computeInsights>[1], backend: number | 'in-process' | null): Promise<Timing> {
  const backendPid = typeof backend === 'number' ? backend : null;
  for (let i = 0; i < 3; i++) await computeInsights(t.db, filters, ZONE, new Date()); // warm-up
  const wall: number[] = [];
  const cpu0 = process.cpuUsage();
  const backend0 = backendPid === null ? 0 : processCpuSeconds(backendPid);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await computeInsights(t.db, filters, ZONE, new Date());
    wall.push(performance.now() - t0);
  }
  const own = process.cpuUsage(cpu0);
  const backend1 = backendPid === null ? 0 : processCpuSeconds(backendPid);
  const backendMs = backend0 === null || backend1 === null ? null : (backend1 - backend0) * 1000;
  if (backend === null || backendMs === null) return { wall, cpu: null };
  return { wall, cpu: ((own.user + own.system) / 1000 + backendMs) / RUNS };
}

/** A database for the bench: PGlite in memory, or a fresh PostgreSQL schema on ONE connection (so its backend's CPU can be read). */
async function openBenchDb(engine: DbEngine): Promise<{ handle: DbHandle; backendPid: number | null; pooled: (() => Promise<DbHandle>) | null; dispose: () => Promise<void> }> {
  if (engine === 'pglite') {
    const t = await openTestDb('pglite');
    return { handle: t, backendPid: null, pooled: null, dispose: () => t.dispose() };
  }
  const url = testPostgresUrl!;
  const pgSchema = freshSchemaName('bench');
  const handle = await createDb({ url, pgSchema, maxConnections: 1 });
  const result = (await handle.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
  const pid = Number(result.rows[0].pid);
  return {
    handle,
    backendPid: processCpuSeconds(pid) === null ? null : pid,
    // What the console opens: a pool, so a page view's statements run side by side.
    pooled: () => createDb({ url, pgSchema, maxConnections: 4 }),
    dispose: async () => {
      await handle.close();
      await dropSchema(url, pgSchema);
    },
  };
}

/** Gzip bytes of the client chunks a first load of a page fetches (its client reference manifest + the framework). */
function pageJs(route: string): { gzip: number; raw: number; files: number; chart: boolean } | null {
  const dist = path.resolve(process.cwd(), process.env.NEXT_DIST_DIR || '.next');
  const manifest = path.join(dist, 'server', 'app', '(console)', route, 'page_client-reference-manifest.js');
  if (!existsSync(manifest)) return null;
  const chunks = new Set<string>();
  const text = readFileSync(manifest, 'utf8');
  for (const m of text.matchAll(/"(?:\/_next\/)?(static\/chunks\/[^"]+\.js)"/g)) chunks.add(m[1]);
  const bm = JSON.parse(readFileSync(path.join(dist, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
  for (const f of bm.rootMainFiles ?? []) if (f.endsWith('.js')) chunks.add(f);
  let raw = 0;
  let gzip = 0;
  let chart = false;
  for (const c of chunks) {
    const file = path.join(dist, c);
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    const buf = readFileSync(file);
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
    // The chart's own class name (components/insights/bar-chart.tsx): present in any chunk that bundles it.
    if (buf.includes('insights-chart-svg')) chart = true;
  }
  return { gzip, raw, files: chunks.size, chart };
}

describe('insights', () => {
  it.each(testEngines)('queries at 5,000 and 50,000 leads on %s', async (engine) => {
    const rows: BenchRow[] = [];
    for (const n of [5_000, 50_000]) {
      const { handle, backendPid, pooled, dispose } = await openBenchDb(engine);
      try {
        const t0 = performance.now();
        await generateInsightsData(handle, n);
        const seeded = performance.now() - t0;
        const range = defaultRange(new Date(), ZONE);
        const quarter = { from: defaultRange(new Date(Date.now() - 60 * 86_400_000), ZONE).from, to: range.to };
        for (const [label, filters] of [
          ['last 30 days, all stores', range],
          ['last 90 days, one store', { ...quarter, location: 'loc3' }],
        ] as const) {
          const { wall, cpu } = await time(handle, filters, engine === 'pglite' ? 'in-process' : backendPid);
          const p95 = percentile(wall, 95);
          rows.push({ metric: `${n} leads, ${label}: all cards, p50`, value: percentile(wall, 50), unit: 'ms' });
          rows.push({
            metric: `${n} leads, ${label}: all cards, p95`,
            value: p95,
            unit: 'ms',
            ...(n === 50_000 ? { target: '< 300 ms', meets: p95 < 300 } : {}),
            note: `${RUNS} runs, previous period included; data generated in ${(seeded / 1000).toFixed(1)} s; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
          });
          if (pooled) {
            const pool = await pooled();
            try {
              const { wall: poolWall } = await time(pool, filters, null);
              const poolP95 = percentile(poolWall, 95);
              rows.push({ metric: `${n} leads, ${label}: all cards on a pool of 4, p50`, value: percentile(poolWall, 50), unit: 'ms' });
              rows.push({
                metric: `${n} leads, ${label}: all cards on a pool of 4, p95`,
                value: poolP95,
                unit: 'ms',
                ...(n === 50_000 ? { target: '< 300 ms', meets: poolP95 < 300 } : {}),
                note: `as the console runs it: the view's statements side by side; load average ${os.loadavg()[0].toFixed(1)}`,
              });
            } finally {
              await pool.close();
            }
          }
          if (cpu !== null) {
            rows.push({
              metric: `${n} leads, ${label}: all cards, CPU per view`,
              value: cpu,
              unit: 'ms',
              note: engine === 'pglite' ? 'the process (PGlite runs in it)' : 'the process + its PostgreSQL backend: the wall time of an idle machine',
            });
          }
        }
      } finally {
        await dispose();
      }
    }
    reportBench(`insights-${engine}`, rows);
  });

  it('first-load JavaScript of /insights, /capture and /loyalty', () => {
    const rows: BenchRow[] = [];
    for (const route of ['insights', 'capture', 'loyalty']) {
      const js = pageJs(route);
      rows.push(
        js
          ? { metric: `/${route} first-load JavaScript (gzip)`, value: js.gzip / 1024, unit: 'KiB', note: `${(js.raw / 1024).toFixed(0)} KiB raw, ${js.files} chunks, the chart ${js.chart ? 'IN' : 'not in'} the first load` }
          : { metric: `/${route} first-load JavaScript (gzip)`, value: Number.NaN, unit: 'KiB', note: 'no production build found: run npm run build first' },
      );
    }
    reportBench('insights-page-js', rows);
  });
});
