/**
 * Security headers of every response (issue 11, point 3). Pure, so proxy.ts, next.config.mjs and the
 * tests share one definition.
 *
 * Scripts: only the console's own, through a per-request nonce and 'strict-dynamic' (Next reads the nonce
 * from the request's CSP header and puts it on its bootstrap scripts). Styles: the console's stylesheet
 * and nonce'd style elements; style attributes stay allowed (style-src-attr) because React renders a
 * few, and a style attribute cannot run code.
 */
export const DEVICE_COOKIE = 'storedesk-device';
export const SECURE_DEVICE_COOKIE = '__Host-storedesk-device';

export function contentSecurityPolicy(nonce: string, opts: { https: boolean; dev?: boolean }): string {
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-attr 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `worker-src 'self'`,
    `manifest-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** The headers every response carries besides the CSP. HSTS only over https (browsers ignore it on http anyway). */
export function baseSecurityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), bluetooth=(), serial=()',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(opts.https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
