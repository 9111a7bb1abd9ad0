import type { Browser } from '@playwright/test';
import { DEMO, expect, gotoHydrated, signInAs, signInWithPassword, signInWithPin, storageStateFor, test } from './fixtures';

const NAV: Record<string, string[]> = {
  hostess: ['Capture lead', 'Loyalty desk'],
  manager: ['Capture lead', 'Loyalty desk', 'Pipeline', 'Insights'],
  support: ['Privacy desk'],
  admin: ['Pipeline', 'Insights', 'Privacy desk', 'Staff', 'Audit trail', 'Sync queue', 'System'],
};
const ALL_NAV = ['Capture lead', 'Loyalty desk', 'Pipeline', 'Insights', 'Privacy desk', 'Staff', 'Audit trail', 'Sync queue', 'System'];

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
    for (const url of ['/privacy', '/admin/staff', '/admin/roles', '/admin/audit', '/admin/queue']) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(403);
    }
  });
});

/**
 * The wrong-sign-in journeys come from addresses of their own, new each run (X-Forwarded-For, as the nearest
 * proxy would set it): the sign-in guard keeps an address's failures for an hour, so their failures on 127.0.0.1
 * in two passes within the hour made the fourth one block the address, and the next journey's right password
 * from 127.0.0.1 was refused for 15 s (CI, pass 2).
 */
const ownAddress = () => `10.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

test.describe('a wrong PIN', () => {
  test.use({ extraHTTPHeaders: { 'x-forwarded-for': ownAddress() } });
  test('a wrong PIN gets a clear message and no session', async ({ page }) => {
    await signInWithPin(page, '0000');
    await expect(page.getByTestId('login-error')).toHaveText(/That PIN was not recognised/);
    await gotoHydrated(page, '/capture');
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe('a wrong password', () => {
  test.use({ extraHTTPHeaders: { 'x-forwarded-for': ownAddress() } });
  test('a wrong password gets a clear message', async ({ page }) => {
    await signInWithPassword(page, 'manager', 'not-the-password');
    await expect(page.getByTestId('login-error')).toHaveText(/username and password do not match/);
  });
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

/** Back to no role for the newcomer, through the admin page: run whatever the test's outcome. */
async function resetNewcomerRole(browser: Browser): Promise<void> {
  const admin = await browser.newPage({ storageState: storageStateFor('admin') });
  try {
    await gotoHydrated(admin, '/admin/staff');
    const row = admin.getByTestId('staff-row-newcomer');
    if ((await row.count()) === 0) return; // never signed in: nothing to reset
    const select = row.getByLabel('Role of newcomer', { exact: true });
    if ((await select.inputValue()) === '') return;
    await select.selectOption('');
    await row.getByRole('button', { name: 'Save role of newcomer' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'no role' })).toBeVisible();
  } finally {
    await admin.close();
  }
}

test('an admin gives a role and revokes it; each takes effect at once (the running session ends)', async ({ browser }) => {
  test.setTimeout(120_000);
  // The role is put back in a finally: a failure half-way never leaves the newcomer a support for the next run.
  await resetNewcomerRole(browser);
  const newcomer = await browser.newPage();
  const admin = await browser.newPage({ storageState: storageStateFor('admin') });
  try {
    // The newcomer signs in first: no role, only the ask-an-admin page.
    await signInWithPassword(newcomer, DEMO.logins.newcomer.username, DEMO.logins.newcomer.password);
    await expect(newcomer.getByRole('heading', { name: 'You have no role in Storedesk yet' })).toBeVisible();
    await expect(newcomer.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    expect((await newcomer.goto('/privacy'))?.status()).toBe(403);

    await gotoHydrated(admin, '/admin/staff');
    const row = admin.getByTestId('staff-row-newcomer');
    await row.getByLabel('Role of newcomer', { exact: true }).selectOption('support');
    await row.getByRole('button', { name: 'Save role of newcomer' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'It takes effect now: their open sessions were ended.' })).toBeVisible();

    // The running session has ended: the newcomer is asked to sign in again, and told why…
    await newcomer.goto('/privacy');
    await expect(newcomer).toHaveURL(/\/login\?ended=access_changed/);
    await expect(newcomer.getByText('An admin changed your role or stores.')).toBeVisible();
    // …and is support after signing in again.
    await signInWithPassword(newcomer, DEMO.logins.newcomer.username, DEMO.logins.newcomer.password);
    await expect(newcomer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy desk' })).toBeVisible();

    // The change is in the audit trail.
    await gotoHydrated(admin, '/admin/audit?action=admin.assignRole');
    // The person changed is named, with the id on hover (never the bare id).
    await expect(admin.getByTestId('audit-table').locator('[title="user:newcomer"]').first()).toBeVisible();
    await expect(admin.getByTestId('audit-table')).not.toContainText('user:newcomer');

    // Revoking: the newcomer's next click is refused (the session ended), without signing out.
    await gotoHydrated(admin, '/admin/staff');
    await admin.getByTestId('staff-row-newcomer').getByLabel('Role of newcomer', { exact: true }).selectOption('');
    await admin.getByTestId('staff-row-newcomer').getByRole('button', { name: 'Save role of newcomer' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'newcomer: no role' })).toBeVisible();
    await newcomer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy desk' }).click();
    await expect(newcomer).toHaveURL(/\/login\?ended=access_changed/);
    // The next sign-in has no role.
    await signInWithPassword(newcomer, DEMO.logins.newcomer.username, DEMO.logins.newcomer.password);
    await expect(newcomer.getByRole('heading', { name: 'You have no role in Storedesk yet' })).toBeVisible();
    await expect(newcomer.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    expect((await newcomer.goto('/privacy'))?.status()).toBe(403);
  } finally {
    await newcomer.close();
    await admin.close();
    await resetNewcomerRole(browser);
  }
});

test('an admin named in ADMIN_USERNAMES stays an admin with no admin role given in the console', async ({ browser }) => {
  test.setTimeout(120_000);
  // The saved admin session keeps its roles until its next sign-in: it can always put the role back.
  const admin = await browser.newPage({ storageState: storageStateFor('admin') });
  const fresh = await browser.newContext();
  try {
    await gotoHydrated(admin, '/admin/staff');
    const row = admin.getByTestId('staff-row-admin');
    await expect(row.getByTestId('inherent-role')).toHaveText('Admin (set by configuration)');
    const select = row.getByLabel('Role of admin given in the console', { exact: true });
    await expect(select).toHaveValue('admin');
    // Removing the console-given admin role needs no "remove your own admin role?" question: the configuration keeps it.
    await select.selectOption('');
    await row.getByRole('button', { name: 'Save role of admin' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'only Admin (set by configuration)' })).toBeVisible();
    await expect(admin.getByTestId('confirm-own-admin')).toHaveCount(0);
    await gotoHydrated(admin, '/admin/staff');
    await expect(admin.getByTestId('staff-row-admin').getByLabel('Role of admin given in the console', { exact: true })).toHaveValue('');

    // A fresh sign-in: still an admin, by the configuration alone.
    const page = await fresh.newPage();
    await signInWithPassword(page, DEMO.logins.admin.username, DEMO.logins.admin.password);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' })).toBeVisible();
    expect((await page.goto('/admin/staff'))?.status()).toBe(200);
    await expect(page.getByTestId('staff-row-admin')).toBeVisible();
  } finally {
    await fresh.close();
    // Put the console-given admin role back (the seed's state), whatever happened above.
    await gotoHydrated(admin, '/admin/staff');
    const select = admin.getByTestId('staff-row-admin').getByLabel('Role of admin given in the console', { exact: true });
    if ((await select.inputValue()) !== 'admin') {
      await select.selectOption('admin');
      await admin.getByTestId('staff-row-admin').getByRole('button', { name: 'Save role of admin' }).click();
      await expect(admin.getByRole('status').filter({ hasText: /: Admin\. It takes effect now/ })).toBeVisible();
    }
    await admin.close();
  }
});

test('the staff page says so when the person changed is not in the staff list', async ({ page }) => {
  // A row whose person has gone from the staff list since the page was loaded: the action names someone unknown.
  // The browser's request is rewritten on its way (the page itself only offers people it listed).
  await signInAs(page, 'admin');
  // The old roles page's address leads here.
  await page.goto('/admin/roles');
  await expect(page).toHaveURL(/\/admin\/staff$/);
  await gotoHydrated(page, '/admin/staff');
  const row = page.getByTestId('staff-row-newcomer');
  await expect(row).toBeVisible();
  const before = await row.getByLabel('Role of newcomer', { exact: true }).inputValue();
  let rewritten = 0;
  await page.route('**/admin/staff', async (route) => {
    const body = route.request().postData();
    if (route.request().method() === 'POST' && body?.includes('"user:newcomer"')) {
      rewritten++;
      await route.continue({ postData: body.replace('"user:newcomer"', '"user:left-the-company"') });
    } else await route.continue();
  });
  await row.getByLabel('Role of newcomer', { exact: true }).selectOption(before === 'manager' ? 'support' : 'manager');
  await row.getByRole('button', { name: 'Save role of newcomer' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This person is not in the staff list any more; reload the page.' })).toBeVisible();
  expect(rewritten).toBe(1);
  await page.unroute('**/admin/staff');
  // Nothing was changed for anyone.
  await gotoHydrated(page, '/admin/staff');
  await expect(page.getByTestId('staff-row-newcomer').getByLabel('Role of newcomer', { exact: true })).toHaveValue(before);
  await expect(page.getByTestId('staff-row-left-the-company')).toHaveCount(0);
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
