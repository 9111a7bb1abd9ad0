/**
 * Cookie names and flags (issue 11, point 4). With an https public URL every cookie is Secure and carries
 * a prefix the browser enforces: __Host- (Secure, Path=/, no Domain: no sibling host can set or read it)
 * where next-auth allows it, __Secure- for the callback URL cookie. Plain http (sandbox on localhost, or
 * ALLOW_INSECURE_HTTP=1) drops the prefixes, which browsers refuse without Secure.
 */
import type { NextAuthOptions } from 'next-auth';

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-storedesk.session' : 'storedesk.session';
}

/** Every name a session cookie may have (the reader tries both, so a mode switch signs nobody in wrongly). */
export const SESSION_COOKIE_NAMES = [sessionCookieName(true), sessionCookieName(false)] as const;

export function authCookies(secure: boolean): NonNullable<NextAuthOptions['cookies']> {
  const base = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure };
  return {
    sessionToken: { name: sessionCookieName(secure), options: base },
    csrfToken: { name: secure ? '__Host-storedesk.csrf' : 'storedesk.csrf', options: base },
    callbackUrl: { name: secure ? '__Secure-storedesk.callback' : 'storedesk.callback', options: base },
    pkceCodeVerifier: { name: secure ? '__Secure-storedesk.pkce' : 'storedesk.pkce', options: { ...base, maxAge: 900 } },
    state: { name: secure ? '__Secure-storedesk.state' : 'storedesk.state', options: { ...base, maxAge: 900 } },
    nonce: { name: secure ? '__Secure-storedesk.nonce' : 'storedesk.nonce', options: base },
  };
}
