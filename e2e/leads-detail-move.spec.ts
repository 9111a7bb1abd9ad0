/**
 * Manager journey (issue 19 point 1): moving a lead from its detail page to Customer (contract + a real PDF)
 * and to Lost (a reason). The rule dialogs render outside the page's "Move to" form, so their own submit
 * reaches Footprints and the audit trail instead of reloading the page with the contract in the URL.
 */
import AxeBuilder from '@axe-core/playwright';
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import { expect, gotoHydrated, storageStateFor, test } from './fixtures';
import { freshPipeline, vendorLead } from './leads-support';

const ANA = FOOTPRINTS_DEMO.demoLeadIds[0]; // lead
const ELENA = FOOTPRINTS_DEMO.demoLeadIds[2]; // opportunity
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

const seriousOrCritical = async (page: import('@playwright/test').Page) =>
  (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

test('detail page: Move to Customer with a contract and a PDF reaches Footprints and the audit trail', async ({ page, browser }) => {
  await freshPipeline(page, 'q=elena.dumitru');
  await gotoHydrated(page, `/leads/${ELENA}`);
  await expect(page.getByTestId('lead-status')).toContainText('Opportunity');

  await page.getByLabel('Move to', { exact: true }).selectOption('customer');
  const move = page.getByRole('button', { name: 'Move', exact: true });
  await move.click();
  const dialog = page.getByRole('dialog', { name: /to customer/ });
  await expect(dialog).toBeVisible();
  // Outside any form: the dialog's own form is the only one its button submits.
  expect(await dialog.evaluate((el) => el.parentElement?.closest('form') === null)).toBe(true);
  await expect(dialog.getByLabel('Contract number')).toBeFocused();
  expect(await seriousOrCritical(page)).toEqual([]);

  // Escape closes it and gives focus back to the Move button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(move).toBeFocused();

  await move.click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Contract number').fill('SD-E2E-0777');
  await dialog.getByLabel('Contract value').fill('12500');
  await dialog.getByLabel('Contract date').fill('2026-05-04');
  await dialog.getByLabel('Contract description').fill('Living room, delivered');
  await dialog.getByLabel(/Signed contract/).setInputFiles({ name: 'signed-contract.pdf', mimeType: 'application/pdf', buffer: PDF });
  await dialog.getByRole('button', { name: 'Move to customer' }).click();
  await expect(dialog).toBeHidden();

  // No reload into a GET with the contract in the URL; the status changed here and at Footprints.
  expect(page.url()).not.toContain('contractNumber');
  await expect(page.getByTestId('lead-status')).toContainText('Customer');
  await expect(page.getByLabel('Move to', { exact: true })).toBeFocused();
  expect(await vendorLead(page.request, ELENA)).toMatchObject({ status: 'customer', contractNumber: 'SD-E2E-0777', contractValue: '12500' });
  await expect(page.getByTestId('documents')).toContainText('signed-contract.pdf');

  const admin = await browser.newPage({ storageState: storageStateFor('admin') });
  await gotoHydrated(admin, '/admin/audit?action=leads.updateStatus');
  const entry = admin.getByTestId('audit-table').locator('tbody tr').filter({ hasText: ELENA });
  await expect(entry.first()).toContainText('success');
  await expect(entry.first()).toContainText('customer');
  await admin.close();
});

test('detail page: Move to Lost with a reason reaches Footprints and the audit trail', async ({ page, browser }) => {
  await freshPipeline(page, 'q=ana.popescu');
  await gotoHydrated(page, `/leads/${ANA}`);
  await page.getByLabel('Move to', { exact: true }).selectOption('lost');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /to lost/ });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((el) => el.parentElement?.closest('form') === null)).toBe(true);
  await dialog.getByRole('button', { name: 'Move to lost' }).click();
  await expect(dialog.getByTestId('dialog-error')).toContainText('Choose one of the reasons');
  await expect(dialog.getByLabel('Why was it lost?')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Why was it lost?').selectOption('price_too_high');
  await dialog.getByLabel('Comment (optional)').fill('Cheaper at the competitor');
  await dialog.getByRole('button', { name: 'Move to lost' }).click();
  await expect(dialog).toBeHidden();

  expect(page.url()).not.toContain('reason');
  await expect(page.getByTestId('lead-status')).toContainText('Lost');
  expect(await vendorLead(page.request, ANA)).toMatchObject({ status: 'lost', reasonLost: 'price_too_high' });

  const admin = await browser.newPage({ storageState: storageStateFor('admin') });
  await gotoHydrated(admin, '/admin/audit?action=leads.recordLostReason');
  await expect(admin.getByTestId('audit-table').locator('tbody tr').filter({ hasText: ANA }).first()).toContainText('success');
  await admin.close();
});
