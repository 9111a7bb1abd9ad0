/**
 * Per-user limit on loyalty lookups (code check, prize history): a fixed window counted in the database,
 * because several console instances may serve the same member of staff (PostgreSQL), and because a
 * restart must not hand out a fresh allowance. One upsert per lookup: atomic on both engines.
 *
 * 30 lookups a minute is far above what a hostess does at a counter (one customer at a time) and far
 * below what guessing e-mail + phone pairs would need.
 */
import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { RateLimitError } from '@/lib/errors';
import { refusal } from '@/lib/i18n/server-words';
import { loyaltyLookupCounters } from './schema';

export const LOOKUP_LIMIT = 30;
export const LOOKUP_WINDOW_MS = 60_000;

export type LookupBucket = 'check' | 'history';

export interface LookupAllowance {
  hits: number;
  limit: number;
  windowEndsAt: Date;
}

/** Counts one lookup; throws RateLimitError (saying when to try again) once the window's allowance is spent. */
export async function consumeLookup(
  db: Db,
  subject: string,
  bucket: LookupBucket,
  opts: { now?: Date; limit?: number; windowMs?: number } = {},
): Promise<LookupAllowance> {
  const now = opts.now ?? new Date();
  const limit = opts.limit ?? LOOKUP_LIMIT;
  const windowMs = opts.windowMs ?? LOOKUP_WINDOW_MS;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const windowEndsAt = new Date(windowStart.getTime() + windowMs);
  const [row] = await db
    .insert(loyaltyLookupCounters)
    .values({ subject, bucket, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [loyaltyLookupCounters.subject, loyaltyLookupCounters.bucket, loyaltyLookupCounters.windowStart],
      set: { hits: sql`${loyaltyLookupCounters.hits} + 1` },
    })
    .returning({ hits: loyaltyLookupCounters.hits });
  const hits = row?.hits ?? 1;
  if (hits === 1) {
    // First lookup of a window: forget this user's old windows (keeps the table to a row or two per user).
    await db.delete(loyaltyLookupCounters).where(and(eq(loyaltyLookupCounters.subject, subject), lt(loyaltyLookupCounters.windowStart, windowStart)));
  }
  if (hits > limit) {
    const seconds = Math.max(1, Math.ceil((windowEndsAt.getTime() - now.getTime()) / 1000));
    throw refusal((m) => new RateLimitError(m), (t) => t('loyalty.errors.rateLimited', { bucket: bucket === 'check' ? 'check' : 'history', limit, seconds }));
  }
  return { hits, limit, windowEndsAt };
}
