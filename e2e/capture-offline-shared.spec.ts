/**
 * Journey (issue 14, shared tablet): the first hostess captures offline and hands the tablet over ("Switch
 * hostess" warns with the count on the tablet); the second hostess's session sends the capture when the
 * network is back, and the consent proof names the hostess who captured it.
 */
import { DEMO, expect, gotoHydrated, signInAs, signInWithPin, test, uniqueFirstName } from './fixtures';
import { captureResult, clearFaults, fillRequired, footprintsLeadsByEmail, openCaptureSections, uniqueEmail } from './capture-support';
import { deviceQueue, goOffline, goOnline, waitForShell } from './offline-support';

test("a second hostess on the same tablet sends the first one's offline capture, with the first hostess recorded", async ({ page, context, request, browser }) => {
  test.setTimeout(150_000);
  await clearFaults(request);
  // The sign-in page is kept on the tablet from its first visit (the tablet shows it offline after the switch).
  await gotoHydrated(page, '/login');
  await waitForShell(page, '/login');
  await signInAs(page, 'hostess');
  const firstHostess = (await page.getByTestId('whoami').locator('span').first().textContent())?.trim() ?? '';
  expect(firstHostess).not.toBe('');
  await gotoHydrated(page, '/capture');
  await waitForShell(page, '/capture');

  await goOffline(context);
  const email = uniqueEmail('handover');
  await fillRequired(page, { first: uniqueFirstName('Handover'), last: 'Shared', email });
  await openCaptureSections(page, ['Store and offer']);
  // The selections Footprints' lead list needs to show it (location, category, offer, consultant).
  await page.getByLabel('Location', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Offer category', { exact: true }).selectOption({ label: 'Furniture' });
  await page.getByLabel('Offer', { exact: true }).selectOption({ label: 'Corner sofa' });
  await page.getByLabel('Consultant', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toHaveText('Saved on this tablet — will send when the network is back.');

  await page.getByRole('button', { name: 'Switch hostess' }).click();
  const warning = page.getByRole('alertdialog');
  await expect(warning).toContainText('One capture is waiting on this tablet');
  await expect(warning).toContainText('the next session signed in on it sends it');
  await warning.getByRole('button', { name: 'Switch anyway' }).click();
  await expect(page).toHaveURL(/\/login\?switch=1/);
  // The first hostess's desk is no longer kept on the tablet; her capture is.
  expect(await page.evaluate(async () => Boolean(await caches.match('/capture')))).toBe(false);
  expect(await deviceQueue(page)).toHaveLength(1);

  // Her sign-out was tapped offline: the sign-in page ends her session once the network is back.
  await goOnline(context);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('storedesk.signOutPending')), { timeout: 15_000 }).toBeNull();
  await signInWithPin(page, DEMO.secondHostessPin);
  await expect(page.getByTestId('whoami')).not.toContainText(firstHostess);
  await gotoHydrated(page, '/capture');
  await expect.poll(async () => (await footprintsLeadsByEmail(request, email)).length, { timeout: 30_000 }).toBe(1);
  await expect.poll(async () => (await deviceQueue(page)).length, { timeout: 10_000 }).toBe(0);
  const [lead] = await footprintsLeadsByEmail(request, email);

  // The consent proof names the hostess who captured it, not the one whose session sent it.
  const manager = await (await browser.newContext()).newPage();
  await signInAs(manager, 'manager');
  await gotoHydrated(manager, `/leads/${String(lead._id)}`);
  await expect(manager.getByTestId('consent')).toContainText(firstHostess);
  await manager.context().close();
});
