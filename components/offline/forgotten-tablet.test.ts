// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyCaptureForm } from '@/lib/capture/form-defaults';
import { memoryQueueStore, type QueuedCapture } from './device-queue';
import { FORGOTTEN_KEY, forgetTablet, reportForgotten, type ForgottenRecord } from './forgotten-tablet';

const item = (key: string, state: QueuedCapture['state'] = 'waiting'): QueuedCapture => ({
  key,
  values: emptyCaptureForm(key, 'v1'),
  hostess: { subject: 'hostess:a', name: 'Ana', ticket: 't' },
  queuedAt: `2026-12-04T09:0${key}:00Z`,
  state,
});

afterEach(() => localStorage.clear());

describe('Forget this tablet', () => {
  it('discards every capture on the tablet (waiting or needing attention) and keeps a record without customer data', async () => {
    const store = memoryQueueStore([item('1'), item('2'), item('3', 'needs-attention')]);
    expect(await forgetTablet('tablet-1', store, new Date('2026-12-04T10:00:00Z'))).toBe(3);
    expect(store.items.size).toBe(0);
    expect(JSON.parse(localStorage.getItem(FORGOTTEN_KEY) ?? '[]')).toEqual([{ deviceId: 'tablet-1', discarded: 3, forgottenAt: '2026-12-04T10:00:00.000Z' }]);
  });

  it('reports the records oldest first; each one taken is dropped, a failure keeps it and the rest for later', async () => {
    await forgetTablet('t', memoryQueueStore([item('1')]), new Date('2026-12-04T10:00:00Z'));
    await forgetTablet('t', memoryQueueStore([item('1'), item('2')]), new Date('2026-12-04T11:00:00Z'));
    const seen: ForgottenRecord[] = [];
    expect(await reportForgotten(async (r) => (seen.push(r), false))).toBe(0);
    expect(JSON.parse(localStorage.getItem(FORGOTTEN_KEY) ?? '[]')).toHaveLength(2);
    const report = vi.fn(async (_r: ForgottenRecord) => true);
    expect(await reportForgotten(report)).toBe(2);
    expect(report.mock.calls.map(([r]) => r.discarded)).toEqual([1, 2]);
    expect(localStorage.getItem(FORGOTTEN_KEY)).toBeNull();
  });
});
