import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { ConflictError } from '@/lib/errors';
import { CLAIM_TTL_MS, CLAIM_WAIT_MS, claimTtlMs, CODE_CHANGE_VENDOR_CALLS, releaseClaim, tryClaim, withCodeClaim } from './claims';
import { loyaltyCodeClaims } from './schema';

let seq = 0;
const key = () => `claims-test:${process.pid}:${++seq}`;

describe.each(testEngines)('code claims on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t?.dispose();
  });
  const rowOf = async (k: string) => (await t.db.select().from(loyaltyCodeClaims).where(eq(loyaltyCodeClaims.key, k)))[0];

  it('waits 20 s at most for another tablet, and a claim outlives the worst case of its Footprints calls', () => {
    expect(CLAIM_WAIT_MS).toBe(20_000);
    // Issue 13: check, campaign, change, read-back and a re-read after a lost answer, each at the vendor timeout, + 30 s.
    expect(CODE_CHANGE_VENDOR_CALLS).toBe(5);
    expect(CLAIM_TTL_MS).toBe(5 * 10_000 + 30_000);
    expect(claimTtlMs(60_000)).toBe(5 * 60_000 + 30_000);
  });

  it('a claim is renewed while the change runs: a change slower than the TTL keeps the code, then frees it', async () => {
    const k = key();
    let triedMeanwhile: boolean[] = [];
    const result = await withCodeClaim(
      t.db,
      k,
      'slow',
      async () => {
        for (let i = 0; i < 4; i++) {
          await new Promise((r) => setTimeout(r, 250));
          triedMeanwhile = [...triedMeanwhile, await tryClaim(t.db, k, 'other', new Date(), 300)];
        }
        return 'changed';
      },
      { ttlMs: 300 },
    );
    expect(result).toBe('changed');
    expect(triedMeanwhile).toEqual([false, false, false, false]);
    expect(await rowOf(k)).toBeUndefined();
  });

  it('the first caller holds the claim until it expires (the end is exclusive); then the next takes it over', async () => {
    const k = key();
    const now = new Date('2026-03-01T10:00:00Z');
    expect(await tryClaim(t.db, k, 'a', now, 1000)).toBe(true);
    expect(await rowOf(k)).toMatchObject({ holder: 'a', claimedAt: now, expiresAt: new Date(now.getTime() + 1000) });
    expect(await tryClaim(t.db, k, 'b', now, 1000)).toBe(false);
    // At the expiry instant the claim is still live.
    expect(await tryClaim(t.db, k, 'b', new Date(now.getTime() + 1000), 1000)).toBe(false);
    expect(await rowOf(k)).toMatchObject({ holder: 'a' });
    const later = new Date(now.getTime() + 1001);
    expect(await tryClaim(t.db, k, 'b', later, 1000)).toBe(true);
    expect(await rowOf(k)).toMatchObject({ holder: 'b', claimedAt: later, expiresAt: new Date(later.getTime() + 1000) });
  });

  it('the default lifetime is CLAIM_TTL_MS', async () => {
    const k = key();
    const now = new Date('2026-03-01T10:00:00Z');
    expect(await tryClaim(t.db, k, 'a', now)).toBe(true);
    expect((await rowOf(k))?.expiresAt).toEqual(new Date(now.getTime() + CLAIM_TTL_MS));
  });

  it('release frees only the holder’s own claim', async () => {
    const k = key();
    expect(await tryClaim(t.db, k, 'a')).toBe(true);
    await releaseClaim(t.db, k, 'b');
    expect(await rowOf(k)).toMatchObject({ holder: 'a' });
    await releaseClaim(t.db, k, 'a');
    expect(await rowOf(k)).toBeUndefined();
    expect(await tryClaim(t.db, k, 'b')).toBe(true);
  });

  it('withCodeClaim runs the change holding the claim and frees it after, also when the change fails', async () => {
    const k = key();
    const result = await withCodeClaim(t.db, k, 'a', async () => {
      expect(await rowOf(k)).toMatchObject({ holder: 'a' });
      return 42;
    });
    expect(result).toBe(42);
    expect(await rowOf(k)).toBeUndefined();
    await expect(
      withCodeClaim(t.db, k, 'a', async () => {
        throw new Error('vendor down');
      }),
    ).rejects.toThrow('vendor down');
    expect(await rowOf(k)).toBeUndefined();
  });

  it('a second tablet waits its turn, then acts after the first', async () => {
    const k = key();
    const order: string[] = [];
    let releaseFirst!: () => void;
    const firstMayFinish = new Promise<void>((r) => (releaseFirst = r));
    let firstStarted!: () => void;
    const firstIsIn = new Promise<void>((r) => (firstStarted = r));
    const first = withCodeClaim(t.db, k, 'a', async () => {
      order.push('a:start');
      firstStarted();
      await firstMayFinish;
      order.push('a:end');
    });
    await firstIsIn;
    const second = withCodeClaim(t.db, k, 'b', async () => {
      order.push('b');
    }, { waitMs: 30_000 });
    // b polls while a holds the claim; it cannot get in before a ends.
    await new Promise((r) => setTimeout(r, 150));
    expect(order).toEqual(['a:start']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['a:start', 'a:end', 'b']);
  });

  it('gives up with a ConflictError after waitMs, without running the change', async () => {
    const k = key();
    expect(await tryClaim(t.db, k, 'a')).toBe(true);
    let ran = false;
    const started = Date.now();
    const error = await withCodeClaim(t.db, k, 'b', async () => {
      ran = true;
    }, { waitMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/^Another tablet is changing this code right now/);
    expect(ran).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    // Its own waitMs, not the 20 s default (a 100-fold margin for a loaded machine).
    expect(Date.now() - started).toBeLessThan(CLAIM_WAIT_MS);
    expect(await rowOf(k)).toMatchObject({ holder: 'a' });
  });

  it('with no wait at all, a busy code is refused at once: the deadline itself is already too late', async () => {
    const k = key();
    expect(await tryClaim(t.db, k, 'a')).toBe(true);
    // Only Date is frozen (timers stay real): a loop that waited for the clock to pass its deadline would poll
    // forever; the real one gives up on its first look.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date() });
    try {
      const outcome = await Promise.race([
        withCodeClaim(t.db, k, 'b', async () => 'ran', { waitMs: 0 }).catch((e: unknown) => e),
        new Promise((r) => setTimeout(() => r('still waiting'), 3_000)),
      ]);
      expect(outcome).toBeInstanceOf(ConflictError);
    } finally {
      vi.useRealTimers();
    }
    expect(await rowOf(k)).toMatchObject({ holder: 'a' });
  });
});
