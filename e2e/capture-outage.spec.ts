/**
 * Journey: Footprints is down. The hostess sees "Saved — will sync", her list shows the lead waiting, sign-out
 * warns her, and when the outage ends the lead arrives exactly once without anyone acting.
 */
import { expect, gotoHydrated, signInAs, test, uniqueFirstName } from './fixtures';
import { captureResult, clearFaults, clearRequests, fillRequired, footprintsLeadsByEmail, sandboxRequests, setFaults, uniqueEmail, openCaptureSections } from './capture-support';

test('outage: saved, waiting, sign-out warns; after the outage it arrives exactly once by itself', async ({ page, request }) => {
  test.setTimeout(120_000);
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await clearRequests(request);
  const email = uniqueEmail('outage');
  await setFaults(request, { vendor: 'footprints', outage: true });

  // Unique per run: the list also shows the earlier pass's Carmen, then sent.
  const first = uniqueFirstName('Carmen');
  await fillRequired(page, { first, last: 'Ilie', email });
  // The selections GET /api/lead needs to list it (location, category, offer, consultant).
  await openCaptureSections(page, ['Store and offer']);
  await page.getByLabel('Location', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Offer category', { exact: true }).selectOption({ label: 'Furniture' });
  await page.getByLabel('Offer', { exact: true }).selectOption({ label: 'Corner sofa' });
  await page.getByLabel('Consultant', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText('Saved — will sync');
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('');

  const mine = page.getByTestId('my-submission').filter({ hasText: `${first} I.` });
  await expect(mine).toHaveAttribute('data-state', 'waiting');
  await expect(mine).toContainText('Waiting to sync');
  // Plain words, never the vendor's ("Last try: Service Unavailable (sandbox outage)").
  await expect(mine).toContainText('Footprints is not answering right now; it will be sent automatically.');
  await expect(page.getByTestId('my-submissions')).not.toContainText('Service Unavailable');
  await expect(page.getByTestId('my-submissions')).not.toContainText('sandbox');

  // Sign-out warns that something of hers is still waiting; she stays.
  await page.getByRole('button', { name: 'Sign out' }).click();
  const warning = page.getByRole('alertdialog');
  await expect(warning).toContainText('One of your leads is still waiting to sync');
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning).toHaveCount(0);
  await expect(page).toHaveURL(/\/capture/);

  await page.waitForTimeout(3_000);
  await setFaults(request, { vendor: 'footprints', outage: false });
  // Nobody acts: the worker retries with backoff and the lead arrives.
  await expect.poll(async () => (await footprintsLeadsByEmail(request, email)).length, { timeout: 60_000, intervals: [1_000] }).toBe(1);
  await expect(mine).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
  await page.waitForTimeout(4_000);
  expect(await footprintsLeadsByEmail(request, email)).toHaveLength(1);
  const accepted = (await sandboxRequests(request, 'footprints')).filter((r) => r.method === 'POST' && r.path === '/api/lead' && r.status === 200);
  expect(accepted).toHaveLength(1);

  // Nothing waits any more: sign-out goes straight through.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\?ended=signed_out/);
});
