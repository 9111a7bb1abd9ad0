/**
 * Manager journey (issues 19.5, 19.6, 19.8): a wrong date range is said beside its field; a move to the
 * status a lead already has says so (detail page, bulk); an action dated years ahead is refused beside its
 * field; errors of the action form go once they no longer apply.
 */
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import { expect, gotoHydrated, test } from './fixtures';
import { freshPipeline, vendorLead } from './leads-support';

const MIHAI = FOOTPRINTS_DEMO.demoLeadIds[1]; // sale_lead
const IOANA = FOOTPRINTS_DEMO.demoLeadIds[4]; // prospect

test('a from-date after the to-date, or a cleared date, is said beside the field', async ({ page }) => {
  await freshPipeline(page, 'view=table');
  const url = page.url();
  const from = page.getByLabel('Created from');
  await from.fill('2026-12-31');
  await page.getByLabel('Created to').fill('2026-01-01');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(from).toHaveAccessibleDescription(/first day is after the last day/);
  expect(page.url()).toBe(url);
  await from.fill('2026-01-01');
  await expect(from).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Created to').fill('');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByLabel('Created to')).toHaveAccessibleDescription(/Enter the last day/);
  expect(page.url()).toBe(url);
});

test('moving to the status a lead already has says so: on its page and in bulk', async ({ page, context }) => {
  await freshPipeline(page, 'q=example.com&view=table');
  // Bulk: Mihai is a sale lead already, Ioana a prospect.
  await page.getByLabel('Select Mihai Ionescu').check();
  await page.getByLabel('Select Ioana Marin').check();
  await page.getByLabel(/Move 2 selected to/).selectOption('sale_lead');
  await page.getByRole('button', { name: 'Move selected' }).click();
  await expect(page.getByTestId('bulk-report')).toContainText('1 moved to Sale lead. 1 already in Sale lead.');
  await expect.poll(async () => (await vendorLead(page.request, IOANA)).status).toBe('sale_lead');

  // Detail page opened before someone else moved the lead: the move there says it is already done.
  await gotoHydrated(page, `/leads/${MIHAI}`);
  const other = await context.newPage();
  await gotoHydrated(other, `/leads/${MIHAI}`);
  await other.getByLabel('Move to', { exact: true }).selectOption('opportunity');
  await other.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(other.getByTestId('lead-status')).toContainText('Opportunity');
  await other.close();
  await page.getByLabel('Move to', { exact: true }).selectOption('opportunity');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Mihai Ionescu is already in Opportunity.' })).toBeVisible();
});

test('the action form: a date years ahead refused beside it; errors go when they no longer apply', async ({ page }) => {
  await freshPipeline(page, 'q=mihai.ionescu');
  await gotoHydrated(page, `/leads/${MIHAI}`);
  const form = page.getByRole('form', { name: 'Add an action' });
  await form.getByRole('button', { name: 'Add action' }).click();
  const detail = form.getByLabel('What happened');
  await expect(detail).toHaveAccessibleDescription('Describe the action');
  await expect(form.getByLabel('Type', { exact: true })).toHaveAccessibleDescription('Choose the type of action');

  await form.getByLabel('Type', { exact: true }).selectOption({ index: 1 });
  await expect(form.getByLabel('Type', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  await detail.fill('Planned a visit');
  await expect(detail).not.toHaveAttribute('aria-invalid', 'true');
  const when = form.getByLabel('When (empty: now)');
  await when.fill(`${new Date().getFullYear() + 3}-01-10T10:00`);
  await form.getByRole('button', { name: 'Add action' }).click();
  await expect(when).toHaveAccessibleDescription(/at most 31 days ahead/);
  await expect(page.getByTestId('timeline')).not.toContainText('Planned a visit');

  await when.fill('');
  await expect(when).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByTestId('timeline')).toContainText('Planned a visit');
  await expect(form.getByTestId('action-form-error')).toHaveCount(0);
  await expect(form.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(form.getByText('Describe the action')).toHaveCount(0);
});
