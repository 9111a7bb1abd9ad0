/**
 * Journey (issue 14, shared tablet): a manager uses "Forget this tablet" — after a confirmation the captures
 * waiting on it are discarded at once, offline too, and the discard is audited when the network is back.
 */
import { expect, gotoHydrated, signInAs, storageStateFor, test, uniqueFirstName } from './fixtures';
import { captureResult, clearFaults, fillRequired, sandboxRequests, uniqueEmail } from './capture-support';
import { deviceQueue, goOffline, goOnline, waitForShell } from './offline-support';

test('"Forget this tablet": confirmed, the waiting captures are discarded; audited once online', async ({ page, context, request, browser }) => {
  test.setTimeout(120_000);
  await clearFaults(request);
  await signInAs(page, 'manager');
  await gotoHydrated(page, '/capture');
  await waitForShell(page, '/capture');
  // Only with captures waiting.
  await expect(page.getByRole('button', { name: 'Forget this tablet' })).toHaveCount(0);

  await goOffline(context);
  const emails = [uniqueEmail('forget1'), uniqueEmail('forget2')];
  for (const email of emails) {
    await fillRequired(page, { first: uniqueFirstName('Forget'), last: 'Tablet', email });
    await page.getByRole('button', { name: 'Save lead' }).click();
    await expect(captureResult(page)).toHaveText('Saved on this tablet — will send when the network is back.');
  }
  await expect(page.getByTestId('device-queue-count')).toHaveText('2 waiting on this tablet');

  // "Keep them" keeps them.
  await page.getByRole('button', { name: 'Forget this tablet' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Discard the 2 captures waiting on this tablet?');
  await dialog.getByRole('button', { name: 'Keep them' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await deviceQueue(page)).toHaveLength(2);

  await page.getByRole('button', { name: 'Forget this tablet' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Discard them' }).click();
  await expect(page.getByTestId('device-queue-count')).toHaveCount(0);
  expect(await deviceQueue(page)).toHaveLength(0);
  const tablet = await page.evaluate(() => localStorage.getItem('storedesk.deviceId'));
  expect(tablet).toBeTruthy();

  await goOnline(context);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('storedesk.capture.forgotten')), { timeout: 15_000 }).toBeNull();
  for (const email of emails) expect((await sandboxRequests(request, 'footprints', '', email)).filter((r) => r.method === 'POST')).toHaveLength(0);

  const admin = await browser.newPage({ storageState: storageStateFor('admin') });
  await gotoHydrated(admin, '/admin/audit?action=capture.forgetTablet');
  const entry = admin.getByTestId('audit-table').locator('tbody tr').filter({ hasText: String(tablet) });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('success');
  await admin.close();
});
