/**
 * Manager journey: drag a lead to `customer`. The contract dialog opens, refuses to finish without a PDF,
 * refuses a non-PDF renamed .pdf with a clear message, and after a real PDF the sandbox holds the status,
 * the contract fields and the file. Cancelling leaves the lead where it was.
 */
import AxeBuilder from '@axe-core/playwright';
import { uniqueEmail } from './capture-support';
import { expect, gotoHydrated, test } from './fixtures';
import { addVendorLead, freshPipeline, refreshFromFootprints, setVendorLeadStatus, vendorLead } from './leads-support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

test('drag to customer: contract dialog, no PDF refused, fake PDF refused, real PDF reaches the sandbox', async ({ page }) => {
  // A lead of its own, in opportunity: the console keeps the contract PDFs it uploaded, and a sandbox reset does
  // not forget them, so a demo lead moved here once (the first e2e pass) would need no PDF the second time.
  const email = uniqueEmail('customer.drag');
  await freshPipeline(page, `q=${email}`);
  const ELENA = await addVendorLead(page.request, { first: 'Elena', last: 'Contract', email });
  await setVendorLeadStatus(page.request, ELENA, 'opportunity');
  await page.request.delete('/sandbox/_control/requests');
  await refreshFromFootprints(page);
  const card = page.locator(`[data-lead-id="${ELENA}"]`);
  await expect(page.getByTestId('column-opportunity').locator(`[data-lead-id="${ELENA}"]`)).toBeVisible();

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Cancelling leaves the lead where it was.
  await card.dragTo(page.getByTestId('column-customer'));
  const dialog = page.getByRole('dialog', { name: /to customer/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('column-opportunity').locator(`[data-lead-id="${ELENA}"]`)).toBeVisible();

  await card.dragTo(page.getByTestId('column-customer'));
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Contract number').fill('SD-E2E-0042');
  await dialog.getByLabel('Contract value').fill('18900');
  await dialog.getByLabel('Contract date').fill('2026-05-04');
  await dialog.getByLabel('Contract description').fill('Kitchen with installation');

  // No PDF: the server's rule refuses, the dialog stays open with the reason.
  await dialog.getByRole('button', { name: 'Move to customer' }).click();
  await expect(dialog.getByTestId('dialog-error')).toContainText('contract PDF');
  expect((await vendorLead(page.request, ELENA)).status).toBe('opportunity');

  // A zip renamed .pdf: refused with a clear message, nothing sent.
  await dialog.getByLabel(/Signed contract/).setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: Buffer.from('PK\u0003\u0004 not a pdf at all') });
  await dialog.getByRole('button', { name: 'Move to customer' }).click();
  await expect(dialog.getByTestId('dialog-error')).toContainText('contract.pdf is not a PDF');
  expect((await vendorLead(page.request, ELENA)).status).toBe('opportunity');

  await dialog.getByLabel(/Signed contract/).setInputFiles({ name: 'signed-contract.pdf', mimeType: 'application/pdf', buffer: PDF });
  await dialog.getByRole('button', { name: 'Move to customer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('column-customer').locator(`[data-lead-id="${ELENA}"]`)).toBeVisible();

  const lead = await vendorLead(page.request, ELENA);
  expect(lead).toMatchObject({ status: 'customer', contractNumber: 'SD-E2E-0042', contractValue: '18900', contractDate: '2026-05-04' });
  const log = await (await page.request.get('/sandbox/_control/requests?vendor=footprints')).json();
  const calls = (log.requests as { method: string; path: string; status: number }[]).filter((r) => r.path.startsWith(`/api/lead/${ELENA}`));
  expect(calls.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`PUT /api/lead/${ELENA}/contracts 200`, `PUT /api/lead/${ELENA} 200`]);

  // The detail page shows the file, the contract and who moved it.
  await gotoHydrated(page, `/leads/${ELENA}`);
  await expect(page.getByTestId('lead-status')).toContainText('Customer');
  await expect(page.getByTestId('documents')).toContainText('signed-contract.pdf');
  await expect(page.getByTestId('status-history')).toContainText('Opportunity → Customer by');
  await expect(page.getByText('Kitchen with installation')).toBeVisible();
  const axeDetail = await new AxeBuilder({ page }).analyze();
  expect(axeDetail.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
