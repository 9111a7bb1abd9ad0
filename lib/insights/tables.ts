/**
 * Every card's numbers as a table: the page shows it beside the chart (the view screen readers use) and the
 * CSV export writes the very same cells, so the two can never disagree. Pure.
 */
import { LOST_REASON_LABELS, STATUS_LABELS } from '@/lib/leads/status-rules';
import type { BreakdownDimension, BreakdownRow } from './breakdowns';
import { funnelConversions } from './funnel';
import type { LostReasonKey } from './lost-reasons';
import { LOST_FROM_STATUSES } from './lost-reasons';
import type { Insights } from './queries';

export const CARD_IDS = [
  'funnel',
  'lost-reasons',
  'time-in-stage',
  'stale-leads',
  'breakdown-location',
  'breakdown-consultant',
  'breakdown-channel',
  'breakdown-category',
  'breakdown-offer',
  'captures-per-day',
  'captures-per-hostess',
  'consent',
  'nps',
  'loyalty',
] as const;
export type CardId = (typeof CARD_IDS)[number];

export interface CardColumn {
  key: string;
  label: string;
  numeric?: boolean;
}

export interface CardTable {
  id: CardId;
  caption: string;
  columns: CardColumn[];
  rows: string[][];
  /** A lead id per row, when a row is a lead (the stale list links to it). */
  leadIds?: string[];
}

export const integer = (n: number): string => String(Math.round(n));
export const percent = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
export const days = (n: number | null): string => (n === null ? '—' : n.toFixed(1));
export const money = (n: number): string => n.toFixed(2);

export const LOST_REASON_NAMES: Record<LostReasonKey, string> = { ...LOST_REASON_LABELS, none: 'No reason recorded' };
const FROM_LABELS: Record<(typeof LOST_FROM_STATUSES)[number], string> = { ...STATUS_LABELS, unknown: 'Unknown' };

export const BREAKDOWN_LABELS: Record<BreakdownDimension, string> = {
  location: 'Store',
  consultant: 'Consultant',
  channel: 'Channel',
  category: 'Offer category',
  offer: 'Offer',
};

function breakdownTable(id: CardId, dim: BreakdownDimension, rows: BreakdownRow[]): CardTable {
  return {
    id,
    caption: `Leads per ${BREAKDOWN_LABELS[dim].toLowerCase()}`,
    columns: [
      { key: 'name', label: BREAKDOWN_LABELS[dim] },
      { key: 'leads', label: 'Leads', numeric: true },
      { key: 'customers', label: 'Customers', numeric: true },
      { key: 'conversion', label: 'Conversion', numeric: true },
      { key: 'value', label: 'Contract value', numeric: true },
      { key: 'days', label: 'Avg. days to customer', numeric: true },
    ],
    rows: rows.map((r) => [r.name, integer(r.leads), integer(r.customers), percent(r.conversion), money(r.contractValue), days(r.avgDaysToCustomer)]),
  };
}

/** Every card's table. */
export function cardTables(i: Insights): Record<CardId, CardTable> {
  const inOrder = funnelConversions(i.funnel, 'inOrder');
  const anyPoint = funnelConversions(i.funnel, 'anyPoint');
  const prevAny = funnelConversions(i.previousFunnel, 'anyPoint');
  const funnel: CardTable = {
    id: 'funnel',
    caption: `Funnel of the leads captured ${i.period.from} to ${i.period.to} (previous period ${i.previousPeriod.from} to ${i.previousPeriod.to})`,
    columns: [
      { key: 'step', label: 'Step' },
      { key: 'inOrder', label: 'Reached in order', numeric: true },
      { key: 'inOrderRate', label: 'Conversion in order', numeric: true },
      { key: 'anyPoint', label: 'Reached at any point', numeric: true },
      { key: 'anyPointRate', label: 'Conversion at any point', numeric: true },
      { key: 'previous', label: 'Previous period (any point)', numeric: true },
    ],
    rows: [
      ['Captured', integer(i.funnel.captured), '—', integer(i.funnel.captured), '—', integer(i.previousFunnel.captured)],
      ...inOrder.steps.map((s, k) => [
        STATUS_LABELS[s.step],
        integer(s.count),
        percent(s.fromPrevious),
        integer(anyPoint.steps[k].count),
        percent(anyPoint.steps[k].fromPrevious),
        integer(prevAny.steps[k].count),
      ]),
      ['Overall (captured → customer)', integer(inOrder.steps[4].count), percent(inOrder.overall), integer(anyPoint.steps[4].count), percent(anyPoint.overall), percent(prevAny.overall)],
    ],
  };
  const lostReasons: CardTable = {
    id: 'lost-reasons',
    caption: `Lost leads by reason (${i.lostReasons.total} lost; previous period ${i.previousLostTotal})`,
    columns: [
      { key: 'reason', label: 'Reason' },
      { key: 'count', label: 'Leads', numeric: true },
      { key: 'share', label: 'Share', numeric: true },
      ...LOST_FROM_STATUSES.map((s) => ({ key: `from_${s}`, label: `Lost from ${FROM_LABELS[s].toLowerCase()}`, numeric: true })),
    ],
    rows: i.lostReasons.rows.map((r) => [LOST_REASON_NAMES[r.reason], integer(r.count), percent(r.share), ...LOST_FROM_STATUSES.map((s) => integer(r.whenLost[s]))]),
  };
  const timeInStage: CardTable = {
    id: 'time-in-stage',
    caption: 'Days spent in each status (completed stays)',
    columns: [
      { key: 'status', label: 'Status' },
      { key: 'stays', label: 'Stays measured', numeric: true },
      { key: 'median', label: 'Median days', numeric: true },
      { key: 'p90', label: '90th percentile days', numeric: true },
    ],
    rows: i.timeInStage.map((s) => [STATUS_LABELS[s.status], integer(s.stays), days(s.medianDays), days(s.p90Days)]),
  };
  const staleLeads: CardTable = {
    id: 'stale-leads',
    caption: `Leads in their status longer than its 90th percentile (${i.staleLeads.total})`,
    columns: [
      { key: 'lead', label: 'Lead' },
      { key: 'status', label: 'Status' },
      { key: 'days', label: 'Days in status', numeric: true },
      { key: 'p90', label: '90th percentile days', numeric: true },
    ],
    rows: i.staleLeads.leads.map((l) => [l.name, STATUS_LABELS[l.status], days(l.days), days(l.p90Days)]),
    leadIds: i.staleLeads.leads.map((l) => l.id),
  };
  const consentNames = { any: 'Any marketing channel', sms: 'SMS', email: 'E-mail', notification: 'Notifications', dm: 'Direct mail', socialMedia: 'Social media' } as const;
  return {
    funnel,
    'lost-reasons': lostReasons,
    'time-in-stage': timeInStage,
    'stale-leads': staleLeads,
    'breakdown-location': breakdownTable('breakdown-location', 'location', i.breakdowns.location),
    'breakdown-consultant': breakdownTable('breakdown-consultant', 'consultant', i.breakdowns.consultant),
    'breakdown-channel': breakdownTable('breakdown-channel', 'channel', i.breakdowns.channel),
    'breakdown-category': breakdownTable('breakdown-category', 'category', i.breakdowns.category),
    'breakdown-offer': breakdownTable('breakdown-offer', 'offer', i.breakdowns.offer),
    'captures-per-day': {
      id: 'captures-per-day',
      caption: `Captures per day (${i.captures.total}; previous period ${i.previousCaptures})`,
      columns: [
        { key: 'day', label: 'Day' },
        { key: 'captures', label: 'Captures', numeric: true },
      ],
      rows: i.captures.perDay.map((d) => [d.day, integer(d.captures)]),
    },
    'captures-per-hostess': {
      id: 'captures-per-hostess',
      caption: 'Captures per hostess',
      columns: [
        { key: 'hostess', label: 'Hostess' },
        { key: 'captures', label: 'Captures', numeric: true },
      ],
      rows: i.captures.perHostess.map((h) => [h.hostess, integer(h.captures)]),
    },
    consent: {
      id: 'consent',
      caption: 'Marketing consent given at capture',
      columns: [
        { key: 'channel', label: 'Channel' },
        { key: 'agreed', label: 'Agreed', numeric: true },
        { key: 'rate', label: 'Rate', numeric: true },
      ],
      rows: i.captures.consent.map((c) => [consentNames[c.channel], integer(c.agreed), percent(c.rate)]),
    },
    nps: {
      id: 'nps',
      caption: `NPS ${i.nps.score ?? '—'} from ${i.nps.responses} scored leads (previous period ${i.previousNpsScore ?? '—'})`,
      columns: [
        { key: 'score', label: 'Score' },
        { key: 'leads', label: 'Leads', numeric: true },
      ],
      rows: i.nps.distribution.map((d) => [String(d.score), integer(d.leads)]),
    },
    loyalty: {
      id: 'loyalty',
      caption: `Redemptions and blocks per campaign and day (${i.loyalty.redemptions} redeemed, ${i.loyalty.blocks} blocked; previous period ${i.previousLoyalty.redemptions} and ${i.previousLoyalty.blocks})`,
      columns: [
        { key: 'day', label: 'Day' },
        { key: 'campaign', label: 'Campaign' },
        { key: 'redemptions', label: 'Redemptions', numeric: true },
        { key: 'blocks', label: 'Blocks', numeric: true },
      ],
      rows: i.loyalty.rows.map((r) => [r.day, r.campaign, integer(r.redemptions), integer(r.blocks)]),
    },
  };
}

const NUMBER_LIKE = /^-?\d+(\.\d+)?%?$/;

/** One CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !NUMBER_LIKE.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV of a card's table (header row first, CRLF line ends). */
export function tableToCsv(table: CardTable): string {
  return [table.columns.map((c) => c.label), ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
