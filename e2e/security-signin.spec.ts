/**
 * Issue 11, point 1: a PIN sweep from one client is stopped before Footprints sees more than the allowed
 * attempts, the sign-in page says how long to wait, and an admin sees the blocked client and lifts it.
 * The sweeping client has its own address (X-Forwarded-For, as the nearest proxy would set it), so the
 * rest of the suite on 127.0.0.1 is not slowed.
 */
import { DEMO, expect, gotoHydrated, storageStateFor, test } from './fixtures';
import { footprintsTokenFailures, postPin } from './security-support';

const SWEEPER = '198.51.100.23';

test('a PIN sweep is stopped with the wait shown, Footprints sees at most 4 guesses, and an admin lifts the block', async ({ browser }) => {
  const since = new Date().toISOString();
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': SWEEPER } });
  const page = await context.newPage();

  // In the browser: wrong PINs until the guard answers; the page says how long to wait.
  await gotoHydrated(page, '/login');
  let message = '';
  for (let i = 0; i < 8 && !/Wait/.test(message); i++) {
    const pin = String(1000 + i * 7).padStart(4, '0');
    await page.locator('#pin').fill(pin);
    // Read the answer to this attempt, not the message still shown from the previous one.
    await Promise.all([page.waitForResponse((r) => r.url().includes('/api/auth/callback/pin')), page.getByRole('button', { name: 'Sign in' }).click()]);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByTestId('login-error')).toBeVisible();
    message = (await page.getByTestId('login-error').textContent()) ?? '';
  }
  expect(message).toMatch(/Too many wrong attempts from this device\. Wait \d+ seconds?, then try again/);

  // A script on the same client keeps going: every guess is refused before Footprints.
  for (let i = 0; i < 25; i++) {
    const error = await postPin(context.request, String(2000 + i), { 'x-forwarded-for': SWEEPER });
    expect(error).toMatch(/^THROTTLED:\d+$/);
  }
  // A new device cookie does not help: the address is blocked too.
  const fresh = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': SWEEPER } });
  expect(await postPin(fresh.request, '4321', { 'x-forwarded-for': SWEEPER })).toMatch(/^THROTTLED:/);
  // Even the right PIN waits: the guard decides before Footprints is asked.
  expect(await postPin(context.request, DEMO.hostessPin, { 'x-forwarded-for': SWEEPER })).toMatch(/^THROTTLED:/);

  // Three free failures and the fourth, charged before the call: nothing else reached Footprints.
  expect(await footprintsTokenFailures(page.request, since)).toBeLessThanOrEqual(4);

  // The admin sees the blocked address and lifts it; the hostess signs in at once.
  const adminContext = await browser.newContext({ storageState: storageStateFor('admin') });
  const admin = await adminContext.newPage();
  await gotoHydrated(admin, '/admin/security');
  const row = admin.getByTestId('lockout-row').filter({ hasText: `Address ${SWEEPER}` });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: `Lift the lockout of Address ${SWEEPER}` }).click();
  await expect(admin.getByTestId('lockout-row').filter({ hasText: `Address ${SWEEPER}` })).toHaveCount(0);
  // The device cookie of the browser is blocked too; lift it as well.
  for (const other of await admin.getByTestId('lockout-row').filter({ hasText: 'Device' }).all()) {
    await other.getByRole('button').click();
  }
  await expect(admin.getByTestId('lockout-row').filter({ hasText: 'Device' })).toHaveCount(0);
  await gotoHydrated(admin, '/admin/audit?action=admin.liftLockout');
  await expect(admin.getByTestId('audit-table')).toContainText(`ip:${SWEEPER}`);

  await page.locator('#pin').fill(DEMO.hostessPin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('whoami')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\?ended=signed_out/);

  await Promise.all([context.close(), fresh.close(), adminContext.close()]);
});
