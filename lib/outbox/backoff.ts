/** Retry spacing for outbox jobs: exponential with equal jitter. Pure. */

export const BACKOFF = {
  baseMs: 2_000,
  factor: 2,
  capMs: 15 * 60_000,
} as const;

/** The ceiling before jitter for the given (1-based) failed attempt: 2 s, 4 s, 8 s, … capped at 15 min. */
export function backoffCeilingMs(attempt: number): number {
  const n = Math.max(1, Math.floor(Number.isFinite(attempt) ? attempt : 1));
  // Past ~20 doublings the cap has long been reached; avoid Infinity arithmetic.
  const exponent = Math.min(n - 1, 30);
  return Math.min(BACKOFF.capMs, BACKOFF.baseMs * BACKOFF.factor ** exponent);
}

/**
 * Delay before the next try after the given (1-based) failed attempt. Equal jitter: a random value in
 * [ceiling/2, ceiling], so workers that failed together spread out. While the ceiling doubles the delay
 * never shrinks from one attempt to the next (the lower bound of attempt n+1 is the upper bound of
 * attempt n); near and at the cap it varies within [7.5 min, 15 min].
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = backoffCeilingMs(attempt);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + r * (ceiling / 2));
}
