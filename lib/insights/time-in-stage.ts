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
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import type { InsightsFilters } from './filters';
import { dimensionWhere, leadEventsCtes, num, numOrNull, OPEN_STATUSES, rowsOf, ts, type Period } from './sql';

export type OpenStatus = (typeof OPEN_STATUSES)[number];

export interface StageTime {
  status: OpenStatus;
  /** Completed stays measured. */
  stays: number;
  medianDays: number | null;
  p90Days: number | null;
}

export async function queryTimeInStage(db: Db, filters: InsightsFilters, period: Period): Promise<StageTime[]> {
  const open = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(', '));
  const rows = await rowsOf<{ status: string; stays: number; median: number | null; p90: number | null }>(
    db,
    sql`with ${leadEventsCtes(filters, period)},
  stays as (
    select status, at as entered, lead(at) over (partition by lead_id order by at, seq) as left_at from events
  )
  select status, count(*)::int as stays,
    (percentile_cont(0.5) within group (order by extract(epoch from left_at - entered) / 86400.0))::float8 as median,
    (percentile_cont(0.9) within group (order by extract(epoch from left_at - entered) / 86400.0))::float8 as p90
  from stays
  where left_at is not null and status in (${open})
  group by status`,
  );
  const byStatus = new Map(rows.map((r) => [r.status, r]));
  return OPEN_STATUSES.map((status) => {
    const r = byStatus.get(status);
    return { status, stays: num(r?.stays), medianDays: numOrNull(r?.median), p90Days: numOrNull(r?.p90) };
  });
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

export async function queryStaleLeads(db: Db, filters: InsightsFilters, stages: readonly StageTime[], now: Date): Promise<{ total: number; leads: StaleLead[] }> {
  const limits = stages.filter((s) => s.p90Days !== null);
  if (limits.length === 0) return { total: 0, leads: [] };
  const values = sql.join(
    limits.map((s) => sql`(${s.status}::text, ${s.p90Days}::float8)`),
    sql`, `,
  );
  const rows = await rowsOf<{ id: string; first_name: string | null; last_name: string | null; status: string; days: number; p90: number; total: number }>(
    db,
    sql`with limits(status, p90) as (values ${values}),
  current_stay as (
    select lr.id, lr.first_name, lr.last_name, lr.status,
      coalesce(lr.status_changed_at, lr.vendor_created_at) as since
    from lead_records lr
    where lr.status in (select status from limits) and ${dimensionWhere(filters)}
  ),
  aged as (
    select s.*, extract(epoch from ${ts(now)} - s.since) / 86400.0 as days, l.p90
    from current_stay s join limits l on l.status = s.status
  )
  select id, first_name, last_name, status, days::float8 as days, p90, (count(*) over ())::int as total
  from aged where days > p90
  order by days desc, id
  limit ${STALE_LIST_LIMIT}`,
  );
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
