/**
 * lead_paths is kept by database triggers (migration 0010); insights read it instead of the history. Here the
 * paths are checked against the events rebuilt from the history the slow way (the definition), after every kind
 * of write the read model sees: leads and history inserted in bulk, history rows moved in time, a `from` left out,
 * rows deleted, same-time rows, a status changed without history, a creation date changed, a lead deleted.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { generateInsightsData } from '../../bench/insights-data';
import { FUNNEL_STEPS, leadEventsCtes, periodOf, rowsOf, ts } from './sql';

const ZONE = 'Europe/Bucharest';

describe.each(testEngines)('lead paths on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
    await generateInsightsData(t, 1_200);
    await t.db.execute(sql`update lead_status_history set at = at + interval '40 days' where id % 17 = 0`);
    await t.db.execute(sql`update lead_status_history set at = at - interval '3 days' where id % 13 = 0`);
    await t.db.execute(sql`update lead_status_history set from_status = null where id % 11 = 0`);
    await t.db.execute(sql`insert into lead_status_history (lead_id, from_status, to_status, at, source) select lead_id, to_status, 'lead', at, 'sync' from lead_status_history where id % 7 = 0`);
    await t.db.execute(sql`delete from lead_status_history where lead_id in (select id from lead_records where substring(id from 2)::int % 19 = 0)`);
    await t.db.execute(sql`update lead_records set status = 'customer' where substring(id from 2)::int % 19 = 0 and substring(id from 2)::int % 2 = 0`);
    await t.db.execute(sql`update lead_records set vendor_created_at = vendor_created_at - interval '5 days' where substring(id from 2)::int % 23 = 0`);
    await t.db.execute(sql`delete from lead_records where substring(id from 2)::int % 29 = 0`);
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it('has a path for every lead and none for a deleted one', async () => {
    const [r] = await rowsOf<{ missing: number; orphans: number; paths: number }>(
      t.db,
      sql`select (select count(*)::int from lead_records lr where not exists (select 1 from lead_paths p where p.lead_id = lr.id)) as missing,
                 (select count(*)::int from lead_paths p where not exists (select 1 from lead_records lr where lr.id = p.lead_id)) as orphans,
                 (select count(*)::int from lead_paths) as paths`,
    );
    expect(r).toEqual({ missing: 0, orphans: 0, paths: 1_200 - Math.floor(1_200 / 29) });
  });

  it.each([
    ['the last 30 days', { from: '2026-10-31', to: '2026-11-29' }],
    ['a quarter, one store', { from: '2026-01-01', to: '2026-03-31', location: 'loc3' }],
    ['a year', { from: '2025-12-01', to: '2026-11-29' }],
    ['a past period (events after its end left out)', { from: '2026-05-01', to: '2026-05-20' }],
  ])('gives the firsts and the stays the history gives, for %s', async (_label, filters) => {
    // The generated leads are dated from now back a year: move the periods with today.
    const shift = Math.round((Date.now() - Date.parse('2026-11-29T12:00:00Z')) / 86_400_000);
    const day = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + shift * 86_400_000).toISOString().slice(0, 10);
    const f = { ...filters, from: day(filters.from), to: day(filters.to) };
    const p = periodOf(f, ZONE);
    const cols = sql.raw([...FUNNEL_STEPS, 'lost'].map((s) => `min(at) filter (where status = '${s}') as "${s}"`).join(', '));
    const [r] = await rowsOf<Record<string, number>>(
      t.db,
      sql`with ${leadEventsCtes(f, p)},
      hist as (
        select h.id, h.lead_id, h.from_status, h.to_status, h.at, c.created_at, row_number() over (partition by h.lead_id order by h.at, h.id) as n
        from cohort c join lead_status_history h on h.lead_id = c.id),
      all_events as (
        select lead_id, to_status as status, at, id as seq from hist
        union all select lead_id, from_status, least(created_at, at), 0 from hist where n = 1 and from_status is not null
        union all select c.id, c.status, c.created_at, 0 from cohort c where not exists (select 1 from lead_status_history h where h.lead_id = c.id)),
      events as (select * from all_events where at < ${ts(p.end)}),
      ref_firsts as (select lead_id, (array_agg(status order by at, seq))[1] as entry, ${cols} from events group by lead_id),
      got_firsts as (select * from firsts where entry is not null),
      ref_stays as (select status, entered, left_at from (select status, at as entered, lead(at) over (partition by lead_id order by at, seq) as left_at from events) s where left_at is not null)
      select (select count(*)::int from (select * from ref_firsts except all select * from got_firsts) d) as missing_firsts,
             (select count(*)::int from (select * from got_firsts except all select * from ref_firsts) d) as extra_firsts,
             (select count(*)::int from (select * from ref_stays except all select * from stays) d) as missing_stays,
             (select count(*)::int from (select * from stays except all select * from ref_stays) d) as extra_stays,
             (select count(*)::int from ref_firsts) as leads, (select count(*)::int from ref_stays) as stays_n`,
    );
    expect(r.leads).toBeGreaterThan(20);
    expect(r.stays_n).toBeGreaterThan(20);
    expect([r.missing_firsts, r.extra_firsts, r.missing_stays, r.extra_stays]).toEqual([0, 0, 0, 0]);
  });
});
