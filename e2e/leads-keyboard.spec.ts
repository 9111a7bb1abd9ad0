/**
 * Keyboard journey (issue 19.3), no mouse and no selectOption: walking a card's "Move to…" menu with the
 * arrow keys moves nothing; Enter on the menu, or the Move button, confirms.
 */
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import { expect, test } from './fixtures';
import { freshPipeline, vendorLead } from './leads-support';

const ANA = FOOTPRINTS_DEMO.demoLeadIds[0]; // lead

async function putsFor(page: import('@playwright/test').Page, id: string): Promise<string[]> {
  const log = await (await page.request.get('/sandbox/_control/requests?vendor=footprints')).json();
  return (log.requests as { method: string; path: string }[]).filter((r) => r.method === 'PUT' && r.path.startsWith(`/api/lead/${id}`)).map((r) => r.path);
}

test('arrow keys on a card menu move nothing; Enter, or Tab to Move, does', async ({ page }) => {
  await freshPipeline(page, 'q=ana.popescu');
  const inColumn = (status: string) => page.getByTestId(`column-${status}`).locator(`[data-lead-id="${ANA}"]`);
  await expect(inColumn('lead')).toBeVisible();

  // Reach the card by keyboard from the search field.
  await page.getByLabel('Name, e-mail or phone').focus();
  const menu = page.getByLabel('Move Ana Popescu to');
  for (let i = 0; i < 40 && !(await menu.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(menu).toBeFocused();

  await page.keyboard.press('ArrowDown'); // Prospect
  await page.keyboard.press('ArrowDown'); // Sale lead
  await expect(menu).toHaveValue('sale_lead');
  await page.waitForTimeout(500);
  expect(await putsFor(page, ANA)).toEqual([]);
  await expect(inColumn('lead')).toBeVisible();
  expect((await vendorLead(page.request, ANA)).status).toBe('lead');

  await page.keyboard.press('Enter');
  await expect(inColumn('sale_lead')).toBeVisible();
  await expect.poll(async () => (await vendorLead(page.request, ANA)).status).toBe('sale_lead');

  // The same with the Move button: to Opportunity (the menu now lists Prospect, Lead, Opportunity, …).
  const again = page.getByLabel('Move Ana Popescu to');
  await page.getByLabel('Name, e-mail or phone').focus();
  for (let i = 0; i < 40 && !(await again.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(again).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(again).toHaveValue('opportunity');
  expect(await putsFor(page, ANA)).toHaveLength(1);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Move Ana Popescu', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inColumn('opportunity')).toBeVisible();
  await expect.poll(async () => (await vendorLead(page.request, ANA)).status).toBe('opportunity');
});
