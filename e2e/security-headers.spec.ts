/**
 * Issue 11, point 3: security headers on pages, route handlers and static files, and not one CSP
 * violation on any desk of any role (the browser reports each one through securitypolicyviolation).
 */
import { expect, gotoHydrated, storageStateFor, test, type DemoRole } from './fixtures';
import { DESKS, watchCsp } from './security-support';

const EXPECTED = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

function expectHeaders(headers: Record<string, string>, where: string, csp = true) {
  for (const [name, value] of Object.entries(EXPECTED)) expect(headers[name], `${name} on ${where}`).toBe(value);
  expect(headers['permissions-policy'], where).toContain('camera=()');
  expect(headers['permissions-policy'], where).toContain('microphone=()');
  expect(headers['permissions-policy'], where).toContain('geolocation=()');
  if (csp) {
    const policy = headers['content-security-policy'] ?? '';
    expect(policy, where).toContain("frame-ancestors 'none'");
    expect(policy, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy, where).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(policy, where).toContain("object-src 'none'");
  }
  // Plain http here: no HSTS (it is sent over https only; the unit test covers that branch).
  expect(headers['strict-transport-security'], where).toBeUndefined();
}

test('pages, route handlers, the sandbox and static files carry the security headers', async ({ request, page }) => {
  for (const path of ['/login', '/api/health', '/api/auth/csrf', '/capture/pending', '/sandbox/_control', '/no-such-page']) {
    const res = await request.get(path);
    expectHeaders(res.headers(), path);
  }
  const post = await request.post('/privacy/run-window', { data: {} });
  expectHeaders(post.headers(), 'POST /privacy/run-window');
  // The upload route is outside proxy.ts (its body must stream): the route door sets the headers itself.
  const upload = await request.post('/leads/x/documents', { multipart: { documentType: 'contracts' } });
  expectHeaders(upload.headers(), 'POST /leads/x/documents', false);
  expect(upload.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");

  // A fresh nonce per response.
  const a = (await request.get('/login')).headers()['content-security-policy'];
  const b = (await request.get('/login')).headers()['content-security-policy'];
  expect(a).not.toBe(b);

  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/_next/static/')) scripts.push(r.url());
  });
  await gotoHydrated(page, '/login');
  expect(scripts.length).toBeGreaterThan(0);
  const asset = await request.get(scripts[0]);
  expectHeaders(asset.headers(), 'a static file', false);
});

test('the sign-in page and the 404 page raise no CSP violation', async ({ page }) => {
  const violations = await watchCsp(page);
  await gotoHydrated(page, '/login');
  await page.getByRole('tab', { name: 'Staff sign-in' }).click();
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'There is nothing at this address' })).toBeVisible();
  expect(violations).toEqual([]);
});

for (const role of Object.keys(DESKS) as DemoRole[]) {
  test.describe(`${role} desks`, () => {
    test.use({ storageState: storageStateFor(role) });
    test(`no CSP violation on any ${role} desk`, async ({ page }) => {
      const violations = await watchCsp(page);
      for (const path of DESKS[role]) {
        await gotoHydrated(page, path);
        // Client-side navigation and data loading happen under the same policy.
        await page.waitForLoadState('networkidle');
      }
      if (role === 'manager') {
        // A lead's detail page, reached by clicking like staff do.
        await gotoHydrated(page, '/leads?view=table');
        const link = page.locator('a[href^="/leads/"]').first();
        if (await link.count()) {
          await link.click();
          await expect(page).toHaveURL(/\/leads\/[^/?]+/);
          await page.waitForLoadState('networkidle');
        }
      }
      expect(violations).toEqual([]);
    });
  });
}

test.describe('the printable privacy report', () => {
  test.use({ storageState: storageStateFor('support') });
  test('raises no CSP violation, on screen or in print', async ({ page }) => {
    const violations = await watchCsp(page);
    await gotoHydrated(page, '/privacy');
    await page.getByLabel("Data subject's e-mail").fill('ana.popescu@example.com');
    await page.getByLabel("Data subject's mobile").fill('0722000001');
    await page.getByRole('button', { name: 'Open case' }).click();
    await expect(page).toHaveURL(/\/privacy\/[0-9a-f-]{36}$/);
    await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
    // A one-day lookup, so that the report has a channel page to print.
    const today = await page.getByLabel('To', { exact: true }).inputValue();
    await page.getByRole('radio', { name: 'E-mail' }).check();
    if (!today) throw new Error('the lookup form has no default end date');
    await page.getByLabel('From', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page.getByTestId('progress-text')).toHaveText('1 of 1 windows answered');
    await page.getByRole('link', { name: 'Printable report' }).click();
    await expect(page.getByTestId('privacy-report')).toBeVisible();
    await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
    await page.waitForLoadState('networkidle');
    // The print rules apply (the report's rows are not kept: a reload would show none, so no reload).
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('privacy-report')).toBeVisible();
    expect(violations).toEqual([]);
  });
});
