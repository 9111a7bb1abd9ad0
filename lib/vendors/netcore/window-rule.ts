/**
 * The one rule that decides whether a date range is a legal Netcore channel-activity request.
 *
 * Netcore's docs say only "limited to seven days" and do not say whether both ends count, so the console
 * reads it as seven calendar days counting both ends (to − from ≤ 6 days): the reading that is legal under
 * either interpretation. The form, the action and the Netcore client all call `checkActivityWindow`, so no
 * crafted call can send a longer window.
 *
 * Pure and browser-safe: no `server-only`, no Node APIs. Dates are calendar dates (no time, no zone);
 * arithmetic is on day numbers, never on local-time milliseconds, so DST changes cannot shift a day.
 */

import { calendarDayInZone } from '@/lib/dates';

/** The most calendar days one request may cover, both ends included. */
export const MAX_WINDOW_DAYS = 7;

export interface CalendarDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

export type WindowProblem = 'malformed_from' | 'malformed_to' | 'from_after_to' | 'too_long' | 'future' | 'malformed_today';

export type WindowCheck =
  | {
      ok: true;
      /** DDMMYYYY, as sent to Netcore. */
      fromDate: string;
      toDate: string;
      /** Calendar days covered, both ends included (1..7). */
      days: number;
    }
  | {
      ok: false;
      problem: WindowProblem;
      /** Which input the message belongs beside in a form. */
      field: 'fromDate' | 'toDate';
      /** User-facing; always states the limit. */
      message: string;
    };

const LIMIT_SENTENCE = `Netcore serves channel activity at most ${MAX_WINDOW_DAYS} days at a time (both dates included), and not for future dates.`;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  // Stryker: survivor (year <= 9999 → true) because it is an equivalent mutant: both callers take the year from
  // exactly four digits; the bound stays for any caller to come.
  return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian); Date.UTC has no DST. */
export function toDayNumber(d: CalendarDate): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

export function fromDayNumber(n: number): CalendarDate {
  const date = new Date(n * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(d) + days);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "15072018" → {2018, 7, 15}; anything but eight digits naming a real date → null. */
export function parseDdmmyyyy(value: string): CalendarDate | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

export function formatDdmmyyyy(d: CalendarDate): string {
  return `${pad(d.day)}${pad(d.month)}${pad(d.year, 4)}`;
}

/** "2018-07-15" → {2018, 7, 15}; anything else → null. */
export function parseIsoDate(value: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

export function formatIsoDate(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** "2018-07-15" → "15072018"; not a real ISO date → null. */
export function isoToDdmmyyyy(iso: string): string | null {
  const d = parseIsoDate(iso);
  return d ? formatDdmmyyyy(d) : null;
}

/** "15072018" → "2018-07-15"; not a real DDMMYYYY date → null. */
export function ddmmyyyyToIso(value: string): string | null {
  const d = parseDdmmyyyy(value);
  return d ? formatIsoDate(d) : null;
}

/** Today in an IANA zone as DDMMYYYY (what `checkActivityWindow` and the Netcore client take); "today" is lib/dates'. */
export function todayDdmmyyyy(timeZone: string, now: Date = new Date()): string {
  return formatDdmmyyyy(calendarDayInZone(now, timeZone));
}

export interface WindowInput {
  /** DDMMYYYY */
  fromDate: string;
  /** DDMMYYYY */
  toDate: string;
  /** DDMMYYYY: the calendar date today in the store's time zone (see `todayDdmmyyyy`). */
  today: string;
}

/** Decides whether [fromDate, toDate] may be sent to Netcore's channel-activity export. */
export function checkActivityWindow({ fromDate, toDate, today }: WindowInput): WindowCheck {
  const from = parseDdmmyyyy(fromDate);
  if (!from) {
    return { ok: false, problem: 'malformed_from', field: 'fromDate', message: `The start date is not a real date (DDMMYYYY). ${LIMIT_SENTENCE}` };
  }
  const to = parseDdmmyyyy(toDate);
  if (!to) {
    return { ok: false, problem: 'malformed_to', field: 'toDate', message: `The end date is not a real date (DDMMYYYY). ${LIMIT_SENTENCE}` };
  }
  const now = parseDdmmyyyy(today);
  if (!now) {
    // A programming error rather than user input; still a result, never a throw.
    return { ok: false, problem: 'malformed_today', field: 'toDate', message: `Today's date could not be determined. ${LIMIT_SENTENCE}` };
  }
  const [f, t, n] = [toDayNumber(from), toDayNumber(to), toDayNumber(now)];
  if (f > t) {
    return { ok: false, problem: 'from_after_to', field: 'toDate', message: `The end date is before the start date. ${LIMIT_SENTENCE}` };
  }
  if (t > n) {
    return { ok: false, problem: 'future', field: 'toDate', message: `The range reaches into the future. ${LIMIT_SENTENCE}` };
  }
  const days = t - f + 1;
  if (days > MAX_WINDOW_DAYS) {
    return {
      ok: false,
      problem: 'too_long',
      field: 'toDate',
      message: `The range covers ${days} days. ${LIMIT_SENTENCE} Split longer periods into windows of ${MAX_WINDOW_DAYS} days.`,
    };
  }
  return { ok: true, fromDate: formatDdmmyyyy(from), toDate: formatDdmmyyyy(to), days };
}

/** Same rule for ISO (YYYY-MM-DD) inputs, as a browser form holds them. */
export function checkActivityWindowIso(input: { from: string; to: string; today: string }): WindowCheck {
  // Stryker: survivors (`invalid:…` → ``) because they are equivalent mutants: an empty string fails the
  // DDMMYYYY parse exactly as the marked one does, and the answer is the same malformed_* problem.
  return checkActivityWindow({
    fromDate: isoToDdmmyyyy(input.from) ?? `invalid:${input.from}`,
    toDate: isoToDdmmyyyy(input.to) ?? `invalid:${input.to}`,
    today: isoToDdmmyyyy(input.today) ?? `invalid:${input.today}`,
  });
}
