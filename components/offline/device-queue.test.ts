import { describe, expect, it } from 'vitest';
import { emptyCaptureForm } from '@/lib/capture/form-defaults';
import { byAge, countWaiting, flushDeviceQueue, memoryQueueStore, putBackValues, type QueuedCapture, type SendAnswer } from './device-queue';

const hostess = { subject: 'hostess:a', name: 'Ana', ticket: 't' };
function item(key: string, queuedAt: string, state: QueuedCapture['state'] = 'waiting'): QueuedCapture {
  return { key, values: { ...emptyCaptureForm(key, 'v1'), firstName: key }, hostess, queuedAt, state };
}

describe('flushDeviceQueue', () => {
  it('sends the waiting captures oldest first and deletes each one the console holds', async () => {
    const store = memoryQueueStore([item('c', '2026-12-04T09:03:00Z'), item('a', '2026-12-04T09:01:00Z'), item('b', '2026-12-04T09:02:00Z')]);
    const sent: string[] = [];
    const report = await flushDeviceQueue(store, async (i) => {
      sent.push(i.key);
      return { kind: 'delivered' };
    });
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(report).toEqual({ delivered: 3, refused: 0, stopped: false });
    expect(store.items.size).toBe(0);
  });

  it('keeps a refused capture on the tablet, marked needs-attention with the reason, and goes on with the next', async () => {
    const store = memoryQueueStore([item('a', '2026-12-04T09:01:00Z'), item('b', '2026-12-04T09:02:00Z')]);
    const report = await flushDeviceQueue(store, async (i): Promise<SendAnswer> => (i.key === 'a' ? { kind: 'refused', message: 'Consent text changed' } : { kind: 'delivered' }));
    expect(report).toEqual({ delivered: 1, refused: 1, stopped: false });
    expect([...store.items.values()]).toEqual([{ ...item('a', '2026-12-04T09:01:00Z'), state: 'needs-attention', message: 'Consent text changed' }]);
  });

  it('stops at the first unreachable answer (or a throw) and keeps that one and the rest, in order, waiting', async () => {
    for (const fail of [async (): Promise<SendAnswer> => ({ kind: 'unreachable' }), async (): Promise<SendAnswer> => Promise.reject(new Error('offline'))]) {
      const store = memoryQueueStore([item('a', '2026-12-04T09:01:00Z'), item('b', '2026-12-04T09:02:00Z'), item('c', '2026-12-04T09:03:00Z')]);
      const tried: string[] = [];
      const report = await flushDeviceQueue(store, async (i) => {
        tried.push(i.key);
        return i.key === 'a' ? { kind: 'delivered' } : fail();
      });
      expect(tried).toEqual(['a', 'b']);
      expect(report).toEqual({ delivered: 1, refused: 0, stopped: true });
      expect(byAge(await store.all()).map((i) => [i.key, i.state])).toEqual([
        ['b', 'waiting'],
        ['c', 'waiting'],
      ]);
    }
  });

  it('does not send again what needs attention', async () => {
    const store = memoryQueueStore([item('a', '2026-12-04T09:01:00Z', 'needs-attention')]);
    let calls = 0;
    await flushDeviceQueue(store, async () => {
      calls++;
      return { kind: 'delivered' };
    });
    expect(calls).toBe(0);
    expect(store.items.size).toBe(1);
  });

  it('runs once at a time: a second call during a run joins it (no capture sent twice by one tab)', async () => {
    const store = memoryQueueStore([item('a', '2026-12-04T09:01:00Z')]);
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const send = async (): Promise<SendAnswer> => {
      calls++;
      await gate;
      return { kind: 'delivered' };
    };
    const first = flushDeviceQueue(store, send);
    const second = flushDeviceQueue(store, send);
    release();
    expect(await second).toEqual(await first);
    expect(calls).toBe(1);
    // After the run, a new one starts afresh.
    store.items.set('b', item('b', '2026-12-04T09:05:00Z'));
    await flushDeviceQueue(store, send);
    expect(calls).toBe(2);
  });

  it('counts waiting and needs-attention captures', () => {
    expect(countWaiting([item('a', '1'), item('b', '2', 'needs-attention'), item('c', '3')])).toEqual({ waiting: 2, attention: 1 });
  });
});

describe('putBackValues', () => {
  const captured = { ...emptyCaptureForm('old-key', 'v1'), firstName: 'Ana', agreeTerms: true, agreePrivacy: true, isAdult: true, createdAt: '2026-12-04T09:00:00Z' };
  captured.marketing = { ...captured.marketing, email: true };

  it('gives the form a fresh key and keeps what was typed and agreed when the consent text is the same', () => {
    const back = putBackValues(captured, { en: 'v1', ro: 'r1' }, 'new-key');
    expect(back).toMatchObject({ idempotencyKey: 'new-key', firstName: 'Ana', agreeTerms: true, agreePrivacy: true, isAdult: true, createdAt: '' });
    expect(back.marketing.email).toBe(true);
  });

  it('clears every agreement when the consent text changed (the customer agrees again to the text read now)', () => {
    const back = putBackValues(captured, { en: 'v2', ro: 'r1' }, 'new-key');
    expect(back).toMatchObject({ consentWordingVersion: 'v2', firstName: 'Ana', agreeTerms: false, agreePrivacy: false, isAdult: false, agreedTargetedMessages: false });
    expect(Object.values(back.marketing).some(Boolean)).toBe(false);
    expect(captured.marketing.email).toBe(true);
  });

  it('compares with the current text of the language the customer was read (and keeps that language)', () => {
    const read = { ...captured, consentLanguage: 'ro' as const, consentWordingVersion: 'r1' };
    expect(putBackValues(read, { en: 'v2', ro: 'r1' }, 'k')).toMatchObject({ consentLanguage: 'ro', consentWordingVersion: 'r1', agreeTerms: true, isAdult: true });
    expect(putBackValues(read, { en: 'v1', ro: 'r2' }, 'k')).toMatchObject({ consentLanguage: 'ro', consentWordingVersion: 'r2', agreeTerms: false, isAdult: false });
    // Kept on a tablet before the consent had languages: it was read in English.
    const { consentLanguage: _l, ...older } = captured;
    expect(putBackValues(older as typeof captured, { en: 'v1', ro: 'r1' }, 'k')).toMatchObject({ consentLanguage: 'en', consentWordingVersion: 'v1', agreeTerms: true });
  });
});
