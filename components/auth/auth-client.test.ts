/** Issue 10, point 6: the console's own sign-in/sign-out calls make the requests next-auth expects and read its answer. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signInWith, signOutSession } from './auth-client';

const calls: { url: string; init?: RequestInit }[] = [];
function answer(callback: { status?: number; url?: string }) {
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    if (url === '/api/auth/csrf') return new Response(JSON.stringify({ csrfToken: 'csrf-1' }), { status: 200 });
    return new Response(JSON.stringify(callback.url === undefined ? {} : { url: callback.url }), { status: callback.status ?? 200 });
  });
}

beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal('window', { location: { href: 'http://console.test/login', origin: 'http://console.test' } });
});
afterEach(() => vi.unstubAllGlobals());

describe('auth client', () => {
  it('posts the credentials with the CSRF token, asking for JSON, and succeeds on a URL without an error', async () => {
    answer({ url: 'http://console.test/login' });
    expect(await signInWith('pin', { pin: '1234' })).toEqual({ error: null });
    const post = calls.find((c) => c.url === '/api/auth/callback/pin')!;
    expect(post.init?.method).toBe('POST');
    const body = new URLSearchParams(String(post.init?.body));
    expect(Object.fromEntries(body)).toEqual({ pin: '1234', csrfToken: 'csrf-1', callbackUrl: 'http://console.test/login', json: 'true' });
  });

  it("reads next-auth's error code from the returned URL (the sign-in guard's wait included)", async () => {
    answer({ url: 'http://console.test/login?error=THROTTLED%3A15' });
    expect(await signInWith('pin', { pin: '0000' })).toEqual({ error: 'THROTTLED:15' });
    answer({ url: '/login?error=WRONG_CREDENTIALS' });
    expect(await signInWith('password', { username: 'x', password: 'y' })).toEqual({ error: 'WRONG_CREDENTIALS' });
  });

  it('never reports success for an answer it cannot read', async () => {
    answer({ status: 500 });
    expect((await signInWith('pin', { pin: '1234' })).error).toBe('SIGN_IN_FAILED');
  });

  it('signs out with a CSRF-protected POST', async () => {
    answer({ url: 'http://console.test/login' });
    await signOutSession();
    const post = calls.find((c) => c.url === '/api/auth/signout')!;
    expect(post.init?.method).toBe('POST');
    expect(new URLSearchParams(String(post.init?.body)).get('csrfToken')).toBe('csrf-1');
  });
});
