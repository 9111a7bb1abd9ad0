/**
 * The funnel: of the leads captured in the period (and matching the filters), how many reached each step by
 * the period's end — "at any point" (the status appears in the lead's history) and "in order" (the lead passed
 * every step up to this one without skipping, each first reached no earlier than the step before; the steps
 * before a lead's first status count as passed, since a lead can enter the pipeline at any step).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import type { InsightsFilters } from './filters';
import { FUNNEL_STEPS, num, queryEventParts, type EventsPart, type FunnelStep, type Period } from './sql';

export interface FunnelCounts {
  /** Leads captured in the period. */
  captured: number;
  anyPoint: Record<FunnelStep, number>;
  inOrder: Record<FunnelStep, number>;
  /** Captured leads that reached lost by the period's end. */
  lost: number;
}

function inOrderCondition(k: number): string {
  const alternatives = [`er > ${k}`];
  for (let e = 0; e <= k; e++) {
    const chain = [`"${FUNNEL_STEPS[e]}" is not null`];
    for (let j = e + 1; j <= k; j++) chain.push(`"${FUNNEL_STEPS[j]}" >= "${FUNNEL_STEPS[j - 1]}"`);
    alternatives.push(`(er = ${e} and ${chain.join(' and ')})`);
  }
  return `er is not null and (${alternatives.join(' or ')})`;
}

/** The funnel as one card of a statement over the lead events (see `queryEventParts`). */
export function funnelPart(): EventsPart<FunnelCounts> {
  const steps = `array[${FUNNEL_STEPS.map((s) => `'${s}'`).join(', ')}]`;
  const columns = sql.raw(
    FUNNEL_STEPS.flatMap((s, k) => [
      `count("${s}")::int as "any_${s}"`,
      `(count(*) filter (where ${inOrderCondition(k)}))::int as "order_${s}"`,
    ]).join(',\n    '),
  );
  return {
    ctes: [['funnel_ranked', sql`select f.*, array_position(${sql.raw(steps)}::text[], f.entry) - 1 as er from firsts f`]],
    select: sql`select (select count(*)::int from cohort) as captured, count("lost")::int as lost, ${columns} from funnel_ranked`,
    many: false,
    parse: (value) => {
      const row = value as Record<string, unknown>;
      const pick = (prefix: string) => Object.fromEntries(FUNNEL_STEPS.map((s) => [s, num(row[`${prefix}_${s}`])])) as Record<FunnelStep, number>;
      return { captured: num(row.captured), lost: num(row.lost), anyPoint: pick('any'), inOrder: pick('order') };
    },
  };
}

export async function queryFunnel(db: Db, filters: InsightsFilters, period: Period): Promise<FunnelCounts> {
  return (await queryEventParts(db, filters, period, { funnel: funnelPart() })).funnel;
}

export interface FunnelStepView {
  step: FunnelStep;
  count: number;
  /** From the step before (the first step: from captured); null when the step before is empty. */
  fromPrevious: number | null;
}

/** Share of a over b, null when b is 0. */
export function rate(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

/** Step-to-step conversions and the overall one (captured → customer). */
export function funnelConversions(counts: FunnelCounts, mode: 'anyPoint' | 'inOrder'): { steps: FunnelStepView[]; overall: number | null } {
  const byStep = counts[mode];
  const steps = FUNNEL_STEPS.map((step, k) => ({
    step,
    count: byStep[step],
    fromPrevious: rate(byStep[step], k === 0 ? counts.captured : byStep[FUNNEL_STEPS[k - 1]]),
  }));
  return { steps, overall: rate(byStep.customer, counts.captured) };
}
