import { describe, expect, it } from 'vitest';
import { dayRangeErrors } from './date-range';

describe('a from/to range of days (issue 19.6)', () => {
  it('a from-date after the to-date is said beside the from field', () => {
    expect(dayRangeErrors({ from: '2026-05-10', to: '2026-05-01' }, { required: true })).toEqual({ from: expect.stringContaining('after the last day') });
    expect(dayRangeErrors({ from: '2026-05-01', to: '2026-05-01' }, { required: true })).toEqual({});
  });
  it('a cleared date is an error where both are needed, and "no bound" where they are not', () => {
    expect(dayRangeErrors({ from: '', to: '2026-05-01' }, { required: true })).toEqual({ from: expect.stringContaining('Enter the first day') });
    expect(dayRangeErrors({ from: '2026-05-01', to: undefined }, { required: true })).toEqual({ to: expect.stringContaining('Enter the last day') });
    expect(dayRangeErrors({ from: '', to: '' }, { required: false })).toEqual({});
  });
  it('a day that does not exist is not a date', () => {
    expect(dayRangeErrors({ from: '2026-02-30', to: '' }, { required: false })).toEqual({ from: 'Enter a date, e.g. 2026-05-04' });
  });
});
