import { describe, expect, it } from 'vitest';
import { addDaysIso, dayInZone, formatCalendarDay, formatInstant, isIsoDay, isTimeZone, parseIsoDay, todayInZone, toInstant } from './dates';

describe('dates', () => {
  it('knows IANA zones', () => {
    expect(isTimeZone('Europe/Bucharest')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('today is the store zone’s calendar day, not the machine’s', () => {
    // 22:30 UTC on 31 Dec is already 1 Jan in Bucharest (UTC+2) and still 31 Dec in New York.
    const now = new Date('2025-12-31T22:30:00Z');
    expect(todayInZone('Europe/Bucharest', now)).toBe('2026-01-01');
    expect(todayInZone('America/New_York', now)).toBe('2025-12-31');
    expect(todayInZone('UTC', now)).toBe('2025-12-31');
    expect(dayInZone(new Date('2024-07-23T21:59:59Z'), 'Europe/Bucharest')).toBe('2024-07-24');
  });

  it('parses only real calendar days', () => {
    expect(parseIsoDay('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2024-13-01')).toBe(false);
    expect(isIsoDay('24-01-01')).toBe(false);
    expect(isIsoDay('2024-1-01')).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDaysIso('2025-12-31', 1)).toBe('2026-01-01');
    expect(() => addDaysIso('2025-02-30', 1)).toThrow(RangeError);
  });

  it('formats instants in the store zone', () => {
    const at = '2024-07-23T12:33:07.000Z';
    expect(formatInstant(at, 'Europe/Bucharest', 'isoMinute')).toBe('2024-07-23 15:33');
    expect(formatInstant(at, 'Europe/Bucharest', 'day')).toBe('23 Jul 2024');
    expect(formatInstant(at, 'Europe/Bucharest', 'dayTime')).toBe('23 Jul 2024, 15:33');
    expect(formatInstant(at, 'Europe/Bucharest', 'dayTimeSeconds')).toBe('23 Jul 2024, 15:33:07');
    expect(formatInstant(at, 'Europe/Bucharest', 'time')).toBe('23 Jul, 15:33:07');
    expect(formatInstant(new Date(at), 'UTC', 'isoMinute')).toBe('2024-07-23 12:33');
    // Midnight is 00, never 24.
    expect(formatInstant('2024-07-23T21:00:00Z', 'Europe/Bucharest', 'isoMinute')).toBe('2024-07-24 00:00');
  });

  it('shows a placeholder for missing or unreadable instants', () => {
    expect(formatInstant(null, 'UTC')).toBe('—');
    expect(formatInstant(undefined, 'UTC', 'day')).toBe('—');
    expect(formatInstant('not a date', 'UTC', 'isoMinute', '')).toBe('');
    expect(toInstant('')).toBeNull();
  });
});

describe('formatCalendarDay', () => {
  it('writes a calendar day in the reader’s language, whatever the zone', () => {
    expect(formatCalendarDay('2026-05-04', 'ro')).toBe('04 mai 2026');
    expect(formatCalendarDay('2026-05-04', 'en')).toBe('04 May 2026');
    expect(formatCalendarDay('2026-12-31', 'ro')).toBe('31 dec. 2026');
    expect(formatCalendarDay('not a day', 'en')).toBe('not a day');
  });
});
