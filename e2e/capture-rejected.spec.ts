/** Journey: Footprints refuses a submission (a validation error of the vendor): the hostess reads what to do in plain words and keeps her data. */
import { expect, gotoHydrated, signInAs, test, uniqueFirstName } from './fixtures';
import { captureResult, clearFaults, fillRequired, setFaults, uniqueEmail } from './capture-support';

test('a vendor refusal comes back in plain words (never the vendor text); the data stays; saving again works', async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await setFaults(request, { vendor: 'footprints', failStatus: 422, failCount: 1, match: '/api/lead' });
  // Unique per run: the list also shows the earlier pass's Roxana.
  const first = uniqueFirstName('Roxana');
  await fillRequired(page, { first, last: 'Lazar', email: uniqueEmail('refused') });
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toHaveAttribute('role', 'alert');
  await expect(captureResult(page)).toContainText('Footprints did not accept this lead. Check the name, e-mail, phone and birthday with the customer');
  await expect(captureResult(page)).not.toContainText('sandbox fault');
  await expect(captureResult(page)).not.toContainText('HTTP');
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue(first);
  const failed = page.getByTestId('my-submission').filter({ hasText: `${first} L.` });
  await expect(failed).toHaveAttribute('data-state', 'failed');
  await expect(failed).toContainText('Not accepted by Footprints: capture it again with the customer, or ask an admin');
  await expect(page.getByTestId('my-submissions')).not.toContainText('sandbox fault');

  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText('Sent — Footprints lead');
});
