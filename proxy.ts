/**
 * Next 16's request proxy (the former middleware): every page, route handler and sandbox route gets the
 * security headers, pages a fresh CSP nonce, and a browser without one a long-lived random device id (the
 * sign-in guard counts failures per device as well as per address and username).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { baseSecurityHeaders, contentSecurityPolicy, DEVICE_COOKIE, SECURE_DEVICE_COOKIE } from '@/lib/http/security-headers';

function isHttps(request: NextRequest): boolean {
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return proto ? proto === 'https' : request.nextUrl.protocol === 'https:';
}

export function proxy(request: NextRequest): NextResponse {
  const https = isHttps(request);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  // NODE_ENV is inlined by Next at build time (the proxy runs before config is loaded); it is no setting.
  // eslint-disable-next-line no-restricted-properties
  const csp = contentSecurityPolicy(nonce, { https, dev: process.env.NODE_ENV === 'development' });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });

  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(baseSecurityHeaders({ https }))) response.headers.set(name, value);

  const cookieName = https ? SECURE_DEVICE_COOKIE : DEVICE_COOKIE;
  if (!request.cookies.get(cookieName)) {
    response.cookies.set(cookieName, crypto.randomUUID(), {
      httpOnly: true,
      secure: https,
      sameSite: 'lax',
      path: '/',
      maxAge: 400 * 24 * 3600,
    });
  }
  return response;
}

/**
 * Every path but static files (next.config.mjs gives those the same headers) and the routes that stream a
 * large body: Next buffers — and past 10 MB silently truncates — the body of any request the proxy sees,
 * so those routes stay outside it and the route door sets their headers itself (defineRoute
 * `largeBody`; a unit test keeps this list and the door's routes in step).
 */
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|leads/[^/]+/documents).*)'],
};
