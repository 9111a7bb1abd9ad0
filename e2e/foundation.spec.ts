import { DEMO, expect, gotoHydrated, signInAs, signInWithPassword, signInWithPin, storageStateFor, test } from './fixtures';

const NAV: Record<string, string[]> = {
  hostess: ['Capture lead', 'Loyalty desk'],
  manager: ['Capture lead', 'Loyalty desk', 'Pipeline', 'Insights'],
  support: ['Privacy desk'],
  admin: ['Pipeline', 'Insights', 'Privacy desk', 'Roles', 'Audit trail', 'Sync queue'],
};
const ALL_NAV = ['Capture lead', 'Loyalty desk', 'Pipeline', 'Insights', 'Privacy desk', 'Roles', 'Audit trail', 'Sync queue'];

test.describe('each role sees only its navigation', () => {
  for (const role of ['hostess', 'manager', 'support', 'admin'] as const) {
    test.describe(role, () => {
      test.use({ storageState: storageStateFor(role) });
      test(`${role} navigation`, async ({ page }) => {
        await gotoHydrated(page, '/');
        const nav = page.getByRole('navigation', { name: 'Main' });
        await expect(nav).toBeVisible();
        for (const label of ALL_NAV) {
          const link = nav.getByRole('link', { name: label, exact: true });
          if (NAV[role].includes(label)) await expect(link).toBeVisible();
          else await expect(link).toHaveCount(0);
        }
        await expect(page.getByTestId('sandbox-banner')).toBeVisible();
      });
    });
  }
});

test.describe('forbidden pages', () => {
  test.use({ storageState: storageStateFor('hostess') });
  test('a hostess opening a manager URL gets the 403 page', async ({ page }) => {
    const response = await page.goto('/leads');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'This page is not part of your role' })).toBeVisible();
    for (const url of ['/privacy', '/admin/roles', '/admin/audit', '/admin/queue']) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(403);
    }
  });
});

test('a wrong PIN gets a clear message and no session', async ({ page }) => {
  await signInWithPin(page, '0000');
  await expect(page.getByTestId('login-error')).toHaveText(/That PIN was not recognised/);
  await gotoHydrated(page, '/capture');
  await expect(page).toHaveURL(/\/login/);
});

test('a wrong password gets a clear message', async ({ page }) => {
  await signInWithPassword(page, 'manager', 'not-the-password');
  await expect(page.getByTestId('login-error')).toHaveText(/username and password do not match/);
});

test('sign-out ends the session, even for a replayed cookie', async ({ page, context }) => {
  await signInAs(page, 'manager');
  const cookies = await context.cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\?ended=signed_out/);
  await expect(page.getByText('You are signed out.')).toBeVisible();
  // The old cookie, put back, no longer opens the console: the session ended on the server.
  await context.addCookies(cookies);
  await page.goto('/leads');
  await expect(page).toHaveURL(/\/login/);
});

test('a second hostess takes over a shared tablet', async ({ page }) => {
  await signInAs(page, 'hostess');
  await expect(page.getByTestId('whoami')).toContainText('Ioana Hostess');
  await page.getByRole('button', { name: 'Switch hostess' }).click();
  await expect(page.getByLabel('Next hostess: enter your PIN')).toBeVisible();
  await page.getByLabel('Next hostess: enter your PIN').fill(DEMO.secondHostessPin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('whoami')).toContainText('Maria Hostess');
});

test('an admin changes a role; it takes effect at the next sign-in', async ({ browser }) => {
  // The newcomer signs in first: no role, only the ask-an-admin page.
  const newcomer = await browser.newPage();
  await signInWithPassword(newcomer, DEMO.logins.newcomer.username, DEMO.logins.newcomer.password);
  await expect(newcomer.getByRole('heading', { name: 'You have no role in Storedesk yet' })).toBeVisible();
  await expect(newcomer.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  expect((await newcomer.goto('/privacy'))?.status()).toBe(403);

  const admin = await browser.newPage({ storageState: storageStateFor('admin') });
  await gotoHydrated(admin, '/admin/roles');
  const row = admin.getByTestId('staff-row-newcomer');
  await row.getByLabel('Role of newcomer', { exact: true }).selectOption('support');
  await row.getByRole('button', { name: 'Save role of newcomer' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'takes effect at their next sign-in' })).toBeVisible();

  // Still no role in the running session…
  expect((await newcomer.goto('/privacy'))?.status()).toBe(403);
  await gotoHydrated(newcomer, '/');
  await expect(newcomer.getByRole('heading', { name: 'You have no role in Storedesk yet' })).toBeVisible();
  // …and support after signing in again.
  await newcomer.getByRole('button', { name: 'Sign out' }).click();
  await expect(newcomer).toHaveURL(/\/login/);
  await signInWithPassword(newcomer, DEMO.logins.newcomer.username, DEMO.logins.newcomer.password);
  await expect(newcomer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy desk' })).toBeVisible();

  // The change is in the audit trail.
  await gotoHydrated(admin, '/admin/audit?action=admin.assignRole');
  // The person changed is named, with the id on hover (never the bare id).
  await expect(admin.getByTestId('audit-table').locator('[title="user:newcomer"]').first()).toBeVisible();
  await expect(admin.getByTestId('audit-table')).not.toContainText('user:newcomer');

  // Put it back so a retry starts from the same state.
  await gotoHydrated(admin, '/admin/roles');
  await admin.getByTestId('staff-row-newcomer').getByLabel('Role of newcomer', { exact: true }).selectOption('');
  await admin.getByTestId('staff-row-newcomer').getByRole('button', { name: 'Save role of newcomer' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'no role' })).toBeVisible();
});

test('health reports whether the database answers, and nothing about the vendors', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe('ok');
  expect(body.database).toMatchObject({ ok: true, engine: 'pglite' });
  expect(body.vendors).toBeUndefined();
  expect(JSON.stringify(body)).not.toContain('http');
});

test('unknown pages show a not-found page staff understand', async ({ page }) => {
  const res = await page.goto('/no-such-page');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'There is nothing at this address' })).toBeVisible();
});

test.describe('admin pages', () => {
  test.use({ storageState: storageStateFor('admin') });
  test('the sync queue and the audit trail load and filter', async ({ page }) => {
    await gotoHydrated(page, '/admin/queue');
    await expect(page.getByRole('heading', { name: 'Sync queue' })).toBeVisible();
    await expect(page.getByTestId('queue-table')).toBeVisible();
    await page.getByRole('tab', { name: /Dead/ }).click();
    await expect(page.getByRole('tab', { name: /Dead/ })).toHaveAttribute('aria-selected', 'true');

    await gotoHydrated(page, '/admin/audit');
    await page.getByLabel('Action').selectOption('auth.signIn');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/action=auth.signIn/);
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    await expect(rows.first()).toContainText('auth.signIn');
    expect(await rows.filter({ hasNotText: 'auth.signIn' }).count()).toBe(0);
  });
});
