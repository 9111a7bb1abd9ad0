/** Journey: Footprints refuses a submission (a validation error of the vendor): the hostess gets its reason and keeps her data. */
import { expect, gotoHydrated, signInAs, test } from './fixtures';
import { captureResult, clearFaults, fillRequired, setFaults, uniqueEmail } from './capture-support';

test("a vendor refusal comes back with the vendor's reason; the data stays; saving again works", async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await setFaults(request, { vendor: 'footprints', failStatus: 422, failCount: 1, match: '/api/lead' });
  await fillRequired(page, { first: 'Roxana', last: 'Lazar', email: uniqueEmail('refused') });
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toHaveAttribute('role', 'alert');
  await expect(captureResult(page)).toContainText('Footprints refused this lead: sandbox fault: HTTP 422');
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Roxana');
  const failed = page.getByTestId('my-submission').filter({ hasText: 'Roxana L.' }).first();
  await expect(failed).toHaveAttribute('data-state', 'failed');
  await expect(failed).toContainText('Reason: sandbox fault: HTTP 422');

  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText('Sent — Footprints lead');
});
