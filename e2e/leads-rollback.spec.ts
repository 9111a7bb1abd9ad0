/** Manager journey: when Footprints refuses a move, the optimistically moved card goes back with a clear message. */
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import { expect, test } from './fixtures';
import { freshPipeline, vendorLead } from './leads-support';

const ANA = FOOTPRINTS_DEMO.demoLeadIds[0]; // lead

test('a vendor refusal rolls the card back', async ({ page }) => {
  await freshPipeline(page, 'q=ana.popescu');
  await expect(page.getByTestId('column-lead').locator(`[data-lead-id="${ANA}"]`)).toBeVisible();
  const fault = await page.request.post('/sandbox/_control/faults', { data: { vendor: 'footprints', failStatus: 400, failCount: 1, match: ANA } });
  expect(fault.ok()).toBeTruthy();
  await page.locator(`[data-lead-id="${ANA}"]`).dragTo(page.getByTestId('column-sale_lead'));
  await expect(page.getByTestId('toast').filter({ hasText: 'Footprints did not accept this change' })).toContainText('Ana Popescu stays in Lead.');
  await expect(page.getByTestId('column-lead').locator(`[data-lead-id="${ANA}"]`)).toBeVisible();
  await expect(page.getByTestId('column-sale_lead').locator(`[data-lead-id="${ANA}"]`)).toHaveCount(0);
  expect((await vendorLead(page.request, ANA)).status).toBe('lead');

  // The next try, with the vendor answering again, goes through.
  await page.locator(`[data-lead-id="${ANA}"]`).dragTo(page.getByTestId('column-sale_lead'));
  await expect(page.getByTestId('column-sale_lead').locator(`[data-lead-id="${ANA}"]`)).toBeVisible();
  await expect.poll(async () => (await vendorLead(page.request, ANA)).status).toBe('sale_lead');
});
