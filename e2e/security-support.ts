/** Helpers of the security suite (e2e/security*.spec.ts). */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The production build's origin for this run (playwright.config.ts). */
export const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

/** Every desk page of the console, by the role that opens it. */
export const DESKS: Record<'hostess' | 'manager' | 'support' | 'admin', string[]> = {
  hostess: ['/capture', '/loyalty'],
  manager: ['/capture', '/loyalty', '/loyalty/codes', '/leads'],
  support: ['/privacy'],
  admin: ['/leads', '/privacy', '/admin/staff', '/admin/audit', '/admin/queue', '/admin/security', '/admin/system'],
};

/** Records CSP violations the browser reports on this page (and every page it loads later). */
export async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCsp', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI} at ${location.pathname}`);
    });
  });
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(`console: ${msg.text()}`);
  });
  return violations;
}

/** A PIN sign-in straight at next-auth, as a script would send it. Returns the error code, or null on success. */
export async function postPin(request: APIRequestContext, pin: string, headers: Record<string, string> = {}): Promise<string | null> {
  const csrf = (await (await request.get('/api/auth/csrf', { headers })).json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/pin', {
    headers,
    form: { pin, csrfToken: csrf.csrfToken, json: 'true', callbackUrl: '/' },
    maxRedirects: 0,
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url, ORIGIN).searchParams.get('error') : `HTTP ${res.status()}`;
  return error;
}

/** Failed /api/token calls the Footprints simulator received since `since` (wrong PINs and passwords). */
export async function footprintsTokenFailures(request: APIRequestContext, since: string): Promise<number> {
  const res = await request.get('/sandbox/_control/requests?vendor=footprints');
  expect(res.ok()).toBeTruthy();
  const { requests } = (await res.json()) as { requests: { method: string; path: string; status: number; at: string }[] };
  return requests.filter((r) => r.path === '/api/token' && r.method === 'POST' && r.status >= 400 && r.at >= since).length;
}
