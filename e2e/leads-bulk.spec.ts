/** Manager journey: a bulk move to `customer` from the table cannot bypass the contract rule; a plain bulk move goes through. */
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import type { Page } from '@playwright/test';
import { expect, gotoHydrated, storageStateFor, test } from './fixtures';
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

/** Audit entries for `action` on lead `id` (the page's own count, filtered by action and by the lead id). */
async function auditCount(admin: Page, action: string, id: string): Promise<number> {
  await gotoHydrated(admin, `/admin/audit?action=${action}&q=${id}`);
  const text = await admin.getByRole('status').filter({ hasText: /\d+ entr(y|ies)/ }).textContent();
  // "1 entry", "2 entries" (an ICU plural since issue 16).
  return Number(/(\d+) entr(y|ies)/.exec(text ?? '')?.[1]);
}

test('bulk move to lost asks one reason, sends it for every selected lead, and audits each', async ({ page, browser }) => {
  // Two browsers, a pipeline sync and eight audit pages: sized for a loaded machine.
  test.setTimeout(150_000);
  const admin = await browser.newPage({ storageState: storageStateFor('admin') });
  try {
    const ACTIONS = ['leads.recordLostReason', 'leads.updateStatus'] as const;
    const before = new Map<string, number>();
    for (const action of ACTIONS) for (const id of [MIHAI, IOANA]) before.set(`${action} ${id}`, await auditCount(admin, action, id));

    await freshPipeline(page, 'q=example.com&view=table');
    const table = page.getByTestId('leads-table');
    await expect(table.locator(`tr[data-lead-id="${MIHAI}"]`)).toBeVisible();
    const since = new Date().toISOString();
    await page.getByLabel('Select Mihai Ionescu').check();
    await page.getByLabel('Select Ioana Marin').check();
    await page.getByLabel(/Move 2 selected to/).selectOption('lost');
    await page.getByRole('button', { name: 'Move selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move 2 leads to lost' });
    // No reason, nothing sent.
    await dialog.getByRole('button', { name: 'Move to lost' }).click();
    await expect(dialog.getByTestId('dialog-error')).toContainText('Choose one of the reasons');
    expect((await vendorLead(page.request, MIHAI)).status).toBe('sale_lead');
    await dialog.getByLabel('Why was it lost?').selectOption('price_too_high');
    await dialog.getByRole('button', { name: 'Move to lost' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('bulk-report')).toContainText('2 moved to Lost.');

    // Footprints: each lead lost with the reason, through the lost-lead endpoint and then the status update.
    for (const id of [MIHAI, IOANA]) {
      expect(await vendorLead(page.request, id)).toMatchObject({ status: 'lost', reasonLost: 'price_too_high' });
      await expect(table.locator(`tr[data-lead-id="${id}"] [data-testid="row-status"]`)).toHaveText('Lost');
    }
    const log = await (await page.request.get('/sandbox/_control/requests?vendor=footprints')).json();
    const calls = (log.requests as { method: string; path: string; status: number; at: string }[])
      .filter((r) => r.method === 'PUT' && r.at >= since)
      .map((r) => `${r.path} ${r.status}`)
      .sort();
    expect(calls).toEqual([`/api/lead/${IOANA} 200`, `/api/lead/${IOANA}/leadLost 200`, `/api/lead/${MIHAI} 200`, `/api/lead/${MIHAI}/leadLost 200`].sort());

    // The audit trail: per lead, one new entry for the reason and one for the move, by the manager, with the reason.
    for (const action of ACTIONS) {
      for (const id of [MIHAI, IOANA]) {
        expect(await auditCount(admin, action, id), `${action} ${id}`).toBe(before.get(`${action} ${id}`)! + 1);
        const newest = admin.getByTestId('audit-table').locator('tbody tr').first();
        await expect(newest).toContainText(`lead: ${id}`);
        await expect(newest).toContainText('success');
        await expect(newest).toContainText('"reasonLost":"price_too_high"');
        await expect(newest).toContainText('manager');
      }
    }
  } finally {
    await admin.close();
  }
});
