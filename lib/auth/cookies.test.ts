import { describe, expect, it } from 'vitest';
import { authCookies, SESSION_COOKIE_NAMES, sessionCookieName } from './cookies';

describe('auth cookies', () => {
  it('are Secure, HttpOnly, SameSite=Lax with __Host-/__Secure- prefixes over https', () => {
    const cookies = authCookies(true);
    for (const cookie of Object.values(cookies)) {
      expect(cookie.name).toMatch(/^__(Host|Secure)-/);
      expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
    }
    expect(cookies.sessionToken!.name).toBe('__Host-storedesk.session');
    expect(cookies.csrfToken!.name).toMatch(/^__Host-/);
  });

  it('drop the prefixes (which browsers refuse without Secure) on plain http, and the reader knows both names', () => {
    for (const cookie of Object.values(authCookies(false))) {
      expect(cookie.name).not.toMatch(/^__/);
      expect(cookie.options).toMatchObject({ httpOnly: true, secure: false });
    }
    expect(SESSION_COOKIE_NAMES).toEqual([sessionCookieName(true), sessionCookieName(false)]);
  });
});
