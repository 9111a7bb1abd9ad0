import { describe, expect, it } from 'vitest';
import { parseActivityDate, readActivityDate } from './activity-date';

describe('parseActivityDate', () => {
  it('reads the docs samples in UTC', () => {
    expect(parseActivityDate('23 Jul 2018 @3:33pm', 'UTC')).toBe('2018-07-23T15:33:00.000Z');
    expect(parseActivityDate('23 Jul 2018 @11:02am', 'UTC')).toBe('2018-07-23T11:02:00.000Z');
  });

  it('reads the wall time in the account zone', () => {
    // Bucharest is UTC+3 in July, UTC+2 in January; Kolkata is UTC+5:30.
    expect(parseActivityDate('23 Jul 2018 @3:33pm', 'Europe/Bucharest')).toBe('2018-07-23T12:33:00.000Z');
    expect(parseActivityDate('5 Jan 2024 @9:00am', 'Europe/Bucharest')).toBe('2024-01-05T07:00:00.000Z');
    expect(parseActivityDate('23 Jul 2018 @11:02am', 'Asia/Kolkata')).toBe('2018-07-23T05:32:00.000Z');
  });

  it('handles 12am / 12pm', () => {
    expect(parseActivityDate('01 Mar 2024 @12:00am', 'UTC')).toBe('2024-03-01T00:00:00.000Z');
    expect(parseActivityDate('01 Mar 2024 @12:15pm', 'UTC')).toBe('2024-03-01T12:15:00.000Z');
  });

  it('handles DST changes (gap and overlap)', () => {
    // 31 Mar 2024 03:30 never happened in Bucharest; pre-change offset (+2) is used.
    expect(parseActivityDate('31 Mar 2024 @3:30am', 'Europe/Bucharest')).toBe('2024-03-31T01:30:00.000Z');
    // 27 Oct 2024 03:30 happened twice; the earlier (+3) is chosen.
    expect(parseActivityDate('27 Oct 2024 @3:30am', 'Europe/Bucharest')).toBe('2024-10-27T00:30:00.000Z');
    expect(parseActivityDate('27 Oct 2024 @5:30am', 'Europe/Bucharest')).toBe('2024-10-27T03:30:00.000Z');
  });

  it('gives null, never throws, for anything else', () => {
    for (const bad of ['', '23 Jul 2018', '23 Jul 2018 @13:33pm', '31 Feb 2018 @1:00pm', '23 Foo 2018 @1:00pm', '2018-07-23T15:33:00Z', '23 Jul 2018 @3:60pm']) {
      expect(parseActivityDate(bad, 'UTC')).toBeNull();
    }
    expect(parseActivityDate('23 Jul 2018 @3:33pm', 'Not/AZone')).toBeNull();
  });

  it('keeps the raw value', () => {
    expect(readActivityDate('23 Jul 2018 @3:33pm', 'UTC')).toEqual({ raw: '23 Jul 2018 @3:33pm', instant: '2018-07-23T15:33:00.000Z' });
    expect(readActivityDate('garbage', 'UTC')).toEqual({ raw: 'garbage', instant: null });
  });
});
