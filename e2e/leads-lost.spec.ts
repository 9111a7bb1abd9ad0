/** Manager journey: moving a lead to `lost` from its card's menu records the reason through the lost-lead endpoint. */
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import { expect, gotoHydrated, test } from './fixtures';
import { freshPipeline, vendorLead } from './leads-support';

const ANA = FOOTPRINTS_DEMO.demoLeadIds[0]; // lead

test('menu move to lost asks the reason and records it through the lost-lead endpoint', async ({ page }) => {
  await freshPipeline(page, 'q=ana.popescu');
  await page.getByLabel('Move Ana Popescu to').selectOption('lost');
  await page.getByRole('button', { name: 'Move Ana Popescu', exact: true }).click();
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
