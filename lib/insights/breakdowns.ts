/**
 * Breakdowns of the captured leads of the period per store, consultant, channel, offer category and offer (one
 * query, GROUPING SETS): leads, customers (reached customer by the period's end), conversion, the sum of the
 * contract values and the average days from capture to customer.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import type { InsightsFilters } from './filters';
import { num, numOrNull, queryEventParts, type EventsPart, type Period } from './sql';

export const BREAKDOWN_DIMENSIONS = ['location', 'consultant', 'channel', 'category', 'offer'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export interface BreakdownRow {
  key: string | null;
  name: string;
  leads: number;
  customers: number;
  conversion: number | null;
  contractValue: number;
  avgDaysToCustomer: number | null;
}

export type Breakdowns = Record<BreakdownDimension, BreakdownRow[]>;

type BreakdownSqlRow = {
  dim: BreakdownDimension;
  key: string | null;
  name: string | null;
  leads: number;
  customers: number;
  contract_value: number | null;
  avg_days: number | null;
};

/** The breakdowns as one card of a statement over the lead events (see `queryEventParts`). */
export function breakdownsPart(): EventsPart<Breakdowns> {
  return {
    ctes: [
      ['breakdown_per_lead', sql`
    select c.*, f."customer" as customer_at,
      case when f."customer" is not null and c.contract_value ~ '^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$' then trim(c.contract_value)::numeric end as value
    from cohort c left join firsts f on f.lead_id = c.id`],
      ['breakdown_grouped', sql`
    select
      case when grouping(location_id) = 0 then 'location' when grouping(consultant_id) = 0 then 'consultant'
           when grouping(channel_id) = 0 then 'channel' when grouping(offer_category_id) = 0 then 'category' else 'offer' end as dim,
      coalesce(location_id, consultant_id, channel_id, offer_category_id, offer_id) as key,
      case when grouping(consultant_id) = 0 then max(consultant_name) when grouping(offer_category_id) = 0 then max(offer_category_name)
           when grouping(offer_id) = 0 then max(offer_name) end as own_name,
      count(*)::int as leads,
      count(customer_at)::int as customers,
      coalesce(sum(value), 0)::float8 as contract_value,
      (avg(extract(epoch from customer_at - created_at) / 86400.0))::float8 as avg_days
    from breakdown_per_lead
    group by grouping sets ((location_id), (consultant_id), (channel_id), (offer_category_id), (offer_id))`],
    ],
    select: sql`select g.dim, g.key, coalesce(cat.name, g.own_name) as name,
    g.leads, g.customers, g.contract_value, g.avg_days
  from breakdown_grouped g
  left join lead_catalogue cat on cat.id = g.key and cat.kind = (case g.dim when 'location' then 'location' when 'channel' then 'channel' end)
  order by g.dim, g.leads desc, g.key`,
    many: true,
    parse: (value) => breakdownsFrom(value as BreakdownSqlRow[]),
  };
}

export async function queryBreakdowns(db: Db, filters: InsightsFilters, period: Period): Promise<Breakdowns> {
  return (await queryEventParts(db, filters, period, { breakdowns: breakdownsPart() })).breakdowns;
}

function breakdownsFrom(rows: readonly BreakdownSqlRow[]): Breakdowns {
  const out = Object.fromEntries(BREAKDOWN_DIMENSIONS.map((d) => [d, [] as BreakdownRow[]])) as Breakdowns;
  for (const r of rows) {
    const leads = num(r.leads);
    const customers = num(r.customers);
    out[r.dim].push({
      key: r.key,
      name: r.name ?? r.key ?? 'Not set',
      leads,
      customers,
      conversion: leads > 0 ? customers / leads : null,
      contractValue: num(r.contract_value),
      avgDaysToCustomer: numOrNull(r.avg_days),
    });
  }
  return out;
}
