import { describe, expect, it } from 'vitest';
import {
  MAX_WINDOW_DAYS,
  addDays,
  checkActivityWindow,
  isLeapYear,
  parseIsoDate,
  checkActivityWindowIso,
  ddmmyyyyToIso,
  isoToDdmmyyyy,
  parseDdmmyyyy,
  todayDdmmyyyy,
} from './window-rule';

const today = '20072018';

describe('checkActivityWindow', () => {
  it('accepts seven days counting both ends', () => {
    const r = checkActivityWindow({ fromDate: '13072018', toDate: '19072018', today });
    expect(r).toEqual({ ok: true, fromDate: '13072018', toDate: '19072018', days: 7 });
  });

  it('refuses eight days, with a message that states the limit', () => {
    const r = checkActivityWindow({ fromDate: '12072018', toDate: '19072018', today });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toBe('too_long');
    expect(r.field).toBe('toDate');
    expect(r.message).toContain('8 days');
    expect(r.message).toContain(`at most ${MAX_WINDOW_DAYS} days`);
  });

  it('accepts a single day and the docs sample (15–19 Jul 2018)', () => {
    expect(checkActivityWindow({ fromDate: '19072018', toDate: '19072018', today })).toMatchObject({ ok: true, days: 1 });
    expect(checkActivityWindow({ fromDate: '15072018', toDate: '19072018', today })).toMatchObject({ ok: true, days: 5 });
  });

  it('refuses an end before the start', () => {
    const r = checkActivityWindow({ fromDate: '19072018', toDate: '18072018', today });
    expect(r).toMatchObject({ ok: false, problem: 'from_after_to' });
  });

  it('refuses the future, accepts today', () => {
    expect(checkActivityWindow({ fromDate: '15072018', toDate: '21072018', today })).toMatchObject({ ok: false, problem: 'future' });
    expect(checkActivityWindow({ fromDate: '14072018', toDate: '20072018', today })).toMatchObject({ ok: true, days: 7 });
  });

  it('refuses malformed and unreal dates', () => {
    expect(checkActivityWindow({ fromDate: '2018-07-15', toDate: '19072018', today })).toMatchObject({ ok: false, problem: 'malformed_from', field: 'fromDate' });
    expect(checkActivityWindow({ fromDate: '31062018', toDate: '01072018', today })).toMatchObject({ ok: false, problem: 'malformed_from' });
    expect(checkActivityWindow({ fromDate: '15072018', toDate: '1972018', today })).toMatchObject({ ok: false, problem: 'malformed_to' });
    expect(checkActivityWindow({ fromDate: '29022019', toDate: '01032019', today: '01012020' })).toMatchObject({ ok: false, problem: 'malformed_from' });
    expect(checkActivityWindow({ fromDate: '15072018', toDate: '19072018', today: 'yesterday' })).toMatchObject({ ok: false, problem: 'malformed_today' });
  });

  it('counts across a year end and a leap day by the calendar', () => {
    expect(checkActivityWindow({ fromDate: '26122019', toDate: '01012020', today: '02012020' })).toMatchObject({ ok: true, days: 7 });
    expect(checkActivityWindow({ fromDate: '25122019', toDate: '01012020', today: '02012020' })).toMatchObject({ ok: false, problem: 'too_long' });
    expect(checkActivityWindow({ fromDate: '24022024', toDate: '01032024', today: '02032024' })).toMatchObject({ ok: true, days: 7 });
    expect(checkActivityWindow({ fromDate: '23022023', toDate: '01032023', today: '02032023' })).toMatchObject({ ok: true, days: 7 });
    expect(checkActivityWindow({ fromDate: '23022024', toDate: '01032024', today: '02032024' })).toMatchObject({ ok: false, problem: 'too_long' });
  });

  it('refuses 14 and 15 days as one range (they need 2 and 3 windows)', () => {
    expect(checkActivityWindow({ fromDate: '01052024', toDate: '14052024', today: '20052024' })).toMatchObject({ ok: false, problem: 'too_long' });
    const fifteen = checkActivityWindow({ fromDate: '01052024', toDate: '15052024', today: '20052024' });
    expect(fifteen).toMatchObject({ ok: false, problem: 'too_long', field: 'toDate' });
    if (!fifteen.ok) expect(fifteen.message).toContain('15 days');
  });

  it('counts calendar days across a DST change, not 24-hour spans', () => {
    // EU spring forward 31 Mar 2024 (a 23-hour day) and fall back 27 Oct 2024 (a 25-hour day).
    expect(checkActivityWindow({ fromDate: '28032024', toDate: '03042024', today: '10042024' })).toMatchObject({ ok: true, days: 7 });
    expect(checkActivityWindow({ fromDate: '27032024', toDate: '03042024', today: '10042024' })).toMatchObject({ ok: false, problem: 'too_long' });
    expect(checkActivityWindow({ fromDate: '25102024', toDate: '31102024', today: '01112024' })).toMatchObject({ ok: true, days: 7 });
    expect(checkActivityWindow({ fromDate: '24102024', toDate: '31102024', today: '01112024' })).toMatchObject({ ok: false, problem: 'too_long' });
    // US spring forward 10 Mar 2024.
    expect(checkActivityWindowIso({ from: '2024-03-08', to: '2024-03-14', today: '2024-03-14' })).toMatchObject({ ok: true, days: 7 });
  });

  it("decides today by the store's zone around midnight and a DST change", () => {
    // 23:30 UTC on 30 Mar 2024 is already 31 Mar (DST day) in Bucharest: a window ending 31 Mar is not future there.
    const at = new Date('2024-03-30T23:30:00Z');
    const today = todayDdmmyyyy('Europe/Bucharest', at);
    expect(today).toBe('31032024');
    expect(checkActivityWindow({ fromDate: '25032024', toDate: '31032024', today })).toMatchObject({ ok: true, days: 7 });
    expect(checkActivityWindow({ fromDate: '25032024', toDate: '31032024', today: todayDdmmyyyy('UTC', at) })).toMatchObject({ ok: false, problem: 'future' });
  });

  it('works on ISO input too', () => {
    expect(checkActivityWindowIso({ from: '2018-07-13', to: '2018-07-19', today: '2018-07-20' })).toMatchObject({ ok: true, fromDate: '13072018', days: 7 });
    expect(checkActivityWindowIso({ from: '2018-07-12', to: '2018-07-19', today: '2018-07-20' })).toMatchObject({ ok: false, problem: 'too_long' });
    expect(checkActivityWindowIso({ from: '2018-7-12', to: '2018-07-19', today: '2018-07-20' })).toMatchObject({ ok: false, problem: 'malformed_from' });
  });
});

describe('date helpers', () => {
  it('converts between ISO and DDMMYYYY', () => {
    expect(isoToDdmmyyyy('2018-07-05')).toBe('05072018');
    expect(ddmmyyyyToIso('05072018')).toBe('2018-07-05');
    expect(isoToDdmmyyyy('2018-02-30')).toBeNull();
    expect(ddmmyyyyToIso('5072018')).toBeNull();
    expect(parseDdmmyyyy('29022024')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2024, month: 2, day: 28 }, 2)).toEqual({ year: 2024, month: 3, day: 1 });
  });

  it('computes today in an IANA zone', () => {
    // 22:30 UTC on 31 Dec is already 1 Jan in Bucharest (UTC+2) but still 31 Dec in New York.
    const at = new Date('2023-12-31T22:30:00Z');
    expect(todayDdmmyyyy('Europe/Bucharest', at)).toBe('01012024');
    expect(todayDdmmyyyy('America/New_York', at)).toBe('31122023');
    expect(todayDdmmyyyy('UTC', at)).toBe('31122023');
  });
});

describe('the calendar under the rule (issue 18: mutation survivors killed)', () => {
  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, false, true]);
  });

  it('accepts exactly the real dates of years 1000-9999, in eight digits and nothing around them', () => {
    expect(parseDdmmyyyy('29022024')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDdmmyyyy('01011000')).toEqual({ year: 1000, month: 1, day: 1 });
    expect(parseDdmmyyyy('31129999')).toEqual({ year: 9999, month: 12, day: 31 });
    for (const bad of ['29022023', '00012024', '32012024', '31042024', '01002024', '01132024', '31120999', 'x31012024', '310120245', '3101202']) {
      expect(parseDdmmyyyy(bad), bad).toBeNull();
    }
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2023-02-29', '2024-00-10', '2024-13-10', '2024-01-00', '0999-12-31', 'x2024-01-31', '2024-01-311']) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
  });

  it('says what is wrong, each time with the limit itself', () => {
    const limit = `Netcore serves channel activity at most ${MAX_WINDOW_DAYS} days at a time (both dates included), and not for future dates.`;
    const today = '20012024';
    expect(checkActivityWindow({ fromDate: '32012024', toDate: '10012024', today })).toEqual({
      ok: false,
      problem: 'malformed_from',
      field: 'fromDate',
      message: `The start date is not a real date (DDMMYYYY). ${limit}`,
    });
    expect(checkActivityWindow({ fromDate: '10012024', toDate: '32012024', today })).toEqual({
      ok: false,
      problem: 'malformed_to',
      field: 'toDate',
      message: `The end date is not a real date (DDMMYYYY). ${limit}`,
    });
    expect(checkActivityWindow({ fromDate: '10012024', toDate: '11012024', today: '' })).toEqual({
      ok: false,
      problem: 'malformed_today',
      field: 'toDate',
      message: `Today's date could not be determined. ${limit}`,
    });
    expect(checkActivityWindow({ fromDate: '12012024', toDate: '11012024', today })).toEqual({
      ok: false,
      problem: 'from_after_to',
      field: 'toDate',
      message: `The end date is before the start date. ${limit}`,
    });
    expect(checkActivityWindow({ fromDate: '19012024', toDate: '21012024', today })).toEqual({
      ok: false,
      problem: 'future',
      field: 'toDate',
      message: `The range reaches into the future. ${limit}`,
    });
    expect(checkActivityWindow({ fromDate: '01012024', toDate: '08012024', today })).toEqual({
      ok: false,
      problem: 'too_long',
      field: 'toDate',
      message: `The range covers 8 days. ${limit} Split longer periods into windows of ${MAX_WINDOW_DAYS} days.`,
    });
  });
});
