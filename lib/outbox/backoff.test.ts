import { describe, expect, it } from 'vitest';
import { BACKOFF, backoffCeilingMs, backoffMs } from './backoff';

describe('backoffMs', () => {
  it('doubles from 2 s and stops at 15 min', () => {
    expect([1, 2, 3, 4, 5].map(backoffCeilingMs)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
    expect(backoffCeilingMs(10)).toBe(900_000); // 2 s · 2^9 = 1024 s, capped
    expect(backoffCeilingMs(9)).toBe(512_000);
    expect(backoffCeilingMs(500)).toBe(BACKOFF.capMs);
    expect(backoffCeilingMs(0)).toBe(2_000);
    expect(backoffCeilingMs(Number.NaN)).toBe(2_000);
  });

  it('stays within [ceiling/2, ceiling] for any random draw', () => {
    expect(backoffMs(1, () => 0)).toBe(1_000);
    expect(backoffMs(1, () => 1)).toBe(2_000);
    expect(backoffMs(3, () => 0.5)).toBe(6_000);
    expect(backoffMs(40, () => 1)).toBe(900_000);
    expect(backoffMs(40, () => 0)).toBe(450_000);
    for (let attempt = 1; attempt <= 20; attempt++) {
      const ceiling = backoffCeilingMs(attempt);
      for (let i = 0; i < 200; i++) {
        const d = backoffMs(attempt);
        expect(d).toBeGreaterThanOrEqual(ceiling / 2);
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
    // A misbehaving random source cannot push it out of bounds.
    expect(backoffMs(2, () => 7)).toBe(4_000);
    expect(backoffMs(2, () => -3)).toBe(2_000);
  });

  it('never shrinks from one attempt to the next while the ceiling doubles, whatever the jitter', () => {
    // Ceilings 2 s … 512 s (attempts 1–9) double; attempt 10 is the first capped one.
    for (let attempt = 1; attempt < 9; attempt++) {
      expect(backoffMs(attempt + 1, () => 0)).toBeGreaterThanOrEqual(backoffMs(attempt, () => 1));
    }
    expect(backoffMs(5, () => 0)).toBeGreaterThan(backoffMs(1, () => 1));
    // The typical (mid-jitter) delay grows or holds at every attempt, cap included.
    for (let attempt = 1; attempt < 30; attempt++) {
      expect(backoffMs(attempt + 1, () => 0.5)).toBeGreaterThanOrEqual(backoffMs(attempt, () => 0.5));
    }
  });

  it('spreads workers that failed together', () => {
    const draws = new Set(Array.from({ length: 50 }, () => backoffMs(6)));
    expect(draws.size).toBeGreaterThan(10);
  });
});
