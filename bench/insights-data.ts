/**
 * The insights benches' data: n leads over the last year generated directly in the database, each with its
 * status history; NPS for a third, a capture for a fifth, loyalty audit rows for a tenth.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { LOST_REASONS } from '@/lib/vendors/footprints/schemas';

export async function generateInsightsData(t: { db: Db }, n: number): Promise<void> {
  // Bulk rows, far beyond what a sync writes at once: the triggers that keep lead_paths rebuild 50,000 paths in
  // one statement, longer than the console's statement timeout on a loaded machine (one connection: it holds).
  await t.db.execute(sql`set statement_timeout = 0`);
  const reasons = sql.raw(`array[${LOST_REASONS.map((r) => `'${r}'`).join(', ')}]`);
  const steps = sql.raw(`array['prospect', 'lead', 'sale_lead', 'opportunity', 'customer']`);
  await t.db.execute(sql`
    insert into lead_records (id, status, first_name, last_name, location_id, offer_category_id, offer_category_name, offer_id, offer_name,
      consultant_id, consultant_name, channel_id, contract_value, reason_lost, vendor_created_at)
    select 'b' || g, (array['prospect', 'lead', 'sale_lead', 'opportunity', 'customer', 'lost'])[1 + g % 6], 'First' || g, 'Last' || g,
      'loc' || (g % 12), 'cat' || (g % 4), 'Category ' || (g % 4), 'off' || (g % 20), 'Offer ' || (g % 20),
      'con' || (g % 40), 'Consultant ' || (g % 40), 'ch' || (g % 5),
      case when g % 6 = 4 then (1000 + g % 500)::text end,
      case when g % 6 = 5 then (${reasons})[1 + g % 9] end,
      now() - make_interval(days => g % 365, hours => g % 24)
    from generate_series(1, ${n}) g`);
  // The way up: prospect, then one step every 1–7 days up to the current status (lost leads: up to a step, then lost).
  await t.db.execute(sql`
    insert into lead_status_history (lead_id, from_status, to_status, at, source)
    select l.id, case when k = 0 then null else (${steps})[k] end, (${steps})[k + 1],
      l.vendor_created_at + make_interval(days => k * (1 + l.n % 7)), 'sync'
    from (select id, vendor_created_at, substring(id from 2)::int as n,
            case when status = 'lost' then substring(id from 2)::int % 4 else array_position(${steps}, status) - 1 end as top
          from lead_records) l,
      lateral generate_series(0, l.top) k`);
  await t.db.execute(sql`
    insert into lead_status_history (lead_id, from_status, to_status, at, source)
    select id, (${steps})[1 + substring(id from 2)::int % 4], 'lost',
      vendor_created_at + make_interval(days => (1 + substring(id from 2)::int % 4) * 4), 'sync'
    from lead_records where status = 'lost'`);
  await t.db.execute(sql`
    insert into lead_nps_entries (lead_id, score, at, source)
    select id, substring(id from 2)::int % 11, vendor_created_at + interval '2 days', 'console' from lead_records where substring(id from 2)::int % 3 = 0`);
  await t.db.execute(sql`
    insert into capture_submissions (idempotency_key, hostess_subject, hostess_name, display_name, payload, consent, consent_wording_version, location_id, captured_at)
    select 'k' || g, 'hostess:' || (g % 30), 'Hostess ' || (g % 30), 'X Y.', '{}'::jsonb,
      jsonb_build_object('agreements', jsonb_build_object('marketing', jsonb_build_object('sms', g % 2 = 0, 'email', g % 3 = 0, 'notification', false, 'dm', false, 'socialMedia', g % 7 = 0))),
      'v1', 'loc' || (g % 12), now() - make_interval(days => g % 365, hours => g % 24)
    from generate_series(1, ${Math.round(n / 5)}) g`);
  await t.db.execute(sql`
    insert into audit_events (at, actor_id, actor_name, actor_role, action, target_type, target_id, outcome, detail, store)
    select now() - make_interval(days => g % 365), 'hostess:' || (g % 30), 'Hostess', 'hostess',
      case when g % 5 = 0 then 'loyalty.block' else 'loyalty.redeem' end, 'loyalty_code', 'CODE' || g, 'success',
      jsonb_build_object('campaignInternalId', 'camp' || (g % 6)), 'loc' || (g % 12)
    from generate_series(1, ${Math.round(n / 10)}) g`);
  await t.db.execute(sql`analyze`);
}

