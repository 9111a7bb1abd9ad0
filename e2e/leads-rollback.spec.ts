/** Manager journey: when Footprints refuses a move, the optimistically moved card goes back with a clear message. */
import type { APIRequestContext, Page } from '@playwright/test';
import { SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET } from '../lib/sandbox/demo-staff';
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import { expect, gotoHydrated, resetSandbox, signInAs, test } from './fixtures';

const ANA = FOOTPRINTS_DEMO.demoLeadIds[0]; // lead

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

test('a vendor refusal rolls the card back', async ({ page }) => {
  await freshPipeline(page, 'q=ana.popescu');
  await expect(page.getByTestId('column-lead').locator(`[data-lead-id="${ANA}"]`)).toBeVisible();
  const fault = await page.request.post('/sandbox/_control/faults', { data: { vendor: 'footprints', failStatus: 400, failCount: 1, match: ANA } });
  expect(fault.ok()).toBeTruthy();
  await page.locator(`[data-lead-id="${ANA}"]`).dragTo(page.getByTestId('column-sale_lead'));
  await expect(page.getByTestId('toast').filter({ hasText: 'Footprints refused this' })).toContainText('Ana Popescu stays in Lead.');
  await expect(page.getByTestId('column-lead').locator(`[data-lead-id="${ANA}"]`)).toBeVisible();
  await expect(page.getByTestId('column-sale_lead').locator(`[data-lead-id="${ANA}"]`)).toHaveCount(0);
  expect((await vendorLead(page.request, ANA)).status).toBe('lead');

  // The next try, with the vendor answering again, goes through.
  await page.locator(`[data-lead-id="${ANA}"]`).dragTo(page.getByTestId('column-sale_lead'));
  await expect(page.getByTestId('column-sale_lead').locator(`[data-lead-id="${ANA}"]`)).toBeVisible();
  await expect.poll(async () => (await vendorLead(page.request, ANA)).status).toBe('sale_lead');
});
