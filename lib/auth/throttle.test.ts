/** The sign-in guard's rules (issue 11, point 1), on the embedded database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, createDb, type DbHandle } from '@/lib/db';
import { readSeries, seriesMoved } from '@/lib/testing/metrics';
import {
  blockAfter,
  confirmFailure,
  FORGET_AFTER_MS,
  FREE_FAILURES,
  liftLockout,
  listLockouts,
  LOCKOUT_AT,
  releaseAttempt,
  reserveAttempt,
  throttleKeys,
  type Reservation,
} from './throttle';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb({ memory: true });
});
afterAll(async () => handle?.close());

const at = (ms: number) => new Date(Date.UTC(2026, 10, 1) + ms);

/** Guesses from one client every 5 s whenever the guard lets it; returns how many reached "Footprints". */
async function sweep(keys: string[], seconds: number): Promise<number> {
  let sent = 0;
  for (let t = 0; t < seconds * 1000; t += 5000) {
    const r = await reserveAttempt(handle.db, keys, at(t));
    if (!r.allowed) continue;
    sent += 1;
    await confirmFailure(handle.db, r, at(t));
  }
  return sent;
}

describe('the sign-in guard', () => {
  it('costs nothing for up to three typos, then grows, then locks out for at most a day', () => {
    for (let n = 1; n <= FREE_FAILURES; n++) expect(blockAfter(n)).toBe(0);
    expect(blockAfter(4)).toBe(15_000);
    expect(blockAfter(9)).toBe(480_000);
    expect(blockAfter(LOCKOUT_AT)).toBe(15 * 60_000);
    expect(blockAfter(LOCKOUT_AT + 1)).toBe(30 * 60_000);
    expect(blockAfter(40)).toBe(24 * 3_600_000);
  });

  it('lets a hostess who mistypes twice straight in, and her success clears her device', async () => {
    const keys = throttleKeys({ address: '10.0.0.2', deviceId: 'tablet-2' });
    for (let i = 0; i < 2; i++) {
      const r = (await reserveAttempt(handle.db, keys, at(i * 1000))) as Extract<Reservation, { allowed: true }>;
      expect(r.allowed).toBe(true);
      await confirmFailure(handle.db, r, at(i * 1000));
    }
    const third = await reserveAttempt(handle.db, keys, at(2500));
    expect(third.allowed).toBe(true);
    await releaseAttempt(handle.db, third as Extract<Reservation, { allowed: true }>, 'success');
    expect(await listLockouts(handle.db, at(2600))).toEqual([]);
  });

  it('stops a one-client sweep: in one hour at most 11 guesses reach Footprints, then it waits, with the lockout audited', async () => {
    const keys = throttleKeys({ address: '10.0.0.66', deviceId: 'attacker' });
    const series = { failures: ['storedesk_sign_in_failures_total', {}], lockouts: ['storedesk_sign_in_lockouts_total', {}] } as const;
    const before = await readSeries(series);
    const sent = await sweep(keys, 3600);
    // Metrics (issue 17): every failure that reached Footprints, and the lockouts (address and device keys).
    const moved = await seriesMoved(series, before);
    expect(moved.failures).toBe(sent);
    expect(moved.lockouts).toBeGreaterThanOrEqual(2);
    expect(sent).toBeLessThanOrEqual(LOCKOUT_AT + 1);
    expect(sent).toBeGreaterThanOrEqual(LOCKOUT_AT);
    const refused = await reserveAttempt(handle.db, keys, at(3600_000));
    expect(refused).toMatchObject({ allowed: false, locked: true });
    expect((refused as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(30_000);
    const audit = await handle.db.select().from(auditEvents);
    expect(audit.filter((e) => e.action === 'auth.lockout' && e.targetId === 'ip:10.0.0.66').length).toBeGreaterThanOrEqual(1);
  });

  it('refuses parallel guesses beyond the free ones (each attempt is charged before Footprints is asked)', async () => {
    const keys = throttleKeys({ address: '10.0.0.77', deviceId: null });
    const results = await Promise.all(Array.from({ length: 20 }, () => reserveAttempt(handle.db, keys, at(0))));
    // Three free, the fourth is charged and blocks for 15 s: nothing more slips through.
    expect(results.filter((r) => r.allowed)).toHaveLength(FREE_FAILURES + 1);
  });

  it('counts per username too, so rotating devices does not help against one account', async () => {
    let sent = 0;
    for (let i = 0; i < 30; i++) {
      const r = await reserveAttempt(handle.db, throttleKeys({ address: `10.1.0.${i}`, deviceId: `d${i}` }, 'Manager'), at(i * 1000));
      if (r.allowed) {
        sent++;
        await confirmFailure(handle.db, r, at(i * 1000));
      }
    }
    expect(sent).toBeLessThanOrEqual(FREE_FAILURES + 2);
  });

  it('forgets old failures after an hour, and an admin can lift a lockout', async () => {
    const keys = throttleKeys({ address: '10.0.0.88', deviceId: null });
    await sweep(keys, 600);
    const lockouts = await listLockouts(handle.db, at(600_000));
    expect(lockouts.map((l) => l.key)).toContain('ip:10.0.0.88');
    expect(await liftLockout(handle.db, 'ip:10.0.0.88')).toBe(true);
    expect((await reserveAttempt(handle.db, keys, at(601_000))).allowed).toBe(true);
    const much = at(601_000 + FORGET_AFTER_MS + 1000);
    const fresh = (await reserveAttempt(handle.db, keys, much)) as Extract<Reservation, { allowed: true }>;
    expect(fresh.counts['ip:10.0.0.88']).toBe(1);
  });

  it('never stores the device cookie itself', () => {
    const keys = throttleKeys({ address: null, deviceId: 'secret-device-cookie-value' }, 'x');
    expect(keys.join()).not.toContain('secret-device-cookie-value');
    expect(keys).toContain('user:x');
  });
});
