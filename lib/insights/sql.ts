/**
 * What every insights query shares: the period as instants, the lead filter (the pipeline's dimensions) and
 * the status events a lead went through, rebuilt from the status history. Raw SQL on purpose: the figures are
 * aggregates and window functions computed by the database, never by JavaScript over all rows.
 */
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

/** The dimension filters on lead_records aliased `lr` (no period). */
export function dimensionWhere(f: InsightsFilters): SQL {
  const conds: SQL[] = [sql`true`];
  if (f.location) conds.push(sql`lr.location_id = ${f.location}`);
  if (f.category) conds.push(sql`lr.offer_category_id = ${f.category}`);
  if (f.offer) conds.push(sql`lr.offer_id = ${f.offer}`);
  if (f.consultant) conds.push(sql`lr.consultant_id = ${f.consultant}`);
  if (f.channel) conds.push(sql`lr.channel_id = ${f.channel}`);
  return sql.join(conds, sql` and `);
}

/**
 * CTEs `cohort` (leads created in the period that match the filters), `events` (each status a cohort lead
 * entered, and when, up to the period's end) and `firsts` (per cohort lead: the status it entered the pipeline
 * with, and the first time it entered each status by the period's end; all null when it has no event by then).
 * A CTE no card reads is never computed: the funnel alone reads `firsts`, which needs no `events`.
 *
 * A lead's first status is the `from` of its first history row (entered when the lead was created), or that
 * row's `to` when the history starts from nothing, or its current status when it has no history at all.
 */
export function leadEventsCtes(f: InsightsFilters, p: Period): SQL {
  const steps = [...FUNNEL_STEPS, 'lost'];
  const end = ts(p.end);
  const firstReach = sql.join(
    steps.map((s) => sql`min(x.at) filter (where x.to_status = ${sql.raw(`'${s}'`)} and x.at < ${end}) as ${sql.identifier(s)}`),
    sql`,\n        `,
  );
  const stepCols = sql.raw(
    steps
      .map((s) => `least(h."${s}", case when h.first_from = '${s}' then least(c.created_at, h.first_at) end, case when h.lead_id is null and c.status = '${s}' then c.created_at end) as "${s}"`)
      .join(',\n      '),
  );
  return sql`
  cohort as (
    select lr.id, lr.status, lr.vendor_created_at as created_at, lr.location_id, lr.offer_category_id, lr.offer_category_name,
           lr.offer_id, lr.offer_name, lr.consultant_id, lr.consultant_name, lr.channel_id, lr.contract_value, lr.reason_lost
    from lead_records lr
    where lr.vendor_created_at >= ${ts(p.start)} and lr.vendor_created_at < ${end} and ${dimensionWhere(f)}
  ),
  hist as (
    select h.id, h.lead_id, h.from_status, h.to_status, h.at, c.created_at,
           row_number() over (partition by h.lead_id order by h.at, h.id) as n
    -- Lateral: one index lookup per cohort lead, rather than hashing the whole history table ("offset 0" keeps
    -- the planner from flattening it into a hash join over every lead's history).
    from cohort c cross join lateral (select * from lead_status_history x where x.lead_id = c.id offset 0) h
  ),
  all_events as (
    select lead_id, to_status as status, at, id as seq from hist
    union all
    select lead_id, from_status, least(created_at, at), 0 from hist where n = 1 and from_status is not null
    union all
    select c.id, c.status, c.created_at, 0 from cohort c
    where not exists (select 1 from lead_status_history h where h.lead_id = c.id)
  ),
  events as (select * from all_events where at < ${end}),
  firsts as (
    -- The same events as above, summed up per lead in one pass over its own history rows (no sort of them all).
    select c.id as lead_id,
      case when h.lead_id is null then c.status else coalesce(h.first_from, h.first_to) end as entry,
      ${stepCols}
    from cohort c cross join lateral (
      select max(x.lead_id) as lead_id,
        (array_agg(x.from_status order by x.at, x.id))[1] as first_from,
        (array_agg(x.to_status order by x.at, x.id) filter (where x.at < ${end}))[1] as first_to,
        min(x.at) as first_at,
        ${firstReach}
      from lead_status_history x where x.lead_id = c.id
    ) h
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
