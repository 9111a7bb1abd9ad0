/**
 * Lost reasons: the captured leads of the period that are lost now, by the reason recorded (the nine reasons of
 * Footprints' "Update Lost Lead", or none), with the status each one was in when it was lost (the `from` of its
 * last move to lost in the status history; unknown when the history does not say).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { LOST_REASONS, type LostReason } from '@/lib/vendors/footprints/schemas';
import type { InsightsFilters } from './filters';
import { num, queryEventParts, type EventsPart, type Period } from './sql';

export const LOST_FROM_STATUSES = ['prospect', 'lead', 'sale_lead', 'opportunity', 'customer', 'unknown'] as const;
export type LostFromStatus = (typeof LOST_FROM_STATUSES)[number];
export type LostReasonKey = LostReason | 'none';

export interface LostReasonRow {
  reason: LostReasonKey;
  count: number;
  /** Of all lost leads; null when none was lost. */
  share: number | null;
  whenLost: Record<LostFromStatus, number>;
}

export interface LostReasons {
  total: number;
  rows: LostReasonRow[];
}

/** Lost reasons as one card of a statement over the lead events (see `queryEventParts`). */
export function lostReasonsPart(): EventsPart<LostReasons> {
  return {
    select: sql`select c.reason_lost as reason, last_lost.from_status, count(*)::int as n
  from cohort c
  left join lateral (
    select h.from_status from lead_status_history h where h.lead_id = c.id and h.to_status = 'lost' order by h.at desc, h.id desc limit 1
  ) last_lost on true
  where c.status = 'lost'
  group by 1, 2`,
    many: true,
    parse: (value) => lostReasonsFrom(value as { reason: string | null; from_status: string | null; n: number }[]),
  };
}

export async function queryLostReasons(db: Db, filters: InsightsFilters, period: Period): Promise<LostReasons> {
  return (await queryEventParts(db, filters, period, { lost: lostReasonsPart() })).lost;
}

function lostReasonsFrom(rows: readonly { reason: string | null; from_status: string | null; n: number }[]): LostReasons {
  const keys: LostReasonKey[] = [...LOST_REASONS, 'none'];
  const table = new Map(keys.map((k) => [k, { reason: k, count: 0, share: null as number | null, whenLost: Object.fromEntries(LOST_FROM_STATUSES.map((s) => [s, 0])) as Record<LostFromStatus, number> }]));
  let total = 0;
  for (const r of rows) {
    const reason: LostReasonKey = r.reason && (LOST_REASONS as readonly string[]).includes(r.reason) ? (r.reason as LostReason) : 'none';
    const from: LostFromStatus = r.from_status && (LOST_FROM_STATUSES as readonly string[]).includes(r.from_status) ? (r.from_status as LostFromStatus) : 'unknown';
    const entry = table.get(reason)!;
    entry.count += num(r.n);
    entry.whenLost[from] += num(r.n);
    total += num(r.n);
  }
  const out = [...table.values()].map((e) => ({ ...e, share: total > 0 ? e.count / total : null }));
  // The nine reasons always show (a zero is an answer); "none" only when some lost lead has no reason.
  return { total, rows: out.filter((r) => r.reason !== 'none' || r.count > 0) };
}
