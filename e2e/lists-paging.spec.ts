/**
 * Issue 19.6 outside the pipeline: on the audit trail a from-date after the to-date is said beside the field
 * (and not applied); a page past the last shows the last page on the audit trail and the privacy case list.
 */
import { expect, gotoHydrated, signInAs, test } from './fixtures';

test('audit trail: a wrong range is said beside its field; a page past the last is the last page', async ({ page }) => {
  await signInAs(page, 'admin');
  await gotoHydrated(page, '/admin/audit?from=2026-12-31&to=2026-01-01');
  await expect(page.getByLabel('From (UTC day)')).toHaveAccessibleDescription(/first day is after the last day/);
  await expect(page.getByTestId('audit-table').locator('tbody tr').first()).toBeVisible();

  await gotoHydrated(page, '/admin/audit?page=999');
  await expect(page.getByText(/^Page (\d+) of \1$/)).toBeVisible();
  await expect(page.getByTestId('audit-table').locator('tbody tr').first()).toBeVisible();
});

test('privacy case list: a page past the last shows the cases of the last page', async ({ page }) => {
  await signInAs(page, 'support');
  await gotoHydrated(page, '/privacy');
  await page.getByLabel("Data subject's e-mail").fill('ana.popescu@example.com');
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page).toHaveURL(/\/privacy\/[0-9a-f-]{36}$/);
  await gotoHydrated(page, '/privacy?page=999');
  await expect(page.getByTestId('case-row').first()).toBeVisible();
});
