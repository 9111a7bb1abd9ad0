/**
 * The two calls the browser makes to next-auth's endpoints, without next-auth's client library (its
 * SessionProvider, session polling and broadcast machinery are not used here; issue 10, point 6 — lighter
 * pages). Same requests as `next-auth/react`'s signIn/signOut with `redirect: false`: the CSRF token, then
 * a form POST asking for JSON; the outcome is in the returned URL's `error` parameter.
 */
async function csrfToken(): Promise<string> {
  const res = await fetch('/api/auth/csrf', { cache: 'no-store' });
  const body = (await res.json()) as { csrfToken?: string };
  if (!body.csrfToken) throw new Error('no CSRF token');
  return body.csrfToken;
}

async function post(path: string, fields: Record<string, string>): Promise<{ ok: boolean; url: string | null }> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), callbackUrl: window.location.href, json: 'true' }),
  });
  const body = (await res.json().catch(() => ({}))) as { url?: unknown };
  return { ok: res.ok, url: typeof body.url === 'string' ? body.url : null };
}

/** Signs in with a credentials provider. `error` is next-auth's code (e.g. `THROTTLED:15`), or null on success. */
export async function signInWith(provider: 'pin' | 'password', credentials: Record<string, string>): Promise<{ error: string | null }> {
  const { ok, url } = await post(`/api/auth/callback/${provider}`, credentials);
  const error = url ? new URL(url, window.location.origin).searchParams.get('error') : null;
  if (error) return { error };
  return { error: ok && url ? null : 'SIGN_IN_FAILED' };
}

/** Ends the session (server side: lib/auth/options.ts ends the stored session on sign-out). */
export async function signOutSession(): Promise<void> {
  await post('/api/auth/signout', {});
}
