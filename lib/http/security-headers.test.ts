import { describe, expect, it } from 'vitest';
import { baseSecurityHeaders, contentSecurityPolicy } from './security-headers';

describe('security headers', () => {
  it('send HSTS and upgrade-insecure-requests over https only', () => {
    expect(baseSecurityHeaders({ https: true })['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
    expect(baseSecurityHeaders({ https: false })['Strict-Transport-Security']).toBeUndefined();
    expect(contentSecurityPolicy('n', { https: true })).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy('n', { https: false })).not.toContain('upgrade-insecure-requests');
  });

  it('allow only nonce scripts, no eval outside development, and no framing', () => {
    const csp = contentSecurityPolicy('abc', { https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});
