/**
 * Manager journey (issue 19.4): view, filters, sort and page live in the URL through the Next router, so
 * Back from a lead and a reload show exactly what was shown; a page past the last is clamped (19.6).
 */
import { expect, gotoHydrated, test } from './fixtures';
import { freshPipeline } from './leads-support';

test('table + status filter + sort survive opening a lead, Back and reload', async ({ page }) => {
  await freshPipeline(page, '');
  await expect(page.getByTestId('board')).toBeVisible();

  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page).toHaveURL(/view=table/);
  await page.getByLabel('Status', { exact: true }).selectOption('sale_lead');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=sale_lead/);
  await page.getByRole('button', { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc|dir=asc.*sort=name|sort=name.*dir=asc/);
  const table = page.getByTestId('leads-table');
  await expect(page.getByTestId('sort-caption')).toHaveText('Leads sorted by last name, A to Z');
  await expect(table.getByTestId('row-status').first()).toHaveText('Sale lead');
  const shown = await table.locator('tbody tr[data-lead-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lead-id')));
  expect(shown.length).toBeGreaterThan(1);
  const url = page.url();

  const check = async () => {
    await expect(page.getByRole('button', { name: 'Table', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('sale_lead');
    await expect(page.getByTestId('sort-caption')).toHaveText('Leads sorted by last name, A to Z');
    await expect(table.locator('tbody tr[data-lead-id]')).toHaveCount(shown.length);
    expect(await table.locator('tbody tr[data-lead-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lead-id')))).toEqual(shown);
    expect(page.url()).toBe(url);
  };

  await table.locator('tbody tr[data-lead-id] a').first().click();
  await expect(page).toHaveURL(/\/leads\/[0-9a-f]{24}/);
  await page.goBack();
  await check();
  await page.reload();
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
  await check();

  // Back again walks the earlier views: the sort, then the filter, then the board.
  await page.goBack();
  await expect(page.getByTestId('sort-caption')).toHaveText('Leads sorted by date created, newest first');
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('sale_lead');
});

test('a page past the last shows the last page, and the URL says which', async ({ page }) => {
  await freshPipeline(page, 'view=table');
  await gotoHydrated(page, '/leads?view=table&page=999');
  await expect(page.getByTestId('page-of')).toHaveText(/^Page (\d+) of \1$/);
  await expect(page.getByTestId('leads-table').locator('tbody tr[data-lead-id]').first()).toBeVisible();
  const last = /Page (\d+)/.exec((await page.getByTestId('page-of').textContent()) ?? '')![1];
  await expect.poll(() => new URL(page.url()).searchParams.get('page') ?? '1').toBe(last);
});
