/** Manager journey: a bulk move to `customer` from the table cannot bypass the contract rule; a plain bulk move goes through. */
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import { expect, test } from './fixtures';
import { freshPipeline, vendorLead } from './leads-support';

const MIHAI = FOOTPRINTS_DEMO.demoLeadIds[1]; // sale_lead
const IOANA = FOOTPRINTS_DEMO.demoLeadIds[4]; // prospect

test('bulk move to customer is refused lead by lead; bulk move to opportunity goes through', async ({ page }) => {
  await freshPipeline(page, 'q=example.com&view=table');
  const table = page.getByTestId('leads-table');
  await expect(table.locator(`tr[data-lead-id="${MIHAI}"]`)).toBeVisible();
  await page.getByLabel('Select Mihai Ionescu').check();
  await page.getByLabel('Select Ioana Marin').check();
  await page.getByLabel(/Move 2 selected to/).selectOption('customer');
  await page.getByRole('button', { name: 'Move selected' }).click();
  await expect(page.getByTestId('bulk-report')).toContainText('0 moved to Customer. 2 not moved: A customer needs the contract');
  expect((await vendorLead(page.request, MIHAI)).status).toBe('sale_lead');
  expect((await vendorLead(page.request, IOANA)).status).toBe('prospect');
  await expect(table.locator(`tr[data-lead-id="${MIHAI}"] [data-testid="row-status"]`)).toHaveText('Sale lead');

  await page.getByLabel('Select Mihai Ionescu').check();
  await page.getByLabel('Select Ioana Marin').check();
  await page.getByLabel(/Move 2 selected to/).selectOption('opportunity');
  await page.getByRole('button', { name: 'Move selected' }).click();
  await expect(page.getByTestId('bulk-report')).toContainText('2 moved to Opportunity.');
  await expect(table.locator(`tr[data-lead-id="${IOANA}"] [data-testid="row-status"]`)).toHaveText('Opportunity');
  expect((await vendorLead(page.request, IOANA)).status).toBe('opportunity');
});
