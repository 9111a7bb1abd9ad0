/**
 * Journey (issue 14): the store's Wi-Fi drops. After one online sign-in the capture desk reloads and works
 * offline, with the catalogues it was last loaded with; three captures wait on the tablet (the header counts
 * them, a reload keeps them, nothing reaches Footprints); sign-out warns; back online each arrives exactly once,
 * its follow-up (the Netcore contact) too.
 * A capture the console refuses on arrival stays on the tablet as "needs attention".
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, gotoHydrated, signInAs, test, uniqueFirstName } from './fixtures';
import { captureResult, clearFaults, clearRequests, fillRequired, openCaptureSections, sandboxRequests, uniqueEmail, NOTHING_MORE_MS } from './capture-support';
import { alterQueued, deviceQueue, goOffline, goOnline, waitForShell } from './offline-support';

async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('offline: the desk reloads, three captures wait on the tablet, back online each arrives exactly once', async ({ page, context, request }) => {
  test.setTimeout(150_000);
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await waitForShell(page, '/capture');
  await clearRequests(request);

  await goOffline(context);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
  const notice = page.getByTestId('offline-notice');
  await expect(notice).toContainText('No network');
  await expect(notice).toContainText('The check for people already captured is skipped while offline.');
  await expect(page.getByTestId('catalogues-from')).toContainText(/Catalogues from \d/);
  // The catalogues are there offline: the location list offers the hostess's stores.
  await openCaptureSections(page, ['Store and offer']);
  expect(await page.getByLabel('Location', { exact: true }).locator('option').count()).toBeGreaterThan(1);

  const emails = [uniqueEmail('offline1'), uniqueEmail('offline2'), uniqueEmail('offline3')];
  for (const [i, email] of emails.entries()) {
    await fillRequired(page, { first: uniqueFirstName('Offline'), last: `Tablet${'abc'[i]}`, email });
    // The first customer wants offers by e-mail: a follow-up (the Netcore contact) comes with her capture.
    if (i === 0) await page.getByLabel('Offers by e-mail').check();
    await page.getByRole('button', { name: 'Save lead' }).click();
    await expect(captureResult(page)).toHaveText('Saved on this tablet — will send when the network is back.');
    await expect(page.getByLabel('First name', { exact: true })).toHaveValue('');
    await expect(page.getByTestId('device-queue-count')).toHaveText(`${i + 1} waiting on this tablet`);
  }

  // The offline states are accessible (the notice, the result, the header's count).
  expect(await seriousAxeViolations(page)).toEqual([]);

  // A reload (still offline) keeps them.
  await page.reload();
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
  await expect(page.getByTestId('device-queue-count')).toHaveText('3 waiting on this tablet');
  expect(await deviceQueue(page)).toHaveLength(3);

  // The installed app's start URL opens the desk offline too.
  const start = await page.goto('/');
  expect(start?.fromServiceWorker()).toBe(true);
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
  await expect(page.getByRole('heading', { name: 'Capture a lead' })).toBeVisible();
  await expect(page.getByTestId('device-queue-count')).toHaveText('3 waiting on this tablet');

  // Sign-out warns with the count on the tablet; she stays.
  await page.getByRole('button', { name: 'Sign out' }).click();
  const warning = page.getByRole('alertdialog');
  await expect(warning).toContainText('3 captures are waiting on this tablet');
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning).toHaveCount(0);

  // Nothing reached the console's vendors while offline.
  expect((await sandboxRequests(request, 'footprints')).filter((r) => r.method === 'POST' && r.path === '/api/lead')).toHaveLength(0);

  await goOnline(context);
  await expect(page.getByTestId('device-queue-count')).toHaveCount(0, { timeout: 30_000 });
  // Each arrives at Footprints (its add-lead call carries the e-mail) exactly once.
  const addLeads = async (email: string) =>
    (await sandboxRequests(request, 'footprints', '', email)).filter((r) => r.method === 'POST' && r.path === '/api/lead' && r.status === 200).length;
  for (const email of emails) await expect.poll(() => addLeads(email), { timeout: 30_000 }).toBe(1);
  const contacts = async () => (await sandboxRequests(request, 'netcore-api', '', emails[0])).filter((r) => r.method === 'POST' && r.status === 200).length;
  await expect.poll(contacts, { timeout: 20_000 }).toBe(1);
  expect(await deviceQueue(page)).toHaveLength(0);
  // A later sync run (the timer, the page shown again) sends nothing twice.
  await page.reload();
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
  await page.waitForTimeout(NOTHING_MORE_MS);
  for (const email of emails) expect(await addLeads(email)).toBe(1);
  expect(await contacts()).toBe(1);
  const accepted = (await sandboxRequests(request, 'footprints')).filter((r) => r.method === 'POST' && r.path === '/api/lead' && r.status === 200);
  expect(accepted).toHaveLength(3);
});

test('a capture the console refuses on arrival stays on the tablet as "needs attention"; discarded on request', async ({ page, context, request }) => {
  test.setTimeout(120_000);
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await waitForShell(page, '/capture');

  await goOffline(context);
  const email = uniqueEmail('refused');
  await fillRequired(page, { first: uniqueFirstName('Refused'), last: 'Later', email });
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toHaveText('Saved on this tablet — will send when the network is back.');
  // The consent text was retired while the tablet was offline.
  await alterQueued(page, { consentWordingVersion: 'retired-2020' });

  await goOnline(context);
  const attention = page.getByTestId('needs-attention');
  await expect(attention).toContainText('The consent text has changed', { timeout: 30_000 });
  await expect(page.getByTestId('device-queue-count')).toHaveText('1 needs attention');
  expect((await sandboxRequests(request, 'footprints', '', email)).filter((r) => r.method === 'POST')).toHaveLength(0);
  expect((await deviceQueue(page))[0]?.state).toBe('needs-attention');

  expect(await seriousAxeViolations(page)).toEqual([]);

  await attention.getByRole('button', { name: 'Discard' }).click();
  await expect(attention).toHaveCount(0);
  await expect(page.getByTestId('device-queue-count')).toHaveCount(0);
  expect(await deviceQueue(page)).toHaveLength(0);
});
