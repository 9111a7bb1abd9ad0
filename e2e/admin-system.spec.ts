/**
 * Issue 17: an admin opens /admin/system from the navigation and reads the instance, the database, the vendors
 * from real traffic (her own sign-in just called Footprints), the queue and the lead sync; the page refreshes by
 * itself; it passes axe; nobody else may open it.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, signInAs, storageStateFor, test } from './fixtures';

test('an admin reads the system page, which refreshes itself; a manager may not open it', async ({ page, browser }) => {
  test.setTimeout(60_000);
  // A fresh sign-in: a Footprints call within the last 15 minutes, whatever ran before.
  await signInAs(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'System', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/system$/);
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
  await expect(page.getByRole('heading', { name: 'System', level: 1 })).toBeVisible();

  await expect(page.getByTestId('system-this-instance')).toContainText(/Version\s*\d+\.\d+\.\d+/);
  await expect(page.getByTestId('system-this-instance')).toContainText('Up for');
  await expect(page.getByTestId('system-instance').filter({ hasText: '— this one' })).toHaveCount(1);
  await expect(page.getByTestId('system-database')).toContainText('Embedded (PGlite)');
  const migrations = (await page.getByTestId('system-database').textContent()) ?? '';
  const [, applied, known] = /(\d+) of (\d+) applied/.exec(migrations) ?? [];
  expect(Number(applied)).toBeGreaterThan(0);
  expect(applied).toBe(known);

  const footprints = page.getByTestId('system-vendor-footprints');
  await expect(footprints).not.toContainText('no calls');
  await expect(footprints.getByRole('cell').nth(3)).not.toHaveText('none seen'); // last success
  await expect(footprints).toContainText(/\d+ ms/);
  for (const v of ['netcore', 'loyalty']) await expect(page.getByTestId(`system-vendor-${v}`)).toBeVisible();
  await expect(page.getByTestId('system-queue')).toContainText('Waiting to reach a vendor');
  await expect(page.getByTestId('system-lead-sync')).toContainText('Last success');

  // Every violation, whatever its impact, except the shell's sandbox banner sitting outside a landmark (not this page's).
  const axe = await new AxeBuilder({ page }).analyze();
  const violations = axe.violations.filter((v) => !v.nodes.every((n) => n.html.includes('data-testid="sandbox-banner"')));
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Auto-refresh: a newer read arrives without any click.
  const first = await page.getByTestId('system-updated').getAttribute('data-generated');
  await expect(page.getByTestId('system-updated')).not.toHaveAttribute('data-generated', first ?? '', { timeout: 25_000 });

  const manager = await browser.newContext({ storageState: storageStateFor('manager') });
  const res = await (await manager.newPage()).goto('/admin/system');
  expect(res?.status()).toBe(403);
  await manager.close();
});
