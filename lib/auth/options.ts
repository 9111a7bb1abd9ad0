/** next-auth configuration: two credential providers (hostess PIN, staff username + password). */
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { authCookies } from './cookies';
import { safeNextPath } from './home';
import { endSession, sessionIsLive } from './session-store';
import { signInStaff, type SignInResult } from './sign-in';
import type { SignInClient } from './throttle';
import { clientAddress, PEER_HEADER, stampedPeer } from '@/lib/http/peer-address';
import { DEVICE_COOKIE, SECURE_DEVICE_COOKIE } from '@/lib/http/security-headers';
import { isLocale, type Locale } from '@/lib/i18n/locales';

type RequestHeaders = Record<string, unknown> | undefined;

function header(headers: RequestHeaders, name: string): string | null {
  const value = headers?.[name];
  return typeof value === 'string' ? value : null;
}

function deviceOf(headers: RequestHeaders): string | null {
  return header(headers, 'user-agent')?.slice(0, 200) ?? null;
}

/** Who is knocking, for the sign-in guard: the client address and the device cookie set by proxy.ts. */
function clientOf(headers: RequestHeaders, trustedProxyHops: number): SignInClient {
  const cookies = header(headers, 'cookie') ?? '';
  let deviceId: string | null = null;
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if ((name === SECURE_DEVICE_COOKIE || name === DEVICE_COOKIE) && rest.length) deviceId = rest.join('=').slice(0, 100) || null;
  }
  return { address: clientAddress(header(headers, 'x-forwarded-for'), stampedPeer(header(headers, PEER_HEADER)), trustedProxyHops), deviceId };
}

/** next-auth passes a thrown message to the login page as `error`; a throttled attempt carries its wait. */
/** The language chosen on the sign-in page, sent with the credentials (components/auth/login-panel.tsx); anything else: none. */
function chosenLocale(credentials: Record<string, string> | undefined): Locale | undefined {
  return isLocale(credentials?.locale) ? credentials.locale : undefined;
}

function failureMessage(result: Exclude<SignInResult, { ok: true }>): string {
  return result.code === 'THROTTLED' ? `THROTTLED:${result.retryAfterSeconds}` : result.code;
}

/** Built lazily: the config (and its secret) is read at the first request, not at import/build time. */
export function getAuthOptions(): NextAuthOptions {
  const config = getConfig();
  return {
    secret: config.auth.secret,
    useSecureCookies: config.secureCookies,
    cookies: authCookies(config.secureCookies),
    session: { strategy: 'jwt', maxAge: Math.round(config.auth.sessionMaxHours * 3600) },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        id: 'pin',
        name: 'Hostess PIN',
        credentials: { pin: { label: 'PIN', type: 'password' }, locale: { label: 'Language', type: 'text' } },
        async authorize(credentials, req) {
          const result = await signInStaff(
            { grant: 'pin', pin: String(credentials?.pin ?? ''), locale: chosenLocale(credentials) },
            deviceOf(req?.headers),
            clientOf(req?.headers, config.trustedProxyHops),
          );
          if (!result.ok) throw new Error(failureMessage(result));
          return { id: result.sessionId, name: result.displayName };
        },
      }),
      CredentialsProvider({
        id: 'password',
        name: 'Staff sign-in',
        credentials: { username: { label: 'Username', type: 'text' }, password: { label: 'Password', type: 'password' }, locale: { label: 'Language', type: 'text' } },
        async authorize(credentials, req) {
          const result = await signInStaff(
            { grant: 'password', username: String(credentials?.username ?? ''), password: String(credentials?.password ?? ''), locale: chosenLocale(credentials) },
            deviceOf(req?.headers),
            clientOf(req?.headers, config.trustedProxyHops),
          );
          if (!result.ok) throw new Error(failureMessage(result));
          return { id: result.sessionId, name: result.displayName };
        },
      }),
    ],
    callbacks: {
      // Never off the console: a foreign or malformed callbackUrl becomes the console's root, which sends
      // the member of staff to their role's main desk.
      async redirect({ url, baseUrl }) {
        const path = safeNextPath(url, baseUrl);
        return path ? `${baseUrl}${path}` : baseUrl;
      },
      // The cookie carries the server-side session id and nothing else of value.
      // A cookie whose server-side session has ended (signed out, switched, idle, shift over) names
      // nobody: throwing here makes next-auth answer /api/auth/session with {} and clear the cookie.
      async jwt({ token, user }) {
        if (user) return { sid: user.id, name: user.name };
        const config = getConfig();
        const live =
          typeof token.sid === 'string' &&
          (await sessionIsLive(await getDb(), token.sid, {
            maxAgeMs: config.auth.sessionMaxHours * 3_600_000,
            hostessIdleMs: config.auth.hostessIdleMinutes * 60_000,
            staffIdleMs: config.auth.staffIdleMinutes * 60_000,
          }));
        if (!live) throw new Error('session ended');
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
