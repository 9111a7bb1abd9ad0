/**
 * The sign-in guard (issue 11, point 1): failed sign-ins are counted in the database — shared by every
 * console instance — per client address, per device (a long-lived random cookie) and, for password
 * sign-in, per username. A few failures are free, then each failure blocks the key for a growing delay,
 * then for a lockout that doubles up to a day. A blocked key is refused BEFORE Footprints is called.
 *
 * Each attempt is charged before the Footprints call (in one transaction, rows locked), so a burst of
 * parallel guesses cannot all slip through a check made before the first failure is written. The charge
 * is taken back on success (device and username counters start over; the address counter only loses this
 * attempt, so an insider's own sign-ins do not wash out a sweep) and when Footprints did not answer.
 *
 * The numbers, and why a 10,000-PIN sweep takes weeks while two typos cost nothing: docs/SECURITY.md.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import { recordSignInFailure, recordSignInLockout } from '@/lib/metrics';
import type { Db } from '@/lib/db';
import { signInThrottle } from './schema';

/** Failures per key that cost nothing: a hostess who mistypes twice (or three times) is never slowed. */
export const FREE_FAILURES = 3;
/** From this failure on, the key is locked out (15 min, doubling per further failure, at most a day). */
export const LOCKOUT_AT = 10;
export const FIRST_DELAY_MS = 15_000;
export const FIRST_LOCKOUT_MS = 15 * 60_000;
export const MAX_LOCKOUT_MS = 24 * 3_600_000;
/** A key's failures are forgotten after this long without a failure. */
export const FORGET_AFTER_MS = 60 * 60_000;

/** How long a key is blocked after its n-th failure in a row. */
export function blockAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  if (failures < LOCKOUT_AT) return FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1);
  return Math.min(FIRST_LOCKOUT_MS * 2 ** (failures - LOCKOUT_AT), MAX_LOCKOUT_MS);
}

export interface SignInClient {
  /** The client's address: the socket peer, or the right-most entry no trusted proxy wrote (lib/http/peer-address.ts). */
  address: string | null;
  /** The device cookie's random id. */
  deviceId: string | null;
}

/** The throttle keys of one attempt. Device ids are hashed: the cookie value never lands in a table or the audit trail. */
export function throttleKeys(client: SignInClient, username?: string | null): string[] {
  const keys: string[] = [];
  if (client.address) keys.push(`ip:${client.address.slice(0, 100)}`);
  if (client.deviceId) keys.push(`device:${createHash('sha256').update(client.deviceId).digest('hex').slice(0, 16)}`);
  if (username) keys.push(`user:${username.trim().toLowerCase().slice(0, 200)}`);
  return keys.sort();
}

export type Reservation = { allowed: true; keys: string[]; counts: Record<string, number> } | { allowed: false; retryAfterMs: number; locked: boolean };

/** Checks every key and, when none is blocked, charges this attempt to each. */
export async function reserveAttempt(db: Db, keys: string[], now = new Date()): Promise<Reservation> {
  if (!keys.length) return { allowed: true, keys, counts: {} };
  return db.transaction(async (tx) => {
    await tx
      .insert(signInThrottle)
      .values(keys.map((key) => ({ key, failures: 0, lastFailureAt: now })))
      .onConflictDoNothing();
    const rows = await tx.select().from(signInThrottle).where(inArray(signInThrottle.key, keys)).orderBy(asc(signInThrottle.key)).for('update');
    const blocked = rows.filter((r) => r.blockedUntil && r.blockedUntil.getTime() > now.getTime());
    if (blocked.length) {
      return {
        allowed: false as const,
        retryAfterMs: Math.max(...blocked.map((r) => r.blockedUntil!.getTime() - now.getTime())),
        locked: blocked.some((r) => r.failures >= LOCKOUT_AT),
      };
    }
    const counts: Record<string, number> = {};
    for (const row of rows) {
      const forgotten = now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS;
      const failures = (forgotten ? 0 : row.failures) + 1;
      counts[row.key] = failures;
      const block = blockAfter(failures);
      await tx
        .update(signInThrottle)
        .set({
          failures,
          lastFailureAt: now,
          blockedUntil: block ? new Date(now.getTime() + block) : null,
          lockedAt: failures >= LOCKOUT_AT ? (forgotten ? now : (row.lockedAt ?? now)) : null,
        })
        .where(eq(signInThrottle.key, row.key));
    }
    return { allowed: true as const, keys, counts };
  });
}

/** The attempt failed at Footprints: the charge stands. Audits each key that has just reached the lockout. */
export async function confirmFailure(db: Db, reservation: Extract<Reservation, { allowed: true }>, now = new Date()): Promise<void> {
  recordSignInFailure();
  for (const key of reservation.keys) {
    const failures = reservation.counts[key];
    if (failures !== undefined && failures >= LOCKOUT_AT) {
      recordSignInLockout();
      await recordAudit(db, {
        actor: { id: 'system:sign-in-guard', name: 'Sign-in guard', role: 'none' },
        action: 'auth.lockout',
        target: { type: 'sign-in', id: key },
        outcome: 'refused',
        detail: { failures, lockedForMinutes: Math.round(blockAfter(failures) / 60_000), at: now.toISOString() },
      });
    }
  }
}

/**
 * The attempt succeeded (device and username counters start over; the address loses only this charge)
 * or never reached a verdict (Footprints down: the charge is taken back everywhere).
 */
export async function releaseAttempt(db: Db, reservation: Extract<Reservation, { allowed: true }>, outcome: 'success' | 'no_verdict'): Promise<void> {
  for (const key of reservation.keys) {
    const failures = reservation.counts[key] ?? 1;
    const kept = outcome === 'success' && !key.startsWith('ip:') ? 0 : Math.max(0, failures - 1);
    await db
      .update(signInThrottle)
      .set({ failures: sql`greatest(${signInThrottle.failures} - ${failures - kept}, 0)`, blockedUntil: null })
      .where(eq(signInThrottle.key, key));
  }
}

export interface Lockout {
  key: string;
  failures: number;
  lockedAt: Date | null;
  blockedUntil: Date;
}

/** Keys that are blocked right now, longest first (the admin's security page). */
export async function listLockouts(db: Db, now = new Date()): Promise<Lockout[]> {
  const rows = await db
    .select()
    .from(signInThrottle)
    .where(and(gt(signInThrottle.blockedUntil, now)))
    .orderBy(asc(signInThrottle.blockedUntil));
  return rows.reverse().map((r) => ({ key: r.key, failures: r.failures, lockedAt: r.lockedAt, blockedUntil: r.blockedUntil! }));
}

/** An admin lifts a lockout: the key starts over. Audited by the caller's action. */
export async function liftLockout(db: Db, key: string): Promise<boolean> {
  const rows = await db
    .update(signInThrottle)
    .set({ failures: 0, blockedUntil: null, lockedAt: null })
    .where(eq(signInThrottle.key, key))
    .returning({ key: signInThrottle.key });
  return rows.length > 0;
}
