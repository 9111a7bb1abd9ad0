/**
 * Loyalty activity from the console's own audit trail: successful redeems and blocks (a replay is not audited
 * twice) per campaign per store day. The store filter applies (the campaign's store, as audited).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import type { InsightsFilters } from './filters';
import { num, rowsOf, storeWhere, ts, type Period } from './sql';

export interface LoyaltyActivityRow {
  day: string;
  campaign: string;
  redemptions: number;
  blocks: number;
}

export interface LoyaltyActivity {
  redemptions: number;
  blocks: number;
  rows: LoyaltyActivityRow[];
}

export async function queryLoyaltyActivity(db: Db, filters: InsightsFilters, period: Period, timeZone: string): Promise<LoyaltyActivity> {
  const rows = await rowsOf<{ day: string; campaign: string; redemptions: number; blocks: number }>(
    db,
    sql`select ((a.at at time zone ${timeZone})::date)::text as day,
        coalesce(a.detail->>'campaignInternalId', 'unknown') as campaign,
        (count(*) filter (where a.action = 'loyalty.redeem'))::int as redemptions,
        (count(*) filter (where a.action = 'loyalty.block'))::int as blocks
      from audit_events a
      where a.action in ('loyalty.redeem', 'loyalty.block') and a.outcome = 'success'
        and a.at >= ${ts(period.start)} and a.at < ${ts(period.end)} and ${storeWhere(sql`a.store`, filters)}
      group by 1, 2 order by 1, 2`,
  );
  const out = rows.map((r) => ({ day: r.day, campaign: r.campaign, redemptions: num(r.redemptions), blocks: num(r.blocks) }));
  return { rows: out, redemptions: out.reduce((s, r) => s + r.redemptions, 0), blocks: out.reduce((s, r) => s + r.blocks, 0) };
}
