/**
 * Capture activity, from the console's own submissions (capture_submissions): captures per store day and per
 * hostess, and the consent given (each marketing channel agreed, as a share of captures). The store filter
 * applies (the submission's store); the other dimensions are the lead's, which a capture does not carry yet.
 *
 * NPS: the latest score each lead got within the period (lead_nps_entries), for leads matching the filters.
 * Score = % promoters (9–10) − % detractors (0–6), rounded.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import type { InsightsFilters } from './filters';
import { dimensionWhere, storeWhere, num, rowsOf, ts, type Period } from './sql';

export const CONSENT_CHANNELS = ['sms', 'email', 'notification', 'dm', 'socialMedia'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export interface CaptureActivity {
  total: number;
  perDay: { day: string; captures: number }[];
  perHostess: { hostess: string; captures: number }[];
  consent: { channel: ConsentChannel | 'any'; agreed: number; rate: number | null }[];
}

export async function queryCaptureActivity(db: Db, filters: InsightsFilters, period: Period, timeZone: string): Promise<CaptureActivity> {
  const where = sql`s.captured_at >= ${ts(period.start)} and s.captured_at < ${ts(period.end)} and ${storeWhere(sql`s.location_id`, filters)}`;
  const agreed = (ch: string) => sql.raw(`coalesce((s.consent->'agreements'->'marketing'->>'${ch}')::boolean, false)`);
  const consentCols = sql.join(
    CONSENT_CHANNELS.map((ch) => sql`(count(*) filter (where ${agreed(ch)}))::int as ${sql.identifier(ch)}`),
    sql`, `,
  );
  const anyAgreed = sql.join(CONSENT_CHANNELS.map((ch) => agreed(ch)), sql` or `);
  const [perDay, perHostess, [consent]] = await Promise.all([
    rowsOf<{ day: string; n: number }>(
      db,
      sql`select ((s.captured_at at time zone ${timeZone})::date)::text as day, count(*)::int as n
          from capture_submissions s where ${where} group by 1 order by 1`,
    ),
    rowsOf<{ hostess: string; n: number }>(
      db,
      sql`select max(s.hostess_name) as hostess, count(*)::int as n
          from capture_submissions s where ${where} group by s.hostess_subject order by 2 desc, 1`,
    ),
    rowsOf<Record<string, unknown>>(
      db,
      sql`select count(*)::int as total, ${consentCols}, (count(*) filter (where ${anyAgreed}))::int as "any"
          from capture_submissions s where ${where}`,
    ),
  ]);
  const total = num(consent.total);
  return {
    total,
    perDay: perDay.map((r) => ({ day: r.day, captures: num(r.n) })),
    perHostess: perHostess.map((r) => ({ hostess: r.hostess, captures: num(r.n) })),
    consent: (['any', ...CONSENT_CHANNELS] as const).map((channel) => {
      const n = num(consent[channel]);
      return { channel, agreed: n, rate: total > 0 ? n / total : null };
    }),
  };
}

export interface NpsSummary {
  /** Leads scored, by score 0..10. */
  distribution: { score: number; leads: number }[];
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100..100; null without responses. */
  score: number | null;
}

/** NPS from counts per score. */
export function npsFrom(distribution: readonly { score: number; leads: number }[]): Omit<NpsSummary, 'distribution'> {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const { score, leads } of distribution) {
    if (score >= 9) promoters += leads;
    else if (score >= 7) passives += leads;
    else detractors += leads;
  }
  const responses = promoters + passives + detractors;
  return { responses, promoters, passives, detractors, score: responses > 0 ? Math.round((100 * (promoters - detractors)) / responses) : null };
}

export async function queryNps(db: Db, filters: InsightsFilters, period: Period): Promise<NpsSummary> {
  const rows = await rowsOf<{ score: number; n: number }>(
    db,
    sql`select score, count(*)::int as n from (
      select distinct on (n.lead_id) n.score
      from lead_nps_entries n join lead_records lr on lr.id = n.lead_id
      where n.at >= ${ts(period.start)} and n.at < ${ts(period.end)} and ${dimensionWhere(filters)}
      order by n.lead_id, n.at desc, n.id desc
    ) latest group by score`,
  );
  const counts = new Map(rows.map((r) => [num(r.score), num(r.n)]));
  const distribution = Array.from({ length: 11 }, (_, score) => ({ score, leads: counts.get(score) ?? 0 }));
  return { distribution, ...npsFrom(distribution) };
}
