/**
 * Fleet-wide leases: something only one console instance may do at a time (the lead sync) is decided in the
 * database, not in one process's memory. Acquiring draws a random token; only that token renews or releases
 * the lease, so a holder that lost it (it expired while the holder stalled, and another took it) cannot renew
 * or free the new holder's lease. A holder that died frees it by letting `expiresAt` pass.
 *
 * A row (INSERT … ON CONFLICT DO UPDATE … WHERE expired) rather than pg_advisory_lock: an advisory lock lives
 * on one connection, which a pool hands to others, and embedded PGlite has only one connection for everything.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from './index';
import { leases } from './schema';

export interface Lease {
  name: string;
  /** The random token of this acquisition. */
  token: string;
  expiresAt: Date;
}

/** Who holds a lease, for people (logs, the sync's "already running" message). */
export function leaseOwner(): string {
  return `${hostname()}:${process.pid}`;
}

/** Takes the lease when it is free or expired; null when another holder has it. */
export async function acquireLease(db: Db, name: string, ttlMs: number, now: Date = new Date()): Promise<Lease | null> {
  const token = randomUUID();
  const expiresAt = new Date(now.getTime() + ttlMs);
  const rows = await db
    .insert(leases)
    .values({ name, holder: token, owner: leaseOwner(), acquiredAt: now, expiresAt })
    .onConflictDoUpdate({
      target: leases.name,
      set: { holder: token, owner: leaseOwner(), acquiredAt: now, expiresAt },
      // Only an expired lease is taken over; a live one stays with its holder.
      setWhere: lt(leases.expiresAt, now),
    })
    .returning({ holder: leases.holder });
  return rows[0]?.holder === token ? { name, token, expiresAt } : null;
}

/**
 * Extends the lease by `ttlMs` from `now` while its token still holds it. False when it was lost (expired and
 * taken by another, or released): the caller must stop acting as the holder. `tx` may be a transaction, so that
 * the renewal and the writes it guards commit together (a fence).
 */
export async function renewLease(db: Pick<Db, 'update'>, lease: Lease, ttlMs: number, now: Date = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const rows = await db
    .update(leases)
    .set({ expiresAt })
    .where(and(eq(leases.name, lease.name), eq(leases.holder, lease.token)))
    .returning({ name: leases.name });
  if (rows.length === 0) return false;
  lease.expiresAt = expiresAt;
  return true;
}

/** Frees the lease if this token still holds it (another holder's lease is left alone). */
export async function releaseLease(db: Db, lease: Lease): Promise<void> {
  await db.delete(leases).where(and(eq(leases.name, lease.name), eq(leases.holder, lease.token)));
}

/** Frees every lease this process holds (graceful shutdown, after its grace period). */
export async function releaseLeasesOfThisProcess(db: Db): Promise<number> {
  const rows = await db.delete(leases).where(eq(leases.owner, leaseOwner())).returning({ name: leases.name });
  return rows.length;
}

/** The current holder of a lease, or null when it is free or expired. */
export async function currentLease(db: Db, name: string, now: Date = new Date()): Promise<{ owner: string; expiresAt: Date } | null> {
  const [row] = await db.select().from(leases).where(eq(leases.name, name)).limit(1);
  return row && row.expiresAt >= now ? { owner: row.owner, expiresAt: row.expiresAt } : null;
}

/** Thrown by work guarded by a lease when the lease turned out to be lost: it stops before writing more. */
export class LeaseLostError extends Error {
  constructor(name: string) {
    super(`the ${name} lease was lost (it expired and another instance took it)`);
    this.name = 'LeaseLostError';
  }
}
