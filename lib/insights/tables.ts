/**
 * Every card's numbers as a table: the page shows it beside the chart (the view screen readers use) and the
 * CSV export writes the very same cells, so the two can never disagree. Pure.
 *
 * The words and numbers of a table come from a `TableWords` (issue 16):
 * - `localTableWords`: the person's language — headers, statuses, reasons and row names translated, numbers,
 *   lei and days written as the language writes them. The page and the CSV "in my language" use it.
 * - `MACHINE_TABLE_WORDS`: the stable, machine-readable variant of the CSV — each header is its column's key
 *   (`inOrderRate`), a status or reason is its code (`sale_lead`, `price_too_high`), numbers are plain
 *   (`1234.50`, `57.1%`, ISO days): the same in every language and every release.
 */
import { formatInstant } from '@/lib/dates';
import { formatLei, formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { LeadStatus } from '@/lib/leads/status-labels';
import type { BreakdownDimension, BreakdownRow } from './breakdowns';
import type { ConsentChannel } from './capture-activity';
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

/** The two CSV variants: headers and text values in the person's language, or English keys and codes. */
export const CSV_VARIANTS = ['localized', 'machine'] as const;
export type CsvVariant = (typeof CSV_VARIANTS)[number];

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

/** A translator of one namespace (next-intl's `t`, or a test's). */
export type Words = (key: string, values?: Record<string, string | number>) => string;

type CaptionKey = 'funnel' | 'lost' | 'time' | 'stale' | 'breakdown' | 'capturesPerDay' | 'capturesPerHostess' | 'consent' | 'nps' | 'loyalty';

/** How a table says its words and numbers. */
export interface TableWords {
  /** The machine-readable variant: each header is its column's key. */
  machine?: boolean;
  caption(key: CaptionKey, values?: Record<string, string | number>): string;
  /** A column's header; `status` for the "lost from <status>" columns. */
  column(key: string, status?: (typeof LOST_FROM_STATUSES)[number]): string;
  status(s: LeadStatus): string;
  lostReason(r: LostReasonKey): string;
  consent(c: ConsentChannel | 'any'): string;
  row(key: 'captured' | 'overall'): string;
  dimension(d: BreakdownDimension): string;
  integer(n: number): string;
  percent(share: number | null): string;
  days(n: number | null): string;
  money(n: number): string;
  /** A calendar day "2026-03-01". */
  day(ymd: string): string;
}

export const integer = (n: number): string => String(Math.round(n));
export const percent = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
export const days = (n: number | null): string => (n === null ? '—' : n.toFixed(1));
export const money = (n: number): string => n.toFixed(2);

/** The machine-readable variant: English keys and codes, plain numbers. */
export const MACHINE_TABLE_WORDS: TableWords = {
  machine: true,
  caption: (key) => key,
  column: (key, status) => (status ? `${key}_${status}` : key),
  status: (s) => s,
  lostReason: (r) => r,
  consent: (c) => c,
  row: (key) => key,
  dimension: (d) => d,
  integer,
  percent,
  days,
  money,
  day: (ymd) => ymd,
};

/**
 * The person's language: `t` is the `insights` namespace, `tl` the `leads` one (statuses, lost reasons);
 * numbers and lei by `locale`, calendar days in the store's zone.
 */
export function localTableWords(t: Words, tl: Words, locale: Locale, timeZone: string): TableWords {
  const oneDecimal = (n: number) => formatNumber(Math.round(n * 10) / 10, locale, 1);
  return {
    caption: (key, values) => t(`table.captions.${key}`, values),
    column: (key, status) => (status ? t('table.columns.lostFrom', { status: t(`table.statusesLower.${status}`) }) : t(`table.columns.${key}`)),
    status: (s) => tl(`statuses.${s}`),
    lostReason: (r) => (r === 'none' ? t('table.rows.noReason') : tl(`lostReasons.${r}`)),
    consent: (c) => t(`table.consent.${c}`),
    row: (key) => t(`table.rows.${key}`),
    dimension: (d) => t(`table.dimensions.${d}`),
    integer: (n) => formatNumber(Math.round(n), locale),
    percent: (share) => (share === null ? '—' : `${oneDecimal(share * 100)}%`),
    days: (n) => (n === null ? '—' : oneDecimal(n)),
    money: (n) => formatLei(n, locale),
    day: (ymd) => (/^\d{4}-\d{2}-\d{2}$/.test(ymd) ? formatInstant(`${ymd}T12:00:00Z`, timeZone, 'day', ymd, locale) : ymd),
  };
}

function breakdownTable(w: TableWords, dimensionLower: string, id: CardId, dim: BreakdownDimension, rows: BreakdownRow[]): CardTable {
  return {
    id,
    caption: w.caption('breakdown', { dimension: dimensionLower }),
    columns: [
      { key: 'name', label: w.dimension(dim) },
      { key: 'leads', label: w.column('leads'), numeric: true },
      { key: 'customers', label: w.column('customers'), numeric: true },
      { key: 'conversion', label: w.column('conversion'), numeric: true },
      { key: 'value', label: w.column('value'), numeric: true },
      { key: 'days', label: w.column('avgDays'), numeric: true },
    ],
    rows: rows.map((r) => [r.name, w.integer(r.leads), w.integer(r.customers), w.percent(r.conversion), w.money(r.contractValue), w.days(r.avgDaysToCustomer)]),
  };
}

/**
 * Every card's table in `w`'s words. `dimensionLower` names a breakdown's dimension inside a sentence
 * ("Leads per store"); only the page's captions use it.
 */
export function cardTables(i: Insights, w: TableWords, dimensionLower: (d: BreakdownDimension) => string = (d) => d): Record<CardId, CardTable> {
  const tables = tablesIn(i, w, dimensionLower);
  if (!w.machine) return tables;
  return Object.fromEntries(Object.entries(tables).map(([id, table]) => [id, { ...table, columns: table.columns.map((c) => ({ ...c, label: c.key })) }])) as Record<CardId, CardTable>;
}

function tablesIn(i: Insights, w: TableWords, dimensionLower: (d: BreakdownDimension) => string): Record<CardId, CardTable> {
  const inOrder = funnelConversions(i.funnel, 'inOrder');
  const anyPoint = funnelConversions(i.funnel, 'anyPoint');
  const prevAny = funnelConversions(i.previousFunnel, 'anyPoint');
  const funnel: CardTable = {
    id: 'funnel',
    caption: w.caption('funnel', { from: w.day(i.period.from), to: w.day(i.period.to), prevFrom: w.day(i.previousPeriod.from), prevTo: w.day(i.previousPeriod.to) }),
    columns: [
      { key: 'step', label: w.column('step') },
      { key: 'inOrder', label: w.column('inOrder'), numeric: true },
      { key: 'inOrderRate', label: w.column('inOrderRate'), numeric: true },
      { key: 'anyPoint', label: w.column('anyPoint'), numeric: true },
      { key: 'anyPointRate', label: w.column('anyPointRate'), numeric: true },
      { key: 'previous', label: w.column('previous'), numeric: true },
    ],
    rows: [
      [w.row('captured'), w.integer(i.funnel.captured), '—', w.integer(i.funnel.captured), '—', w.integer(i.previousFunnel.captured)],
      ...inOrder.steps.map((s, k) => [
        w.status(s.step),
        w.integer(s.count),
        w.percent(s.fromPrevious),
        w.integer(anyPoint.steps[k].count),
        w.percent(anyPoint.steps[k].fromPrevious),
        w.integer(prevAny.steps[k].count),
      ]),
      [w.row('overall'), w.integer(inOrder.steps[4].count), w.percent(inOrder.overall), w.integer(anyPoint.steps[4].count), w.percent(anyPoint.overall), w.percent(prevAny.overall)],
    ],
  };
  const lostReasons: CardTable = {
    id: 'lost-reasons',
    caption: w.caption('lost', { total: w.integer(i.lostReasons.total), previous: w.integer(i.previousLostTotal) }),
    columns: [
      { key: 'reason', label: w.column('reason') },
      { key: 'count', label: w.column('leads'), numeric: true },
      { key: 'share', label: w.column('share'), numeric: true },
      ...LOST_FROM_STATUSES.map((s) => ({ key: `from_${s}`, label: w.column('from', s), numeric: true })),
    ],
    rows: i.lostReasons.rows.map((r) => [w.lostReason(r.reason), w.integer(r.count), w.percent(r.share), ...LOST_FROM_STATUSES.map((s) => w.integer(r.whenLost[s]))]),
  };
  const timeInStage: CardTable = {
    id: 'time-in-stage',
    caption: w.caption('time'),
    columns: [
      { key: 'status', label: w.column('status') },
      { key: 'stays', label: w.column('stays'), numeric: true },
      { key: 'median', label: w.column('median'), numeric: true },
      { key: 'p90', label: w.column('p90'), numeric: true },
    ],
    rows: i.timeInStage.map((s) => [w.status(s.status), w.integer(s.stays), w.days(s.medianDays), w.days(s.p90Days)]),
  };
  const staleLeads: CardTable = {
    id: 'stale-leads',
    caption: w.caption('stale', { total: w.integer(i.staleLeads.total) }),
    columns: [
      { key: 'lead', label: w.column('lead') },
      { key: 'status', label: w.column('status') },
      { key: 'days', label: w.column('daysInStatus'), numeric: true },
      { key: 'p90', label: w.column('p90'), numeric: true },
    ],
    rows: i.staleLeads.leads.map((l) => [l.name, w.status(l.status), w.days(l.days), w.days(l.p90Days)]),
    leadIds: i.staleLeads.leads.map((l) => l.id),
  };
  const breakdown = (id: CardId, dim: BreakdownDimension, rows: BreakdownRow[]) => breakdownTable(w, dimensionLower(dim), id, dim, rows);
  return {
    funnel,
    'lost-reasons': lostReasons,
    'time-in-stage': timeInStage,
    'stale-leads': staleLeads,
    'breakdown-location': breakdown('breakdown-location', 'location', i.breakdowns.location),
    'breakdown-consultant': breakdown('breakdown-consultant', 'consultant', i.breakdowns.consultant),
    'breakdown-channel': breakdown('breakdown-channel', 'channel', i.breakdowns.channel),
    'breakdown-category': breakdown('breakdown-category', 'category', i.breakdowns.category),
    'breakdown-offer': breakdown('breakdown-offer', 'offer', i.breakdowns.offer),
    'captures-per-day': {
      id: 'captures-per-day',
      caption: w.caption('capturesPerDay', { total: w.integer(i.captures.total), previous: w.integer(i.previousCaptures) }),
      columns: [
        { key: 'day', label: w.column('day') },
        { key: 'captures', label: w.column('captures'), numeric: true },
      ],
      rows: i.captures.perDay.map((d) => [w.day(d.day), w.integer(d.captures)]),
    },
    'captures-per-hostess': {
      id: 'captures-per-hostess',
      caption: w.caption('capturesPerHostess'),
      columns: [
        { key: 'hostess', label: w.column('hostess') },
        { key: 'captures', label: w.column('captures'), numeric: true },
      ],
      rows: i.captures.perHostess.map((h) => [h.hostess, w.integer(h.captures)]),
    },
    consent: {
      id: 'consent',
      caption: w.caption('consent'),
      columns: [
        { key: 'channel', label: w.column('channel') },
        { key: 'agreed', label: w.column('agreed'), numeric: true },
        { key: 'rate', label: w.column('rate'), numeric: true },
      ],
      rows: i.captures.consent.map((c) => [w.consent(c.channel), w.integer(c.agreed), w.percent(c.rate)]),
    },
    nps: {
      id: 'nps',
      caption: w.caption('nps', { score: i.nps.score === null ? '—' : w.integer(i.nps.score), responses: w.integer(i.nps.responses), previous: i.previousNpsScore === null ? '—' : w.integer(i.previousNpsScore) }),
      columns: [
        { key: 'score', label: w.column('score') },
        { key: 'leads', label: w.column('leads'), numeric: true },
      ],
      rows: i.nps.distribution.map((d) => [w.integer(d.score), w.integer(d.leads)]),
    },
    loyalty: {
      id: 'loyalty',
      caption: w.caption('loyalty', {
        redemptions: w.integer(i.loyalty.redemptions),
        blocks: w.integer(i.loyalty.blocks),
        prevRedemptions: w.integer(i.previousLoyalty.redemptions),
        prevBlocks: w.integer(i.previousLoyalty.blocks),
      }),
      columns: [
        { key: 'day', label: w.column('day') },
        { key: 'campaign', label: w.column('campaign') },
        { key: 'redemptions', label: w.column('redemptions'), numeric: true },
        { key: 'blocks', label: w.column('blocks'), numeric: true },
      ],
      rows: i.loyalty.rows.map((r) => [w.day(r.day), r.campaign, w.integer(r.redemptions), w.integer(r.blocks)]),
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
