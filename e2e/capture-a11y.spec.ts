/** Journey: the capture page is usable with one hand on a 768 px portrait tablet, with a screen reader and a keyboard. */
import AxeBuilder from '@axe-core/playwright';
import { expect, gotoHydrated, signInAs, test } from './fixtures';
import { clearFaults, openCaptureSections } from './capture-support';

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

test('axe: no serious or critical violations; 44 px targets; keyboards and labels', async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // No horizontal scrolling at 768 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);

  // Every control of the form is at least 44 px tall (checkboxes and radios: their label is the target), sections open.
  await openCaptureSections(page);
  const small = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('form input:not([type=hidden]):not([type=checkbox]):not([type=radio]), form select, form textarea, form button')) {
      const r = el.getBoundingClientRect();
      if (r.height < 44) out.push(`${el.id || el.textContent}: ${r.height}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('form input[type=checkbox], form input[type=radio]')) {
      const r = el.closest('label')!.getBoundingClientRect();
      if (r.height < 44) out.push(`label of ${el.id}: ${r.height}`);
    }
    return out;
  });
  expect(small).toEqual([]);

  // The right keyboard and autofill purpose for each field.
  await expect(page.getByLabel('E-mail', { exact: true })).toHaveAttribute('inputmode', 'email');
  await expect(page.getByLabel('E-mail', { exact: true })).toHaveAttribute('type', 'email');
  await expect(page.getByLabel('E-mail', { exact: true })).toHaveAttribute('autocomplete', /email$/);
  await expect(page.getByLabel('Phone', { exact: true })).toHaveAttribute('inputmode', 'tel');
  await expect(page.getByLabel('Phone', { exact: true })).toHaveAttribute('autocomplete', /tel$/);
  await expect(page.getByLabel('First name', { exact: true })).toHaveAttribute('autocomplete', /given-name$/);
  await expect(page.getByLabel('Last name', { exact: true })).toHaveAttribute('autocomplete', /family-name$/);
  await expect(page.getByLabel('NPS (0–10)')).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByLabel('Children', { exact: true })).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByLabel('Birthday', { exact: true })).toHaveAttribute('type', 'date');

  // Logical focus order: names, then contact.
  await page.getByLabel('First name', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Last name', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-mail', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Phone', { exact: true })).toBeFocused();

  // The consent boxes and marketing channels are labelled checkboxes a screen reader names.
  await expect(page.getByRole('checkbox', { name: /Terms & Conditions/ })).toBeVisible();
  for (const name of ['Offers by SMS', 'Offers by e-mail', 'Offers by app notification', 'Offers by direct mail (post)', 'Offers on social media']) {
    await expect(page.getByRole('checkbox', { name })).toBeVisible();
  }
  await expect(page.getByRole('group', { name: /contact me with offers/ })).toBeVisible();

  // Axe again with errors shown.
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(page.getByTestId('error-firstName')).toBeVisible();
  const withErrors = await new AxeBuilder({ page }).analyze();
  expect(withErrors.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
