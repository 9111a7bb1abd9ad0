/**
 * Time in stage: how many days the captured leads of the period spent in each open status, from the status
 * history — each stay runs from entering a status to the next move (a window function over the lead's
 * events); only stays that ended before the period's end count. Median and 90th percentile per status
 * (percentile_cont, so both interpolate between stays).
 *
 * Leads to act on: leads matching the filters (whatever their creation date) whose current stay is already
 * longer than the 90th percentile of their status. The current stay starts at the read model's
 * status_changed_at (set by every move in the console and by the sync), or at capture when it is unknown.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import type { InsightsFilters } from './filters';
import { dimensionWhere, num, numOrNull, OPEN_STATUSES, queryEventParts, rowsOf, ts, type EventsPart, type Period } from './sql';

export type OpenStatus = (typeof OPEN_STATUSES)[number];

export interface StageTime {
  status: OpenStatus;
  /** Completed stays measured. */
  stays: number;
  medianDays: number | null;
  p90Days: number | null;
}

/** Completed stays per open status, from the lead events (CTEs shared by time in stage and the stale list). */
function stageCtes(): readonly (readonly [string, SQL])[] {
  const open = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(', '));
  return [
    [
      'stage_times',
      sql`select status, count(*)::int as stays,
    (percentile_cont(0.5) within group (order by extract(epoch from left_at - entered) / 86400.0))::float8 as median,
    (percentile_cont(0.9) within group (order by extract(epoch from left_at - entered) / 86400.0))::float8 as p90
  from stays
  where status in (${open})
  group by status`,
    ],
  ];
}

/** Time in stage as one card of a statement over the lead events (see `queryEventParts`). */
export function timeInStagePart(): EventsPart<StageTime[]> {
  return {
    ctes: stageCtes(),
    select: sql`select status, stays, median, p90 from stage_times`,
    many: true,
    parse: (value) => {
      const byStatus = new Map((value as { status: string; stays: number; median: number | null; p90: number | null }[]).map((r) => [r.status, r]));
      return OPEN_STATUSES.map((status) => {
        const r = byStatus.get(status);
        return { status, stays: num(r?.stays), medianDays: numOrNull(r?.median), p90Days: numOrNull(r?.p90) };
      });
    },
  };
}

export async function queryTimeInStage(db: Db, filters: InsightsFilters, period: Period): Promise<StageTime[]> {
  return (await queryEventParts(db, filters, period, { stages: timeInStagePart() })).stages;
}

export interface StaleLead {
  id: string;
  name: string;
  status: OpenStatus;
  /** Days in the current status. */
  days: number;
  p90Days: number;
}

export const STALE_LIST_LIMIT = 50;

type StaleRow = { id: string; first_name: string | null; last_name: string | null; status: string; days: number; p90: number; total: number };

/**
 * The stale list over a relation `limits(status, p90)`. Written so the database can answer from the index on
 * (status, coalesce(status_changed_at, vendor_created_at)): "days in stage > p90" is "since < now − p90 days";
 * per status the oldest stays first (at most the list's length each), then the count of all of them.
 */
function staleSelect(limits: SQL, filters: InsightsFilters, now: Date): SQL {
  const since = sql`coalesce(lr.status_changed_at, lr.vendor_created_at)`;
  const older = sql`${since} < ${ts(now)} - l.p90 * interval '1 second' * 86400`;
  return sql`select s.id, s.first_name, s.last_name, s.status, (extract(epoch from ${ts(now)} - s.since) / 86400.0)::float8 as days, s.p90,
    (select count(*)::int from ${limits} l join lead_records lr on lr.status = l.status where ${older} and ${dimensionWhere(filters)}) as total
  from ${limits} l cross join lateral (
    select lr.id, lr.first_name, lr.last_name, lr.status, ${since} as since, l.p90 from lead_records lr
    where lr.status = l.status and ${older} and ${dimensionWhere(filters)}
    order by ${since}, lr.id limit ${STALE_LIST_LIMIT}
  ) s
  order by s.since, s.id
  limit ${STALE_LIST_LIMIT}`;
}

function staleFrom(rows: readonly StaleRow[]): { total: number; leads: StaleLead[] } {
  return {
    total: num(rows[0]?.total),
    leads: rows.map((r) => ({
      id: r.id,
      name: [r.first_name, r.last_name].filter(Boolean).join(' ') || r.id,
      status: r.status as OpenStatus,
      days: num(r.days),
      p90Days: num(r.p90),
    })),
  };
}

/** The stale list as one card of a statement over the lead events, against the period's own 90th percentiles. */
export function staleLeadsPart(filters: InsightsFilters, now: Date): EventsPart<{ total: number; leads: StaleLead[] }> {
  return {
    ctes: [...stageCtes(), ['stage_limits', sql`select status, p90 from stage_times where p90 is not null`]],
    select: staleSelect(sql`stage_limits`, filters, now),
    many: true,
    parse: (value) => staleFrom(value as StaleRow[]),
  };
}

/** Leads matching the filters whose current stay is longer than their stage's 90th percentile in `stages`. */
export async function queryStaleLeads(db: Db, filters: InsightsFilters, stages: readonly StageTime[], now: Date): Promise<{ total: number; leads: StaleLead[] }> {
  const limits = stages.filter((s) => s.p90Days !== null);
  if (limits.length === 0) return { total: 0, leads: [] };
  const values = sql.join(
    limits.map((s) => sql`(${s.status}::text, ${s.p90Days}::float8)`),
    sql`, `,
  );
  const rows = await rowsOf<StaleRow>(db, sql`with limits(status, p90) as (values ${values}) ${staleSelect(sql`limits`, filters, now)}`);
  return staleFrom(rows);
}
