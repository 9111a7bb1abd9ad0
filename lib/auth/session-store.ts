/**
 * Server-side staff sessions. The browser's next-auth cookie carries only a random session id; the
 * Footprints access token lives here, encrypted at rest with a key derived from AUTH_SECRET, so it never
 * reaches the browser, even encrypted. A session ends at sign-out, at the shift-length limit, and after
 * inactivity (its own limit for hostess tablets and for desk staff).
 */
import 'server-only';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { staffSessions } from '@/lib/db/schema';
import type { Role } from './roles';
import { isRole } from './roles';
import { scopeFromRow, scopeToRow, type StoreScope } from './stores';

export type StaffKind = 'hostess' | 'staff';

export interface StoredSession {
  id: string;
  subject: string;
  kind: StaffKind;
  displayName: string;
  username: string | null;
  roles: Role[];
  /** The stores whose data this session may read and change (resolved at sign-in; a change ends the session). */
  stores: StoreScope;
  device: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  /** Decrypted Footprints access token. Server-side use only. */
  accessToken: string;
  tokenExpiresAt: Date | null;
}

export type SessionEndReason = 'signed_out' | 'shift_limit' | 'idle' | 'replaced' | 'access_changed';

function keyFrom(secret: string): Buffer {
  return createHash('sha256').update(`storedesk:footprints-token:${secret}`).digest();
}

export function sealToken(token: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function openToken(sealed: string, secret: string): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

export async function createSession(
  db: Db,
  secret: string,
  input: {
    subject: string;
    kind: StaffKind;
    displayName: string;
    username: string | null;
    roles: Role[];
    stores: StoreScope;
    device: string | null;
    accessToken: string;
    tokenExpiresAt: Date | null;
  },
): Promise<string> {
  const id = randomBytes(24).toString('base64url');
  const now = new Date();
  await db.insert(staffSessions).values({
    id,
    subject: input.subject,
    kind: input.kind,
    displayName: input.displayName,
    username: input.username,
    roles: input.roles,
    ...scopeToRow(input.stores),
    device: input.device,
    sealedToken: sealToken(input.accessToken, secret),
    tokenExpiresAt: input.tokenExpiresAt,
    createdAt: now,
    lastSeenAt: now,
  });
  return id;
}

export interface SessionLimits {
  maxAgeMs: number;
  hostessIdleMs: number;
  /** Idle limit of desk staff sessions (manager, support, admin); hostess tablets use hostessIdleMs. */
  staffIdleMs: number;
  now?: Date;
}

/**
 * Loads a live session and marks it seen. Returns the reason instead when it has ended (and records
 * that end), so the login page can say why the user was signed out.
 */
export async function touchSession(
  db: Db,
  secret: string,
  id: string,
  limits: SessionLimits,
): Promise<{ session: StoredSession } | { ended: SessionEndReason | 'unknown' }> {
  const now = limits.now ?? new Date();
  const [row] = await db.select().from(staffSessions).where(eq(staffSessions.id, id)).limit(1);
  if (!row) return { ended: 'unknown' };
  if (row.endedAt) return { ended: (row.endReason as SessionEndReason | null) ?? 'signed_out' };
  const reason = limitReached(row, limits, now);
  if (reason) {
    await endSession(db, id, reason, now);
    return { ended: reason };
  }
  // Writing on every request would make each page view a write; a 15 s resolution is plenty for idleness.
  if (now.getTime() - row.lastSeenAt.getTime() > 15_000) {
    await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.id, id));
  }
  let accessToken: string;
  try {
    accessToken = openToken(row.sealedToken, secret);
  } catch {
    // AUTH_SECRET changed since sign-in: the session cannot be used.
    await endSession(db, id, 'replaced', now);
    return { ended: 'replaced' };
  }
  return {
    session: {
      id: row.id,
      subject: row.subject,
      kind: row.kind === 'hostess' ? 'hostess' : 'staff',
      displayName: row.displayName,
      username: row.username,
      roles: (Array.isArray(row.roles) ? row.roles : []).filter(isRole),
      stores: scopeFromRow(row),
      device: row.device,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      accessToken,
      tokenExpiresAt: row.tokenExpiresAt,
    },
  };
}

type SessionRow = typeof staffSessions.$inferSelect;

function limitReached(row: SessionRow, limits: SessionLimits, now: Date): SessionEndReason | null {
  if (now.getTime() - row.createdAt.getTime() > limits.maxAgeMs) return 'shift_limit';
  if (now.getTime() - row.lastSeenAt.getTime() > (row.kind === 'hostess' ? limits.hostessIdleMs : limits.staffIdleMs)) return 'idle';
  if (row.tokenExpiresAt && row.tokenExpiresAt.getTime() <= now.getTime()) return 'shift_limit';
  return null;
}

/**
 * Whether a session is still usable, without marking it seen: for /api/auth/session, which the browser
 * may poll and which must neither keep an idle tablet signed in nor name a hostess whose session ended.
 */
export async function sessionIsLive(db: Db, id: string, limits: SessionLimits): Promise<boolean> {
  const [row] = await db.select().from(staffSessions).where(eq(staffSessions.id, id)).limit(1);
  if (!row || row.endedAt) return false;
  return limitReached(row, limits, limits.now ?? new Date()) === null;
}

export async function endSession(db: Db, id: string, reason: SessionEndReason, now = new Date()): Promise<void> {
  await db
    .update(staffSessions)
    .set({ endedAt: now, endReason: reason, sealedToken: '' })
    .where(and(eq(staffSessions.id, id), isNull(staffSessions.endedAt)));
}

/** Ends every open session of a member of staff at once: an admin changed their role or stores. */
export async function endSessionsOf(db: Db, subject: string, reason: SessionEndReason, now = new Date()): Promise<number> {
  const ended = await db
    .update(staffSessions)
    .set({ endedAt: now, endReason: reason, sealedToken: '' })
    .where(and(eq(staffSessions.subject, subject), isNull(staffSessions.endedAt)))
    .returning({ id: staffSessions.id });
  return ended.length;
}
