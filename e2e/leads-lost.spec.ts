/** Manager journey: moving a lead to `lost` from its card's menu records the reason through the lost-lead endpoint. */
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

test('menu move to lost asks the reason and records it through the lost-lead endpoint', async ({ page }) => {
  await freshPipeline(page, 'q=ana.popescu');
  await page.getByLabel('Move Ana Popescu to').selectOption('lost');
  const dialog = page.getByRole('dialog', { name: /to lost/ });
  await dialog.getByRole('button', { name: 'Move to lost' }).click();
  await expect(dialog.getByTestId('dialog-error')).toContainText('Choose one of the reasons');
  await dialog.getByLabel('Why was it lost?').selectOption('price_too_high');
  await dialog.getByLabel('Comment (optional)').fill('Found it cheaper online');
  await dialog.getByRole('button', { name: 'Move to lost' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('column-lost').locator(`[data-lead-id="${ANA}"]`)).toBeVisible();

  expect(await vendorLead(page.request, ANA)).toMatchObject({ status: 'lost', reasonLost: 'price_too_high' });
  const log = await (await page.request.get('/sandbox/_control/requests?vendor=footprints')).json();
  const calls = (log.requests as { method: string; path: string; status: number }[]).filter((r) => r.path.startsWith(`/api/lead/${ANA}`));
  expect(calls.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`PUT /api/lead/${ANA}/leadLost 200`, `PUT /api/lead/${ANA} 200`]);

  await gotoHydrated(page, `/leads/${ANA}`);
  await expect(page.getByText('Price too high')).toBeVisible();
  await expect(page.getByText('Found it cheaper online')).toBeVisible();
});
