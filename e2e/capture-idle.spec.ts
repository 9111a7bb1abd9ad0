/**
 * Journey (issue 19.13): the idle warning is shown in view wherever the hostess has scrolled, as a modal
 * alert dialog that screen readers announce and that takes focus; "Stay" keeps the form, no answer clears
 * it; axe has no serious or critical violation with the warning shown.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { clearFaults } from './capture-support';
import { expect, gotoHydrated, signInAs, test } from './fixtures';

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

async function scrolledHalfFilledForm(page: Page, to: 'top' | 'bottom' = 'bottom') {
  await page.getByLabel('First name', { exact: true }).fill('Gabriela');
  await page.getByLabel('Phone', { exact: true }).fill('0722 000 998');
  // Every optional section open: the page is long; she is at its bottom.
  for (const summary of await page.locator('details > summary').all()) await summary.click();
  await page.getByLabel('Comments', { exact: true }).scrollIntoViewIfNeeded();
  await page.evaluate((top) => window.scrollTo(0, top ? 0 : document.documentElement.scrollHeight), to === 'top');
  const scrollY = await page.evaluate(() => window.scrollY);
  if (to === 'bottom') expect(scrollY).toBeGreaterThan(500);
  else expect(scrollY).toBe(0);
  return scrollY;
}

test.beforeEach(async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await page.clock.install();
  await gotoHydrated(page, '/capture');
});

test('scrolled down: the warning appears in view, focused and announced; "Stay" keeps the form; axe clean', async ({ page }) => {
  const scrollY = await scrolledHalfFilledForm(page);
  await page.clock.runFor(122_000);
  const warning = page.getByRole('alertdialog', { name: 'Still with the customer?' });
  await expect(warning).toBeVisible();
  // In view where she is (the page did not move), not drawn far down the form.
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
  await expect(warning).toBeInViewport({ ratio: 1 });
  // Announced: a modal alert dialog with its text as description, and focus inside it.
  await expect(warning).toHaveAttribute('aria-modal', 'true');
  await expect(warning).toHaveAccessibleDescription(/cleared in 30 seconds/);
  const stay = warning.getByRole('button', { name: /Stay/ });
  await expect(stay).toBeFocused();

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await stay.click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Gabriela');
  await expect(page.getByLabel('Phone', { exact: true })).toHaveValue('0722 000 998');
  // Escape answers "Stay" too.
  await page.clock.runFor(122_000);
  await expect(warning).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(warning).toHaveCount(0);
  await page.clock.runFor(31_000);
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Gabriela');
});

test('at the top of a long form, no answer: the warning is in view there too; the form is cleared 30 s later and says so', async ({ page }) => {
  await scrolledHalfFilledForm(page, 'top');
  await page.clock.runFor(122_000);
  const warning = page.getByRole('alertdialog', { name: 'Still with the customer?' });
  await expect(warning).toBeInViewport({ ratio: 1 });
  await page.clock.runFor(31_000);
  await expect(warning).toHaveCount(0);
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Phone', { exact: true })).toHaveValue('');
  await expect(page.getByTestId('capture-result')).toContainText('The form was cleared after two minutes without activity');
  await expect(page.getByTestId('capture-result-region')).toBeFocused();
});
