/**
 * The signed-in member of staff, for pages, actions and route handlers. The next-auth cookie holds only
 * a session id; everything else is looked up server-side on each request (lib/auth/session-store.ts).
 */
import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { decode } from 'next-auth/jwt';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { SESSION_COOKIE_NAMES } from './cookies';
import { can, type Permission } from './permissions';
import { touchSession, type SessionEndReason, type StoredSession } from './session-store';

export type StaffSession = StoredSession;

const SESSION_COOKIES = SESSION_COOKIE_NAMES;

async function readSessionId(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const raw = jar.get(name)?.value;
    if (!raw) continue;
    try {
      const token = await decode({ token: raw, secret: getConfig().auth.secret });
      const sid = token?.sid;
      if (typeof sid === 'string' && sid) return sid;
    } catch {
      /* a cookie from another secret: treat as signed out */
    }
  }
  return null;
}

export const loadStaffSession = cache(async (): Promise<{ session: StaffSession | null; ended?: SessionEndReason | 'unknown' }> => {
  const sid = await readSessionId();
  if (!sid) return { session: null };
  const config = getConfig();
  const result = await touchSession(await getDb(), config.auth.secret, sid, {
    maxAgeMs: config.auth.sessionMaxHours * 3_600_000,
    hostessIdleMs: config.auth.hostessIdleMinutes * 60_000,
    staffIdleMs: config.auth.staffIdleMinutes * 60_000,
  });
  return 'session' in result ? { session: result.session } : { session: null, ended: result.ended };
});

/** The current session, or null. Memoised per request. */
export async function getStaffSession(): Promise<StaffSession | null> {
  return (await loadStaffSession()).session;
}

/** For pages: the session, or a redirect to the login page that says why. */
export async function requireSession(): Promise<StaffSession> {
  const { session, ended } = await loadStaffSession();
  if (!session) redirect(ended && ended !== 'unknown' ? `/login?ended=${ended}` : '/login');
  return session;
}

/** For pages: the session if its roles hold the permission; the 403 page otherwise. */
export async function requirePagePermission(permission: Permission): Promise<StaffSession> {
  const session = await requireSession();
  if (!can(session.roles, permission)) forbidden();
  return session;
}
