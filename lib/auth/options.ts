/** next-auth configuration: two credential providers (hostess PIN, staff username + password). */
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { endSession } from './session-store';
import { signInStaff } from './sign-in';

function deviceOf(headers: Record<string, unknown> | undefined): string | null {
  const ua = headers?.['user-agent'];
  return typeof ua === 'string' ? ua.slice(0, 200) : null;
}

/** Built lazily: the config (and its secret) is read at the first request, not at import/build time. */
export function getAuthOptions(): NextAuthOptions {
  const config = getConfig();
  return {
    secret: config.auth.secret,
    session: { strategy: 'jwt', maxAge: Math.round(config.auth.sessionMaxHours * 3600) },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        id: 'pin',
        name: 'Hostess PIN',
        credentials: { pin: { label: 'PIN', type: 'password' } },
        async authorize(credentials, req) {
          const result = await signInStaff({ grant: 'pin', pin: String(credentials?.pin ?? '') }, deviceOf(req?.headers));
          if (!result.ok) throw new Error(result.code);
          return { id: result.sessionId, name: result.displayName };
        },
      }),
      CredentialsProvider({
        id: 'password',
        name: 'Staff sign-in',
        credentials: { username: { label: 'Username', type: 'text' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          const result = await signInStaff(
            { grant: 'password', username: String(credentials?.username ?? ''), password: String(credentials?.password ?? '') },
            deviceOf(req?.headers),
          );
          if (!result.ok) throw new Error(result.code);
          return { id: result.sessionId, name: result.displayName };
        },
      }),
    ],
    callbacks: {
      // The cookie carries the server-side session id and nothing else of value.
      async jwt({ token, user }) {
        if (user) return { sid: user.id, name: user.name };
        return token;
      },
      // What /api/auth/session returns to the browser: a display name, never a token or the session id.
      async session({ session, token }) {
        return { expires: session.expires, user: { name: typeof token.name === 'string' ? token.name : null } };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await endSession(await getDb(), token.sid, 'signed_out');
      },
    },
  };
}
