/**
 * Manager journey (issue 19.1, pipeline half): a bulk move to customer is refused for want of a contract,
 * and its message leads to a working path — each refused lead's page with the contract dialog open — where
 * the move to customer goes through (nothing leaks into the URL).
 */
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import { expect, test } from './fixtures';
import { freshPipeline, vendorLead } from './leads-support';

const MIHAI = FOOTPRINTS_DEMO.demoLeadIds[1]; // sale_lead
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

test('"open each lead to add its contract" opens the lead with its contract dialog, and the move goes through', async ({ page }) => {
  await freshPipeline(page, 'q=mihai.ionescu&view=table');
  await page.getByLabel('Select Mihai Ionescu').check();
  await page.getByLabel(/Move 1 selected to/).selectOption('customer');
  await page.getByRole('button', { name: 'Move selected' }).click();
  const report = page.getByTestId('bulk-report');
  await expect(report).toContainText('0 moved to Customer. 1 not moved');
  await expect(report).toContainText('Open each lead to add its contract');

  await report.getByRole('link', { name: 'Mihai Ionescu' }).click();
  await expect(page).toHaveURL(new RegExp(`/leads/${MIHAI}\\?move=customer$`));
  const dialog = page.getByRole('dialog', { name: /to customer/ });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Contract number').fill('SD-E2E-0077');
  await dialog.getByLabel('Contract value').fill('9900');
  await dialog.getByLabel('Contract date').fill('2026-05-04');
  await dialog.getByLabel('Contract description').fill('Sofa and delivery');
  await dialog.getByLabel(/Signed contract/).setInputFiles({ name: 'contract-mihai.pdf', mimeType: 'application/pdf', buffer: PDF });
  await dialog.getByRole('button', { name: 'Move to customer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('lead-status')).toContainText('Customer');
  expect(page.url()).not.toContain('contractNumber');
  expect(await vendorLead(page.request, MIHAI)).toMatchObject({ status: 'customer', contractNumber: 'SD-E2E-0077' });
  await expect(page.getByTestId('status-history')).toContainText('Sale lead → Customer by');
});
