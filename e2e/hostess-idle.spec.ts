/**
 * Journey: a hostess tablet left alone signs itself out after HOSTESS_IDLE_MINUTES (the browser's clock is
 * moved, not waited for), the login page says why, and the session is over on the server too.
 */
import { expect, gotoHydrated, HOSTESS_IDLE_MINUTES, signInAs, test } from './fixtures';

test('an idle hostess tablet signs out by itself, says why, and the session is gone', async ({ page }) => {
  // A fresh sign-in of her own: the saved one of other journeys is never spent here.
  await page.clock.install();
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await expect(page.getByTestId('whoami')).toContainText('Ioana Hostess');

  // A minute short of the limit: still signed in.
  await page.clock.fastForward((HOSTESS_IDLE_MINUTES - 1) * 60_000);
  await page.clock.runFor(10_000);
  await expect(page).toHaveURL(/\/capture/);
  await expect(page.getByTestId('whoami')).toBeVisible();

  // Past the limit: the tablet signs out and tells the next person why.
  await page.clock.fastForward(60_000);
  await page.clock.runFor(10_000);
  await expect(page).toHaveURL(/\/login\?ended=idle/);
  await expect(page.getByText('You were signed out because the tablet was left idle. Enter your PIN to continue.')).toBeVisible();

  // The server ended the session as well: nothing opens with the cookie the browser still has.
  await page.goto('/capture');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId('whoami')).toHaveCount(0);
});
