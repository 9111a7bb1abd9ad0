/**
 * Which Footprints access token a queued capture is delivered with. Vendor identity is staff identity: the
 * hostess's own token while her session lives (auth's liveVendorTokenFor — the job payload never holds a
 * token). When she has signed out, or Footprints no longer knows her token (it expired, or the
 * vendor restarted), the console's own client-credentials token delivers it, so a waiting lead is never
 * stranded by a sign-out. A 401 is never retryable, so the fallback is what keeps such a job alive.
 */
import 'server-only';
import { liveVendorTokenFor } from '@/lib/auth/vendor-token';
import { getConfig } from '@/lib/config';
import type { Db } from '@/lib/db';
import { log } from '@/lib/log';
import { VendorError } from '@/lib/vendors/http';
import type { FootprintsClient } from '@/lib/vendors/footprints';

export interface FootprintsTokenSource {
  /** The live session token of this member of staff, or null. */
  forSubject(db: Db, subject: string): Promise<string | null>;
  /** The console's own token (client credentials), cached until shortly before it expires. */
  server(): Promise<string>;
  /** Forgets the cached server token (after a 401). */
  dropServer(): void;
}

export function createTokenSource(getClient: () => FootprintsClient, authSecret: () => string = () => getConfig().auth.secret): FootprintsTokenSource {
  let cached: { token: string; renewAt: number } | null = null;
  let inFlight: Promise<string> | null = null;
  return {
    forSubject(db, subject) {
      return liveVendorTokenFor(db, subject, authSecret());
    },
    server() {
      if (cached && Date.now() < cached.renewAt) return Promise.resolve(cached.token);
      inFlight ??= getClient()
        .tokenWithClientCredentials()
        .then((t) => {
          const lifetime = t.expiresAt ? t.expiresAt.getTime() - Date.now() : 5 * 60_000;
          cached = { token: t.accessToken, renewAt: Date.now() + Math.max(0, lifetime - Math.min(60_000, lifetime / 10)) };
          return t.accessToken;
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
    dropServer() {
      cached = null;
    },
  };
}

const isUnauthorized = (e: unknown) => e instanceof VendorError && e.status === 401;

/** Runs a Footprints call as the member of staff, falling back to the console's token on a 401 or no session. */
export async function asStaffOrServer<T>(db: Db, tokens: FootprintsTokenSource, subject: string, call: (token: string) => Promise<T>): Promise<T> {
  const staff = await tokens.forSubject(db, subject);
  if (staff) {
    try {
      return await call(staff);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      log('info', 'capture.staff_token_refused', { next: 'server_token' });
    }
  }
  try {
    return await call(await tokens.server());
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
    tokens.dropServer();
    return call(await tokens.server());
  }
}
