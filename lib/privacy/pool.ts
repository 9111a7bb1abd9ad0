/**
 * Runs tasks with at most `limit` in flight, in order of the list, and reports each settlement as it
 * happens (so progress is live). A task that throws does not stop the others; its error is collected.
 * `signal` stops starting new tasks (tasks already in flight finish). Pure and browser-safe.
 */
export interface PoolOutcome<T, R> {
  item: T;
  ok: boolean;
  value?: R;
  error?: unknown;
}

export async function runPool<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
  options: { onSettled?: (outcome: PoolOutcome<T, R>) => void; signal?: AbortSignal } = {},
): Promise<PoolOutcome<T, R>[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  const outcomes: PoolOutcome<T, R>[] = new Array(items.length);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < items.length && !options.signal?.aborted) {
      const index = next++;
      const item = items[index];
      let outcome: PoolOutcome<T, R>;
      try {
        outcome = { item, ok: true, value: await task(item) };
      } catch (error) {
        outcome = { item, ok: false, error };
      }
      outcomes[index] = outcome;
      options.onSettled?.(outcome);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return outcomes.filter((o) => o !== undefined);
}
