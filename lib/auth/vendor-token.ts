/**
 * "A live vendor token for this member of staff": the Footprints access token of their newest open
 * session, opened from its sealed form, or null (signed out, expired, unreadable). Queued work done on a
 * member of staff's behalf (lib/capture/tokens.ts) asks here instead of reading staff_sessions itself.
 */
import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { getConfig } from '@/lib/config';
import type { Db } from '@/lib/db';
import { staffSessions } from '@/lib/db/schema';
import { openToken } from './session-store';

export async function liveVendorTokenFor(db: Db, subject: string, authSecret: string = getConfig().auth.secret, now: Date = new Date()): Promise<string | null> {
  const [row] = await db
    .select({ sealed: staffSessions.sealedToken, expiresAt: staffSessions.tokenExpiresAt })
    .from(staffSessions)
    .where(and(eq(staffSessions.subject, subject), isNull(staffSessions.endedAt)))
    .orderBy(desc(staffSessions.lastSeenAt))
    .limit(1);
  if (!row?.sealed) return null;
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return null;
  try {
    return openToken(row.sealed, authSecret);
  } catch {
    return null;
  }
}
