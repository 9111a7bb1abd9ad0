/**
 * The insights page's reads: every card's figures for the period and the filters, and the headline figures of
 * the previous period of the same length. Each figure is one SQL aggregate (see the files beside this one).
 */
import 'server-only';
import type { StaffSession } from '@/lib/auth/session';
import { getDb, type Db } from '@/lib/db';
import { ensureLeadsSynced } from '@/lib/leads/queries';
import { getFilterOptions, type FilterOptions } from '@/lib/leads/read-model';
import { breakdownsPart, type Breakdowns } from './breakdowns';
import { queryCaptureActivity, queryNps, type CaptureActivity, type NpsSummary } from './capture-activity';
import { previousPeriod, type InsightsFilters } from './filters';
import { funnelPart, type FunnelCounts } from './funnel';
import { lostReasonsPart, type LostReasons } from './lost-reasons';
import { queryLoyaltyActivity, type LoyaltyActivity } from './loyalty-activity';
import { periodOf, queryEventParts, withStoreScope } from './sql';
import { staleLeadsPart, timeInStagePart, type StageTime, type StaleLead } from './time-in-stage';

export interface Insights {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  funnel: FunnelCounts;
  previousFunnel: FunnelCounts;
  lostReasons: LostReasons;
  previousLostTotal: number;
  timeInStage: StageTime[];
  staleLeads: { total: number; leads: StaleLead[] };
  breakdowns: Breakdowns;
  captures: CaptureActivity;
  previousCaptures: number;
  nps: NpsSummary;
  previousNpsScore: number | null;
  loyalty: LoyaltyActivity;
  previousLoyalty: { redemptions: number; blocks: number };
}

/**
 * Every card of the page. The cards built on the lead events (funnel, lost reasons, time in stage, the stale
 * list, breakdowns) are one statement per period, so the period's events are rebuilt once, not once per card;
 * the rest are small indexed reads. Sequential on purpose: one PGlite connection serialises anyway.
 */
export async function computeInsights(db: Db, filters: InsightsFilters, timeZone: string, now: Date): Promise<Insights> {
  const period = periodOf(filters, timeZone);
  const before = periodOf(previousPeriod(filters), timeZone);
  // Independent statements: on PostgreSQL they run side by side on the pool's connections, so a page view
  // waits for the slowest one, not for their sum (PGlite queues them on its one connection).
  const [
    { funnel, lostReasons, timeInStage, staleLeads, breakdowns },
    { previousFunnel, previousLost },
    captures,
    previousCaptures,
    nps,
    previousNps,
    loyalty,
    previousLoyalty,
  ] = await Promise.all([
    queryEventParts(db, filters, period, {
      funnel: funnelPart(),
      lostReasons: lostReasonsPart(),
      timeInStage: timeInStagePart(),
      staleLeads: staleLeadsPart(filters, now),
      breakdowns: breakdownsPart(),
    }),
    queryEventParts(db, filters, before, { previousFunnel: funnelPart(), previousLost: lostReasonsPart() }),
    queryCaptureActivity(db, filters, period, timeZone),
    queryCaptureActivity(db, filters, before, timeZone),
    queryNps(db, filters, period),
    queryNps(db, filters, before),
    queryLoyaltyActivity(db, filters, period, timeZone),
    queryLoyaltyActivity(db, filters, before, timeZone),
  ]);
  return {
    period: { from: period.from, to: period.to },
    previousPeriod: { from: before.from, to: before.to },
    funnel,
    previousFunnel,
    lostReasons,
    previousLostTotal: previousLost.total,
    timeInStage,
    staleLeads,
    breakdowns,
    captures,
    previousCaptures: previousCaptures.total,
    nps,
    previousNpsScore: previousNps.score,
    loyalty,
    previousLoyalty: { redemptions: previousLoyalty.redemptions, blocks: previousLoyalty.blocks },
  };
}

/** The insights page: the figures and the filters' options (the read model is filled on first use). */
export async function insightsPage(
  session: Pick<StaffSession, 'accessToken' | 'stores'>,
  filters: InsightsFilters,
  timeZone: string,
): Promise<{ insights: Insights; options: FilterOptions; loadError: boolean }> {
  const db = await getDb();
  const loadError = await ensureLeadsSynced(db, session);
  // The caller's stores only (issue 12): the figures and the filters' options alike.
  const insights = await computeInsights(db, withStoreScope(filters, session.stores), timeZone, new Date());
  const options = await getFilterOptions(db, session.stores);
  return { insights, options, loadError };
}
