import { describe, expect, it } from 'vitest';
import { checkPipelineFilters, type PipelineFiltersInput } from './filter-params';
import { PipelineFiltersSchema } from './filters';

const base: PipelineFiltersInput = { from: '2026-01-01', to: '2026-01-31' };
const long = (n: number) => 'x'.repeat(n);

/** Inputs at and around every limit of the schema: the zod-free check must agree on each. */
const CASES: [string, PipelineFiltersInput][] = [
  ['the defaults', base],
  ['one day', { from: '2026-01-05', to: '2026-01-05' }],
  ['start after end', { from: '2026-02-01', to: '2026-01-31' }],
  ['a bad start', { ...base, from: '2026-1-01' }],
  ['a bad end', { ...base, to: 'soon' }],
  ['a date with time', { ...base, to: '2026-01-31T00:00' }],
  ['a known status', { ...base, status: 'lost' }],
  ['an unknown status', { ...base, status: 'won' as never }],
  ['id filters', { ...base, location: ' L1 ', category: 'c', offer: 'o', consultant: 'u1', channel: 'web' }],
  ['an id filter at its limit', { ...base, offer: long(64) }],
  ['an id filter over it', { ...base, offer: long(65) }],
  ['an id filter over it before trimming only', { ...base, channel: `  ${long(64)}  ` }],
  ['an empty id filter', { ...base, consultant: '' }],
  ['a search', { ...base, q: '  ana  ' }],
  ['a search at its limit', { ...base, q: long(100) }],
  ['a search over it', { ...base, q: long(101) }],
  ['every sort', { ...base, sort: 'consultant' }],
  ['an unknown sort', { ...base, sort: 'age' as never }],
  ['ascending', { ...base, dir: 'asc' }],
  ['a bad direction', { ...base, dir: 'up' as never }],
  ['page 1', { ...base, page: 1 }],
  ['the last page', { ...base, page: 10_000 }],
  ['page 0', { ...base, page: 0 }],
  ['past the last page', { ...base, page: 10_001 }],
  ['a fractional page', { ...base, page: 1.5 }],
  ['NaN as page', { ...base, page: Number.NaN }],
];

describe('checkPipelineFilters (the URL side, zod-free) and PipelineFiltersSchema (the action) agree', () => {
  it.each(CASES)('%s', (_name, input) => {
    const parsed = PipelineFiltersSchema.safeParse(input);
    const checked = checkPipelineFilters(input);
    expect(checked !== null).toBe(parsed.success);
    if (parsed.success) expect(checked).toEqual(parsed.data);
  });
});
