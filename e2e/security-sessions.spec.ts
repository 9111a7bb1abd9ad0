/**
 * Issue 11, point 8: "Switch hostess" ends the session when it is tapped (the old cookie no longer opens
 * anything, before any PIN is typed), and sign-out loads the login page in full (nothing of the previous
 * person's page stays in the tab's memory).
 */
import { DEMO, expect, gotoHydrated, test } from './fixtures';

async function signInHostess(page: import('@playwright/test').Page) {
  await gotoHydrated(page, '/login');
  await page.locator('#pin').fill(DEMO.secondHostessPin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('whoami')).toBeVisible();
  // The desk's buttons answer once React has hydrated (a tap before that is lost on a loaded machine).
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
}

test('tapping "Switch hostess" ends the session at once', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInHostess(page);
  const before = await context.cookies();
  expect(before.some((c) => c.name.endsWith('storedesk.session'))).toBe(true);
  // While the session lives, next-auth's session endpoint names her (so the check below can fail).
  const live = await (await page.request.get('/api/auth/session')).json();
  expect(live?.user?.name).toBeTruthy();

  await page.getByRole('button', { name: 'Switch hostess' }).click();
  await expect(page).toHaveURL(/\/login\?switch=1/);
  await expect(page.getByText('Next hostess: enter your PIN')).toBeVisible();

  // Someone who kept the old cookie gets nothing: the session ended server-side at the tap.
  const replay = await browser.newContext();
  await replay.addCookies(before);
  const res = await (await replay.newPage()).goto('/capture');
  expect(new URL(res!.url()).pathname).toBe('/login');
  // …and the session endpoint no longer names the previous hostess.
  const ended = await (await replay.request.get('/api/auth/session')).json();
  expect(ended).toEqual({});
  await replay.close();
  await context.close();
});

test('sign-out reloads the page in full', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInHostess(page);
  await page.evaluate(() => {
    (window as unknown as { __previousPerson?: string }).__previousPerson = 'still here';
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\?ended=signed_out/);
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
  expect(await page.evaluate(() => (window as unknown as { __previousPerson?: string }).__previousPerson)).toBeUndefined();
  await context.close();
});
