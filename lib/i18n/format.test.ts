import { describe, expect, it } from 'vitest';
import { formatInstant, formatRelative } from '@/lib/dates';
import { formatLei, formatNumber } from './format';

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('money in lei', () => {
  it('Romanian writes "12.500 lei", English "RON 12,500"', () => {
    expect(nbsp(formatLei(12500, 'ro'))).toBe('12.500 lei');
    expect(nbsp(formatLei(12500, 'en'))).toBe('RON 12,500');
    expect(nbsp(formatLei(1234567.5, 'ro'))).toBe('1.234.567,50 lei');
    expect(nbsp(formatLei(1234567.5, 'en'))).toBe('RON 1,234,567.50');
    expect(nbsp(formatLei(0, 'ro'))).toBe('0 lei');
    expect(formatLei(null, 'ro')).toBe('—');
    expect(formatLei(Number.NaN, 'en', '')).toBe('');
  });
  it('keeps amount and currency on one line', () => {
    expect(formatLei(12500, 'ro')).toContain('\u00a0');
    expect(formatLei(12500, 'en')).toContain('\u00a0');
  });
});

describe('numbers', () => {
  it('group thousands the language’s way', () => {
    expect(formatNumber(12500, 'ro')).toBe('12.500');
    expect(formatNumber(12500, 'en')).toBe('12,500');
    expect(formatNumber(2.5, 'ro', 1)).toBe('2,5');
    expect(formatNumber(2.5, 'en', 1)).toBe('2.5');
    expect(formatNumber(2.6, 'en')).toBe('3');
  });
});

describe('dates in the store’s zone', () => {
  // 21:30 UTC on 3 May is 00:30 on 4 May in Bucharest (UTC+3 in summer).
  const at = new Date('2026-05-03T21:30:00Z');
  it('month names and order by language', () => {
    expect(formatInstant(at, 'Europe/Bucharest', 'day', '—', 'ro')).toBe('04 mai 2026');
    expect(formatInstant(at, 'Europe/Bucharest', 'day', '—', 'en')).toBe('04 May 2026');
    expect(formatInstant(at, 'Europe/Bucharest', 'dayTime', '—', 'ro')).toBe('04 mai 2026, 00:30');
    expect(formatInstant(at, 'Europe/Bucharest', 'dayTime', '—', 'en')).toBe('04 May 2026, 00:30');
    expect(formatInstant(at, 'Europe/Bucharest', 'isoMinute', '—', 'ro')).toBe('2026-05-04 00:30');
  });
  it('English stays the default', () => {
    expect(formatInstant(at, 'Europe/Bucharest', 'day')).toBe('04 May 2026');
  });
});

describe('relative times', () => {
  const now = new Date('2026-05-04T09:00:00Z'); // 12:00 in Bucharest
  const tz = 'Europe/Bucharest';
  it('days, in each language', () => {
    expect(formatRelative(new Date('2026-05-07T09:00:00Z'), tz, 'ro', now)).toBe('peste 3 zile');
    expect(formatRelative(new Date('2026-05-07T09:00:00Z'), tz, 'en', now)).toBe('in 3 days');
    expect(formatRelative(new Date('2026-05-05T06:00:00Z'), tz, 'ro', now)).toBe('mâine');
    expect(formatRelative(new Date('2026-05-05T06:00:00Z'), tz, 'en', now)).toBe('tomorrow');
    expect(formatRelative(new Date('2026-05-01T09:00:00Z'), tz, 'ro', now)).toBe('acum 3 zile');
  });
  it('hours and minutes under a day', () => {
    expect(formatRelative(new Date('2026-05-04T11:00:00Z'), tz, 'en', now)).toBe('in 2 hours');
    expect(formatRelative(new Date('2026-05-04T11:00:00Z'), tz, 'ro', now)).toBe('peste 2 ore');
    expect(formatRelative(new Date('2026-05-04T08:55:00Z'), tz, 'en', now)).toBe('5 minutes ago');
    expect(formatRelative(null, tz, 'en', now)).toBe('—');
  });
});
