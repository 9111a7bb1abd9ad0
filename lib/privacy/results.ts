/**
 * What a lookup's answers become in the browser: merged rows (de-duplicated, sorted by activity time),
 * counts per activity type and per channel, the coverage statement (which windows were answered, which
 * failed, which were never asked) and the CSV / JSON files for the data subject.
 *
 * Pure and browser-safe: the rows never reach the server again after Netcore answered (see README.md).
 */
import { formatInstant } from '@/lib/dates';
import type { PrivacyChannel, WindowState } from './constants';

export interface ActivityRow {
  channel: PrivacyChannel;
  /** sent, delivered, open, click, bounce, … as Netcore names it. */
  activity: string;
  messageId: string | null;
  messageName: string | null;
  /** Exactly what Netcore sent, e.g. `23 Jul 2018 @3:33pm`. */
  rawDate: string;
  /** The instant that wall time means in the store's time zone (ISO, UTC), or null when unreadable. */
  at: string | null;
  ip: string | null;
  device: string | null;
  os: string | null;
  browser: string | null;
  link: string | null;
}

export interface WindowInfo {
  id: string;
  channel: PrivacyChannel;
  seq: number;
  /** YYYY-MM-DD */
  from: string;
  to: string;
  state: WindowState;
  activityCount: number | null;
  failureReason: string | null;
  attempts: number;
}

/** Two rows are the same activity when every field Netcore sent is the same. */
export function activityKey(row: ActivityRow): string {
  return JSON.stringify([
    row.channel,
    row.activity,
    row.messageId,
    row.messageName,
    row.rawDate,
    row.ip,
    row.device,
    row.os,
    row.browser,
    row.link,
  ]);
}

function compareRows(a: ActivityRow, b: ActivityRow): number {
  // Unreadable dates go last, in raw order; ties keep a stable, meaningful order.
  if (a.at !== b.at) {
    if (a.at === null) return 1;
    if (b.at === null) return -1;
    return a.at < b.at ? -1 : 1;
  }
  return (
    a.channel.localeCompare(b.channel) ||
    (a.messageId ?? '').localeCompare(b.messageId ?? '', 'en', { numeric: true }) ||
    a.activity.localeCompare(b.activity) ||
    a.rawDate.localeCompare(b.rawDate)
  );
}

/** The union of the windows' rows, without duplicates, sorted by activity time. */
export function mergeActivities(groups: readonly (readonly ActivityRow[])[]): ActivityRow[] {
  const seen = new Map<string, ActivityRow>();
  for (const rows of groups) for (const row of rows) if (!seen.has(activityKey(row))) seen.set(activityKey(row), row);
  return [...seen.values()].sort(compareRows);
}

export interface ActivityCounts {
  total: number;
  byChannel: Record<string, number>;
  byType: Record<string, number>;
  /** channel → type → count */
  byChannelAndType: Record<string, Record<string, number>>;
}

export function countActivities(rows: readonly ActivityRow[]): ActivityCounts {
  const counts: ActivityCounts = { total: rows.length, byChannel: {}, byType: {}, byChannelAndType: {} };
  for (const r of rows) {
    counts.byChannel[r.channel] = (counts.byChannel[r.channel] ?? 0) + 1;
    counts.byType[r.activity] = (counts.byType[r.activity] ?? 0) + 1;
    const perChannel = (counts.byChannelAndType[r.channel] ??= {});
    perChannel[r.activity] = (perChannel[r.activity] ?? 0) + 1;
  }
  return counts;
}

/** Per activity type, as the case keeps it for one window. */
export function countByType(rows: readonly { activity: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.activity] = (out[r.activity] ?? 0) + 1;
  return out;
}

/** The words a coverage statement is written with, in one language (messages "report.*", see coverage-words). */
export interface CoverageWords {
  /** One window: its channel and period ("e-mail 2024-05-01 to 2024-05-07"). */
  window: (w: Pick<WindowInfo, 'channel' | 'from' | 'to'>) => string;
  /** A failure reason kind (lib/staff-words.ts `privacyWindowFailureKind`) in words; an unknown text as it is. */
  reason: (reason: string) => string;
  /** The whole statement from its parts (counts and the lists, already joined). */
  statement: (parts: CoverageParts) => string;
}

export interface CoverageParts {
  answered: number;
  total: number;
  answeredList: string;
  failed: number;
  failedList: string;
  neverAsked: number;
  neverAskedList: string;
}

export interface Coverage {
  answered: WindowInfo[];
  failed: WindowInfo[];
  /** Never asked, or asked and not answered (pending when the statement was made). */
  notAsked: WindowInfo[];
  complete: boolean;
}

/**
 * Which windows the results cover. A window counts as answered only when its rows are part of the
 * result at hand (`hasRows`): a window answered in another browser session is not in this export.
 */
export function coverageOf(windows: readonly WindowInfo[], hasRows: (windowId: string) => boolean = () => true): Coverage {
  const sorted = [...windows].sort((a, b) => a.channel.localeCompare(b.channel) || a.seq - b.seq);
  const answered = sorted.filter((w) => w.state === 'answered' && hasRows(w.id));
  const failed = sorted.filter((w) => w.state === 'failed');
  const notAsked = sorted.filter((w) => !answered.includes(w) && !failed.includes(w));
  return { answered, failed, notAsked, complete: answered.length === sorted.length && sorted.length > 0 };
}

/** A window with its failure reason, in `words`' language. */
export function describeFailedWindow(w: WindowInfo, words: Pick<CoverageWords, 'window' | 'reason'>): string {
  return w.failureReason ? `${words.window(w)} (${words.reason(w.failureReason)})` : words.window(w);
}

/** One paragraph for the screen, the report and the files, in `words`' language. */
export function coverageStatement(c: Coverage, words: CoverageWords): string {
  const list = (ws: WindowInfo[]) => ws.map(words.window).join('; ');
  return words.statement({
    answered: c.answered.length,
    total: c.answered.length + c.failed.length + c.notAsked.length,
    answeredList: list(c.answered),
    failed: c.failed.length,
    failedList: c.failed.map((w) => describeFailedWindow(w, words)).join('; '),
    neverAsked: c.notAsked.length,
    neverAskedList: list(c.notAsked),
  });
}

export const CSV_COLUMNS = [
  'channel',
  'activity_type',
  'message_id',
  'message_name',
  'time_store',
  'time_utc',
  'activity_date_raw',
  'ip',
  'device',
  'os',
  'browser',
  'link',
] as const;

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with ' (CSV injection). */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * The header row of the CSV: the stable machine-readable keys (CSV_COLUMNS, English) when `headers` is
 * 'keys', or the person's language (`headers` maps each key to its column name).
 */
export function activitiesToCsv(rows: readonly ActivityRow[], timeZone: string, headers: 'keys' | Record<CsvColumn, string> = 'keys'): string {
  const lines = [CSV_COLUMNS.map((key) => csvCell(headers === 'keys' ? key : headers[key])).join(',')];
  for (const r of rows) {
    lines.push(
      [r.channel, r.activity, r.messageId, r.messageName, formatInstant(r.at, timeZone, 'isoMinute', ''), r.at, r.rawDate, r.ip, r.device, r.os, r.browser, r.link]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Minimal RFC 4180 reader (for tests and for checking a file): rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface SubjectProfile {
  /** Footprints' client record, trimmed to what the data subject is owed (see lib/privacy/profile.ts). */
  vendor: 'footprints';
  found: boolean;
  record: Record<string, unknown> | null;
}

export interface ExportEnvelope {
  reference: string;
  receivedOn: string;
  dueOn: string;
  producedAt: string;
  timeZone: string;
  subject: { email: string | null; phone: string | null };
}

export interface ExportDocument extends ExportEnvelope {
  period: { from: string; to: string; channels: PrivacyChannel[] };
  coverage: { statement: string; answered: string[]; failed: string[]; neverAsked: string[]; windows: { answered: WindowInfo[]; failed: WindowInfo[]; neverAsked: WindowInfo[] } };
  counts: ActivityCounts;
  activities: (ActivityRow & { timeStore: string })[];
  footprintsProfile: SubjectProfile | null;
}

export function buildExportDocument(input: {
  envelope: ExportEnvelope;
  period: { from: string; to: string; channels: PrivacyChannel[] };
  windows: readonly WindowInfo[];
  hasRows?: (windowId: string) => boolean;
  rows: readonly ActivityRow[];
  profile: SubjectProfile | null;
  /** The language the person reads the coverage in. */
  words: CoverageWords;
}): ExportDocument {
  const coverage = coverageOf(input.windows, input.hasRows);
  return {
    ...input.envelope,
    period: input.period,
    coverage: {
      statement: coverageStatement(coverage, input.words),
      answered: coverage.answered.map(input.words.window),
      failed: coverage.failed.map((w) => describeFailedWindow(w, input.words)),
      neverAsked: coverage.notAsked.map(input.words.window),
      windows: { answered: coverage.answered, failed: coverage.failed, neverAsked: coverage.notAsked },
    },
    counts: countActivities(input.rows),
    activities: input.rows.map((r) => ({ ...r, timeStore: formatInstant(r.at, input.envelope.timeZone, 'isoMinute', '') })),
    footprintsProfile: input.profile,
  };
}
