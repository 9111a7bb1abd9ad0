/**
 * What every insights query shares: the period as instants, the lead filter (the pipeline's dimensions) and
 * the status events a lead went through, rebuilt from the status history. Raw SQL on purpose: the figures are
 * aggregates and window functions computed by the database, never by JavaScript over all rows.
 */
import type { StoreScope } from '@/lib/auth/stores';
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { dayRange } from '@/lib/leads/read-model';
import type { InsightsFilters } from './filters';

/** The pipeline's statuses a lead passes through on its way to customer, in order. */
export const FUNNEL_STEPS = ['prospect', 'lead', 'sale_lead', 'opportunity', 'customer'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];
/** Statuses a lead can still leave: time in stage is measured for these. */
export const OPEN_STATUSES = ['prospect', 'lead', 'sale_lead', 'opportunity'] as const;

export interface Period {
  from: string;
  to: string;
  /** [start, end) in the store's zone. */
  start: Date;
  end: Date;
}

export function periodOf(range: { from: string; to: string }, timeZone: string): Period {
  const { start, end } = dayRange(range.from, range.to, timeZone);
  return { from: range.from, to: range.to, start, end };
}

export const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

/**
 * The store filter of every card on one store column: the location chosen in the filters and the caller's store
 * scope (issue 12: `storeIds`, set on the server from the session, never from the browser; null = all stores).
 */
export function storeWhere(column: SQL, f: InsightsFilters & { storeIds?: readonly string[] | null }): SQL {
  const conds: SQL[] = [sql`true`];
  if (f.location) conds.push(sql`${column} = ${f.location}`);
  if (f.storeIds) conds.push(f.storeIds.length ? sql`${column} in (${sql.join(f.storeIds.map((id) => sql`${id}`), sql`, `)})` : sql`false`);
  return sql.join(conds, sql` and `);
}

/** Insights filters with the caller's store scope applied (see storeWhere). */
export function withStoreScope<F extends InsightsFilters>(filters: F, scope: StoreScope): F & { storeIds: readonly string[] | null } {
  return { ...filters, storeIds: scope.all ? null : [...scope.locationIds] };
}

/** The dimension filters on lead_records aliased `lr` (no period). */
export function dimensionWhere(f: InsightsFilters): SQL {
  const conds: SQL[] = [storeWhere(sql`lr.location_id`, f)];
  if (f.category) conds.push(sql`lr.offer_category_id = ${f.category}`);
  if (f.offer) conds.push(sql`lr.offer_id = ${f.offer}`);
  if (f.consultant) conds.push(sql`lr.consultant_id = ${f.consultant}`);
  if (f.channel) conds.push(sql`lr.channel_id = ${f.channel}`);
  return sql.join(conds, sql` and `);
}

/**
 * CTEs over the cohort (leads created in the period that match the filters):
 * - `paths`: each cohort lead's status events in order (`statuses`, `ats`), as the database keeps them in
 *   lead_paths (see lib/leads/schema.ts): read by key, never rebuilt from the history at view time;
 * - `firsts`: the status each lead entered the pipeline with and the first time it entered each status, by the
 *   period's end (null where it had not; the events are in time order, so a status's first place is its first time);
 * - `stays`: each stay in a status that ended before the period's end (from entering it to the next event).
 * A CTE no card reads is never computed.
 */
export function leadEventsCtes(f: InsightsFilters, p: Period): SQL {
  const end = ts(p.end);
  const stepCols = sql.join(
    [...FUNNEL_STEPS, 'lost'].map((s) => {
      const at = sql.raw(`ats[array_position(statuses, '${s}')]`);
      return sql`case when ${at} < ${end} then ${at} end as ${sql.identifier(s)}`;
    }),
    sql`,\n      `,
  );
  return sql`
  cohort as (
    select lr.id, lr.status, lr.vendor_created_at as created_at, lr.location_id, lr.offer_category_id, lr.offer_category_name,
           lr.offer_id, lr.offer_name, lr.consultant_id, lr.consultant_name, lr.channel_id, lr.contract_value, lr.reason_lost
    from lead_records lr
    where lr.vendor_created_at >= ${ts(p.start)} and lr.vendor_created_at < ${end} and ${dimensionWhere(f)}
  ),
  -- By key, one lookup per cohort lead ("offset 0" keeps the planner from hashing every lead's path instead).
  paths as (select c.id as lead_id, lp.statuses, lp.ats from cohort c cross join lateral (select * from lead_paths x where x.lead_id = c.id offset 0) lp),
  -- Materialised: each lead's firsts are computed once, not again at every place a card's expression names them.
  firsts as materialized (
    select lead_id, case when ats[1] < ${end} then statuses[1] end as entry,
      ${stepCols}
    from paths
  ),
  stays as (
    select s.status, s.entered, s.left_at
    from paths p cross join lateral unnest(p.statuses[1:cardinality(p.statuses) - 1], p.ats[1:cardinality(p.ats) - 1], p.ats[2:]) as s(status, entered, left_at)
    where s.left_at < ${end}
  )`;
}

/**
 * One card's share of a statement over the lead events: the CTEs it needs beyond `leadEventsCtes` (by name, so
 * that cards sharing one are given it once) and its select over them; `many` cards answer rows, the others one
 * row. `parse` turns the JSON the database built into the card's figures.
 */
export interface EventsPart<T> {
  ctes?: readonly (readonly [name: string, body: SQL])[];
  select: SQL;
  many: boolean;
  parse: (value: unknown) => T;
}

type PartResults<P> = { [K in keyof P]: P[K] extends EventsPart<infer T> ? T : never };

/**
 * Runs several cards' figures in ONE statement, so the period's lead events are rebuilt once per page view and
 * not once per card (the database materialises a CTE that more than one card reads). Each card's rows come back
 * as JSON in a column of its own.
 */
export async function queryEventParts<P extends Record<string, EventsPart<unknown>>>(
  db: Db,
  filters: InsightsFilters,
  period: Period,
  parts: P,
): Promise<PartResults<P>> {
  const ctes = new Map<string, SQL>();
  for (const part of Object.values(parts)) for (const [name, body] of part.ctes ?? []) ctes.set(name, body);
  const extra = [...ctes].map(([name, body]) => sql`${sql.identifier(name)} as (${body})`);
  const columns = Object.entries(parts).map(([key, part]) =>
    part.many
      ? sql`(select coalesce(json_agg(x), '[]'::json) from (${part.select}) x) as ${sql.identifier(key)}`
      : sql`(select row_to_json(x) from (${part.select}) x) as ${sql.identifier(key)}`,
  );
  const [row] = await rowsOf<Record<string, unknown>>(
    db,
    sql`with ${leadEventsCtes(filters, period)}${extra.length > 0 ? sql`, ${sql.join(extra, sql`, `)}` : sql``}
  select ${sql.join(columns, sql`, `)}`,
  );
  return Object.fromEntries(Object.entries(parts).map(([key, part]) => [key, part.parse(typeof row[key] === 'string' ? JSON.parse(row[key] as string) : row[key])])) as PartResults<P>;
}

/** Rows of a raw query (PGlite and node-postgres both answer `{ rows }`). */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
