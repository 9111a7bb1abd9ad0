/**
 * Serialises changes to one code across tablets and console instances: whoever inserts the claim row
 * (unique key = campaign + code) acts; the others wait for it to go, then act in turn — and, since they
 * re-read the code from Footprints inside their turn, see that it already changed.
 *
 * A row rather than a lock held in a transaction: the critical section spans vendor calls (seconds), and on
 * embedded PGlite (one connection) an open transaction would stall every other request of the console. A
 * claim lasts claimTtlMs (the worst case of the change's Footprints calls at the vendor timeout, + a margin), is
 * renewed while the change runs, and expires so that a console that died mid-change frees the code; a claim past its
 * expiry is taken over atomically by the next caller (INSERT … ON CONFLICT DO UPDATE … WHERE expired).
 */
import 'server-only';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { ConflictError } from '@/lib/errors';
import { refusal } from '@/lib/i18n/server-words';
import { loyaltyCodeClaims } from './schema';

/**
 * The most Footprints calls one code change makes while holding the claim (change-code.ts): the code's check, the
 * campaign's end date, the change, the read-back, and one more read when the change's answer was lost.
 */
export const CODE_CHANGE_VENDOR_CALLS = 5;
const CLAIM_MARGIN_MS = 30_000;
const DEFAULT_VENDOR_TIMEOUT_MS = 10_000;

/** A claim outlives the worst case of its Footprints calls: every one at the vendor timeout, plus a margin. */
export function claimTtlMs(vendorTimeoutMs = DEFAULT_VENDOR_TIMEOUT_MS): number {
  return CODE_CHANGE_VENDOR_CALLS * vendorTimeoutMs + CLAIM_MARGIN_MS;
}

/** At the default vendor timeout (10 s): 80 s. */
export const CLAIM_TTL_MS = claimTtlMs();
/** How long a second tablet waits for the first to finish before giving up with a clear message. */
export const CLAIM_WAIT_MS = 20_000;
const POLL_MS = 50;

export async function tryClaim(db: Db, key: string, holder: string, now = new Date(), ttlMs = CLAIM_TTL_MS): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const rows = await db
    .insert(loyaltyCodeClaims)
    .values({ key, holder, claimedAt: now, expiresAt })
    .onConflictDoUpdate({
      target: loyaltyCodeClaims.key,
      set: { holder, claimedAt: now, expiresAt },
      // Only a stale claim is taken over; a live one stays with its holder.
      setWhere: lt(loyaltyCodeClaims.expiresAt, now),
    })
    .returning({ holder: loyaltyCodeClaims.holder });
  return rows[0]?.holder === holder;
}

export async function releaseClaim(db: Db, key: string, holder: string): Promise<void> {
  await db.delete(loyaltyCodeClaims).where(and(eq(loyaltyCodeClaims.key, key), eq(loyaltyCodeClaims.holder, holder)));
}

/**
 * Runs `critical` while holding the code's claim. Waits (polling) up to `waitMs` for another holder;
 * after that, a ConflictError tells the member of staff that someone else is changing the code.
 */
export async function withCodeClaim<T>(
  db: Db,
  key: string,
  holder: string,
  critical: () => Promise<T>,
  opts: { waitMs?: number; ttlMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.waitMs ?? CLAIM_WAIT_MS);
  while (!(await tryClaim(db, key, holder, new Date(), opts.ttlMs))) {
    if (Date.now() >= deadline) {
      throw refusal((m) => new ConflictError(m), (t) => t('loyalty.errors.claimed'));
    }
    // Mutation testing: "POLL_MS - jitter" (and other changes to this spacing) survive as equivalent mutants:
    // the pause only spreads tablets' polls apart (50-99 ms); any positive pause gives the same turns.
    await new Promise((r) => setTimeout(r, POLL_MS + Math.floor(Math.random() * POLL_MS)));
  }
  // Renewed while the change runs (a third of the TTL at a time), so that even a call hanging past its timeout
  // does not let another tablet in while this one may still change the code.
  const ttlMs = opts.ttlMs ?? CLAIM_TTL_MS;
  const renew = setInterval(() => {
    db.update(loyaltyCodeClaims)
      .set({ expiresAt: new Date(Date.now() + ttlMs) })
      .where(and(eq(loyaltyCodeClaims.key, key), eq(loyaltyCodeClaims.holder, holder)))
      .catch(() => undefined);
  }, Math.max(50, Math.floor(ttlMs / 3)));
  renew.unref?.();
  try {
    return await critical();
  } finally {
    clearInterval(renew);
    await releaseClaim(db, key, holder);
  }
}
