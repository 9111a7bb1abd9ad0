import { describe, expect, it } from 'vitest';
import { runPool } from './pool';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runPool', () => {
  it('never has more than the limit in flight, and uses all of it', async () => {
    let inFlight = 0;
    let peak = 0;
    const done: number[] = [];
    const outcomes = await runPool(
      Array.from({ length: 13 }, (_, i) => i),
      3,
      async (i) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await sleep(5 + (i % 3) * 3);
        inFlight--;
        return i * 2;
      },
      { onSettled: (o) => done.push(o.item) },
    );
    expect(peak).toBe(3);
    expect(outcomes.map((o) => o.value)).toEqual(Array.from({ length: 13 }, (_, i) => i * 2));
    expect([...done].sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, i) => i));
  });

  it('keeps going past a failing task and reports it', async () => {
    const outcomes = await runPool([1, 2, 3, 4], 2, async (i) => {
      if (i === 2) throw new Error('boom');
      return i;
    });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, true]);
    expect((outcomes[1].error as Error).message).toBe('boom');
  });

  it('stops starting tasks once aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6], 2, async (i) => {
      started.push(i);
      if (i === 2) controller.abort();
      await sleep(2);
    }, { signal: controller.signal });
    expect(started).toEqual([1, 2]);
  });

  it('refuses a limit below one', async () => {
    await expect(runPool([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});
