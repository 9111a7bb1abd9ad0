/** Manager journey: a bulk move to `customer` from the table cannot bypass the contract rule; a plain bulk move goes through. */
import type { APIRequestContext, Page } from '@playwright/test';
import { SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET } from '../lib/sandbox/demo-staff';
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import { expect, gotoHydrated, resetSandbox, signInAs, test } from './fixtures';

const MIHAI = FOOTPRINTS_DEMO.demoLeadIds[1]; // sale_lead
const IOANA = FOOTPRINTS_DEMO.demoLeadIds[4]; // prospect

async function vendorLead(request: APIRequestContext, id: string): Promise<Record<string, unknown>> {
  const basic = Buffer.from(`${SANDBOX_FOOTPRINTS_KEY}:${SANDBOX_FOOTPRINTS_SECRET}`).toString('base64');
  const tokenRes = await request.post('/sandbox/footprints/api/token', { headers: { authorization: `Basic ${basic}` }, form: { grant_type: 'client_credentials' } });
  const { access_token } = (await tokenRes.json()) as { access_token: string };
  const end = new Date().toISOString().slice(0, 10);
  const res = await request.get(`/sandbox/footprints/api/lead?access_token=${access_token}&startDate=2020-01-01&endDate=${end}&pageSize=1000&page=1`);
  const leads = (await res.json()) as Record<string, unknown>[];
  const lead = leads.find((l) => l._id === id);
  if (!lead) throw new Error(`lead ${id} not listed by the sandbox`);
  return lead;
}

async function freshPipeline(page: Page, query: string) {
  await resetSandbox(page);
  await signInAs(page, 'manager');
  await gotoHydrated(page, `/leads?${query}`);
  await page.getByRole('button', { name: 'Refresh from Footprints' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Synced \d+ leads/ })).toBeVisible({ timeout: 30_000 });
}

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
