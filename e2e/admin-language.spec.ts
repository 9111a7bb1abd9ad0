/**
 * Issue 16: the admin desk in Romanian — a browser preferring ro-RO gets the staff & roles page, the sync queue
 * (its "Needs a person" tab included) and the audit trail in Romanian, with Romanian dates; axe is clean.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, gotoHydrated, storageStateFor, test } from './fixtures';

async function axeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
}

test.describe('admin desk in Romanian', () => {
  test.use({ storageState: storageStateFor('admin'), locale: 'ro-RO' });

  test('staff, sync queue and audit trail are Romanian and axe-clean', async ({ page }) => {
    await gotoHydrated(page, '/admin/staff');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
    await expect(page.getByRole('heading', { name: 'Personal', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/Personal/);
    await expect(page.getByRole('searchbox', { name: 'Caută în personal' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Configurează' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Ultima autentificare' })).toBeVisible();
    await axeClean(page);

    await gotoHydrated(page, '/admin/queue');
    await expect(page.getByRole('heading', { name: 'Coada de sincronizare', level: 1 })).toBeVisible();
    await page.getByRole('tab', { name: /^Necesită o persoană/ }).click();
    await expect(page.getByRole('tab', { name: /^Necesită o persoană/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: /^Toate/ })).toBeVisible();
    await axeClean(page);

    await gotoHydrated(page, '/admin/audit');
    await expect(page.getByRole('heading', { name: 'Jurnal de audit', level: 1 })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(/^\d+ (intrare|intrări|de intrări)$/);
    // Dates in Romanian: the month is a Romanian abbreviation ("04 dec. 2026, 13:02:07").
    const firstWhen = page.getByTestId('audit-table').locator('tbody tr').first().locator('td').first();
    await expect(firstWhen).toHaveText(/^\d{2} (ian\.|feb\.|mar\.|apr\.|mai|iun\.|iul\.|aug\.|sept\.|oct\.|nov\.|dec\.) \d{4}, \d{2}:\d{2}:\d{2}$/);
    await axeClean(page);

    await gotoHydrated(page, '/admin/system');
    await expect(page.getByRole('heading', { name: 'Sistem', level: 1 })).toBeVisible();
    await expect(page.getByTestId('system-database')).toContainText('Motor');
    await axeClean(page);
  });
});
