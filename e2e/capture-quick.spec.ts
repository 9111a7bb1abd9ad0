/**
 * Journey (issue 19.14): "a lead in under a minute". Required fields and consent are up front, the rest in
 * collapsed sections that keep their values and open by keyboard; a person typing at 5 characters a second
 * completes a minimal lead with consent in under 60 s of simulated time; leaving or reloading a half-filled
 * form asks first; axe is clean with the sections collapsed and open.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, gotoHydrated, signInAs, test, uniquePhone } from './fixtures';
import { captureResult, clearFaults, uniqueEmail } from './capture-support';
import { JOURNEY_TARGET_SECONDS, minimalLeadJourney, personSeconds } from './capture-journey';

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

const SECTIONS = ['Store and offer', 'More about the customer', 'Feedback'];
const section = (page: Page, title: string) => page.locator('details').filter({ has: page.locator('summary', { hasText: title }) });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.beforeEach(async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
});

test('required fields and consent up front, optional ones collapsed; sections open by keyboard and keep their values; axe clean both ways', async ({ page }) => {
  // Up front: names, contact, consent and the save button; nothing optional in sight.
  for (const label of ['First name', 'Last name', 'E-mail', 'Phone']) await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Terms & Conditions/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Privacy Policy/ })).toBeVisible();
  for (const label of ['Location', 'Birthday', 'City', 'NPS (0–10)', 'Comments']) await expect(page.getByLabel(label, { exact: true })).toBeHidden();
  // The consent comes before the optional sections in the page's order.
  const consentTop = (await page.getByRole('checkbox', { name: /Terms & Conditions/ }).boundingBox())!.y;
  const firstSectionTop = (await section(page, 'Store and offer').boundingBox())!.y;
  expect(consentTop).toBeLessThan(firstSectionTop);
  expect(await seriousViolations(page)).toEqual([]);

  // Keyboard: Enter on a section's summary opens it; a value typed there stays when it is closed again.
  await section(page, 'More about the customer').locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('City', { exact: true })).toBeVisible();
  await page.getByLabel('City', { exact: true }).fill('Brașov');
  await section(page, 'More about the customer').locator('summary').focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('City', { exact: true })).toBeHidden();
  await expect(section(page, 'More about the customer').locator('summary')).toContainText('1 filled');
  await section(page, 'More about the customer').locator('summary').press('Enter');
  await expect(page.getByLabel('City', { exact: true })).toHaveValue('Brașov');

  // Every section open: axe again.
  for (const title of SECTIONS) {
    if (!(await section(page, title).evaluate((d) => (d as HTMLDetailsElement).open))) await section(page, title).locator('summary').click();
  }
  await expect(page.getByLabel('Comments', { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('an error in a closed section opens it', async ({ page }) => {
  await section(page, 'Feedback').locator('summary').click();
  await page.getByLabel('NPS (0–10)').fill('11');
  await section(page, 'Feedback').locator('summary').click();
  await expect(page.getByLabel('NPS (0–10)')).toBeHidden();
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(page.getByLabel('NPS (0–10)')).toBeVisible();
  await expect(page.getByLabel('NPS (0–10)')).toHaveAccessibleDescription(/NPS is a whole number from 0 to 10/);
});

test('a person typing at 5 characters a second completes a minimal lead with consent in under 60 s of simulated time', async ({ page }) => {
  const steps = minimalLeadJourney(uniqueEmail('quick'), uniquePhone());
  let serverMs = 0;
  for (const step of steps) {
    if (step.kind === 'type') await page.getByLabel(step.label, { exact: true }).pressSequentially(step.text);
    else if (step.kind === 'check') await page.getByRole('checkbox', { name: step.label }).check();
    else {
      const t0 = Date.now();
      await page.getByRole('button', { name: step.button }).click();
      await expect(captureResult(page)).toContainText('Sent — Footprints lead');
      serverMs += Date.now() - t0;
    }
  }
  const seconds = personSeconds(steps) + serverMs / 1000;
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/capture-journey-e2e.json', JSON.stringify({ at: new Date().toISOString(), seconds, personSeconds: personSeconds(steps), serverMs }, null, 2));
  expect(seconds).toBeLessThan(JOURNEY_TARGET_SECONDS);
});

test('leaving or reloading a half-filled form asks first', async ({ page }) => {
  // Nothing typed: nothing to ask.
  expect(await page.evaluate(() => window.dispatchEvent(new Event('beforeunload', { cancelable: true })))).toBe(true);
  await page.getByLabel('First name', { exact: true }).fill('Ioana');

  // Reload / close: the browser's own prompt.
  const notCancelled = await page.evaluate(() => window.dispatchEvent(new Event('beforeunload', { cancelable: true })));
  expect(notCancelled).toBe(false);

  // A link inside the console: asked; "Cancel" keeps her on the form with what she typed.
  const questions: string[] = [];
  page.once('dialog', (d) => {
    questions.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('link', { name: 'Loyalty desk' }).click();
  await expect.poll(() => questions).toEqual(['Leave this form? What you typed for this customer will be lost.']);
  await expect(page).toHaveURL(/\/capture$/);
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Ioana');

  // "OK" leaves.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('link', { name: 'Loyalty desk' }).click();
  await expect(page).toHaveURL(/\/loyalty$/);
});
