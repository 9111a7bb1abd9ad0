import { describe, expect, it } from 'vitest';
import { clampPage, lastPageOf } from './paging';

describe('paging (issue 19.6)', () => {
  it('a page past the last is the last page; nonsense is page 1', () => {
    expect(lastPageOf(0, 50)).toBe(1);
    expect(lastPageOf(101, 50)).toBe(3);
    expect(clampPage(999, 101, 50)).toBe(3);
    expect(clampPage(2, 101, 50)).toBe(2);
    expect(clampPage(0, 101, 50)).toBe(1);
    expect(clampPage(Number.NaN, 101, 50)).toBe(1);
    expect(clampPage(5, 0, 50)).toBe(1);
  });
});
