/**
 * Dates as the console shows and reads them: "today" in the store's zone, calendar days (YYYY-MM-DD, what an
 * `<input type="date">` holds), and instants formatted in the store's zone. Pure (no config, no server-only
 * import): pages, use cases and client components all use it, passing the store's IANA zone explicitly.
 * Vendor dialects (Footprints "Y-m-d H:i:s", Netcore DDMMYYYY) stay with their clients.
 */
import { INTL_TAGS, type Locale } from '@/lib/i18n/locales';

/** Whether `tz` is an IANA time zone this runtime knows ("Europe/Bucharest"). */
export function isTimeZone(tz: string): boolean {
  if (!tz) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const ISO_DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-02-29" → {2024, 2, 29}; not a real calendar day (2024-02-30) → null. */
export function parseIsoDay(value: string): CalendarDay | null {
  const m = ISO_DAY_RE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(year, month - 1, day));
  if (dt.getUTCFullYear() !== year || dt.getUTCMonth() !== month - 1 || dt.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isIsoDay(value: string): boolean {
  return parseIsoDay(value) !== null;
}

export function formatIsoDay(d: CalendarDay): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Calendar arithmetic on YYYY-MM-DD (no zone involved). */
export function addDaysIso(ymd: string, days: number): string {
  const d = parseIsoDay(ymd);
  if (!d) throw new RangeError(`not a calendar day: ${ymd}`);
  const dt = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return dt.toISOString().slice(0, 10);
}

// Building a formatter costs far more than using one; every page and Netcore call asks.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    if (formatters.size > 200) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/** The calendar day an instant falls on in `timeZone`. Throws RangeError for an unknown zone. */
export function calendarDayInZone(instant: Date, timeZone: string): CalendarDay {
  const parts = formatter(`calendar|${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** YYYY-MM-DD of an instant in `timeZone`. */
export function dayInZone(instant: Date, timeZone: string): string {
  return formatIsoDay(calendarDayInZone(instant, timeZone));
}

/** Today in the store's zone as YYYY-MM-DD (the store's "today", whatever zone the server or tablet is in). */
export function todayInZone(timeZone: string, now: Date = new Date()): string {
  return dayInZone(now, timeZone);
}

type Instant = Date | string | number | null | undefined;

/** A Date from an instant (Date, ISO string, epoch ms); null when missing or unreadable. */
export function toInstant(value: Instant): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * How staff read an instant, always in the store's zone:
 * - day: "04 May 2026"
 * - dayTime: "04 May 2026, 15:33"
 * - dayTimeSeconds: "04 May 2026, 15:33:07" (audit trail, sync times)
 * - isoMinute: "2026-05-04 15:33" (exports and reports: sortable, locale-free)
 * - time: "04 May, 15:33:07" (queue times)
 */
export type DateStyle = 'day' | 'dayTime' | 'dayTimeSeconds' | 'isoMinute' | 'time';

const STYLE_OPTIONS: Record<Exclude<DateStyle, 'isoMinute'>, Intl.DateTimeFormatOptions> = {
  day: { year: 'numeric', month: 'short', day: '2-digit' },
  dayTime: { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  dayTimeSeconds: { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  time: { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
};

/**
 * An instant in the store's zone in one of the styles above; `empty` when there is none. `locale` picks the
 * language of month names and the order of parts ("04 May 2026" / "04 mai 2026"); isoMinute is the same in
 * every language.
 */
export function formatInstant(value: Instant, timeZone: string, style: DateStyle = 'dayTime', empty = '—', locale: Locale = 'en'): string {
  const date = toInstant(value);
  if (!date) return empty;
  if (style === 'isoMinute') {
    const parts = formatter(`iso|${timeZone}`, () =>
      new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }),
    ).formatToParts(date);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  }
  const tag = INTL_TAGS[locale];
  return formatter(`style:${style}|${timeZone}|${tag}`, () => new Intl.DateTimeFormat(tag, { timeZone, ...STYLE_OPTIONS[style] })).format(date);
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

/**
 * How far an instant is from now, in the staff's language: "in 3 days" / "în 3 zile", "2 hours ago" /
 * "acum 2 ore", "tomorrow" / "mâine". A day or more away, or on another calendar day of the store's zone
 * and at least 12 hours away: calendar days ("tomorrow" at 20:00 for 09:00 tomorrow); else hours, then minutes.
 */
export function formatRelative(value: Instant, timeZone: string, locale: Locale, now: Date = new Date(), empty = '—'): string {
  const date = toInstant(value);
  if (!date) return empty;
  const tag = INTL_TAGS[locale];
  let rtf = relativeFormatters.get(tag);
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
    relativeFormatters.set(tag, rtf);
  }
  const days = Math.round((Date.parse(dayInZone(date, timeZone)) - Date.parse(dayInZone(now, timeZone))) / 86_400_000);
  const ms = date.getTime() - now.getTime();
  if (Math.abs(ms) >= 86_400_000 || (days !== 0 && Math.abs(ms) >= 12 * 3_600_000)) return rtf.format(days, 'day');
  if (Math.abs(ms) >= 3_600_000) return rtf.format(Math.trunc(ms / 3_600_000), 'hour');
  return rtf.format(Math.trunc(ms / 60_000), 'minute');
}

/**
 * A calendar day (YYYY-MM-DD) as people read it in `locale`: "04 May 2026" / "04 mai 2026" (the 'day' style of
 * formatInstant; a calendar day has no zone). Not a calendar day: returned as it is.
 */
export function formatCalendarDay(ymd: string, locale: Locale): string {
  const d = parseIsoDay(ymd);
  if (!d) return ymd;
  const tag = INTL_TAGS[locale];
  return formatter(`calendarDay|${tag}`, () => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', ...STYLE_OPTIONS.day })).format(new Date(Date.UTC(d.year, d.month - 1, d.day, 12)));
}
